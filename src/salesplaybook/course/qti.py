"""``quiz-qti.zip``: the quiz as an IMS QTI 2.1 content package, for Canvas, Blackboard and the
other platforms that import QTI.

The zip holds ``imsmanifest.xml`` (IMS Content Packaging 1.1), one ``assessmentItem`` file per
question under ``items/`` and one ``assessmentTest`` (``test.xml``) with a section per session;
the manifest lists every file as a resource (items ``imsqti_item_xmlv2p1``, the test
``imsqti_test_xmlv2p1`` depending on them). Choice and true/false items score 1 for the right
answer; choose-all-that-apply items map each option to its share (negative for a wrong one,
bounded to 0..1); short-answer items are ``extendedTextInteraction`` scored by the trainer, the
model answer in a ``rubricBlock`` for the scorer only. The explanation is each item's
``modalFeedback``, shown after the attempt. Entries carry a fixed date so that the same playbook
gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from salesplaybook.content.model import Track
from salesplaybook.core.languages import Lang
from salesplaybook.course.lms import LmsItem, lms_items

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
MANIFEST = "imsmanifest.xml"
TEST = "test.xml"
FEEDBACK_ID = "EXPLANATION"
_FIXED_DATE = (2000, 1, 1, 0, 0, 0)


def _number(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def item_path(entry: LmsItem) -> str:
    return f"items/{entry.item.id}.xml"


def _q(name: str) -> str:
    return f"{{{QTI}}}{name}"


def _sub(
    parent: etree._Element, name: str, text: str | None = None, **attrs: str
) -> etree._Element:
    node = etree.SubElement(parent, _q(name), **attrs)
    if text is not None:
        node.text = text
    return node


def _set(parent: etree._Element, outcome: str, base_type: str, value: str) -> None:
    node = _sub(parent, "setOutcomeValue", identifier=outcome)
    _sub(node, "baseValue", value, baseType=base_type)


def _declarations(root: etree._Element, entry: LmsItem) -> None:
    item = entry.item
    if item.kind == "short_answer":
        _sub(
            root,
            "responseDeclaration",
            identifier="RESPONSE",
            cardinality="single",
            baseType="string",
        )
    else:
        multiple = item.kind == "multiple_choice"
        decl = _sub(
            root,
            "responseDeclaration",
            identifier="RESPONSE",
            cardinality="multiple" if multiple else "single",
            baseType="identifier",
        )
        correct = _sub(decl, "correctResponse")
        for i in item.answer:
            _sub(correct, "value", f"CHOICE_{i}")
        if multiple:
            right = set(item.answer)
            wrong = max(1, len(entry.options) - len(right))
            mapping = _sub(decl, "mapping", lowerBound="0", upperBound="1", defaultValue="0")
            for i in range(len(entry.options)):
                share = 1 / len(right) if i in right else -1 / wrong
                _sub(mapping, "mapEntry", mapKey=f"CHOICE_{i}", mappedValue=_number(share))
    score = _sub(
        root, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float"
    )
    _sub(_sub(score, "defaultValue"), "value", "0")
    _sub(
        root,
        "outcomeDeclaration",
        identifier="FEEDBACK",
        cardinality="single",
        baseType="identifier",
    )


def _body(root: etree._Element, entry: LmsItem) -> None:
    item = entry.item
    body = _sub(root, "itemBody")
    if item.kind == "short_answer":
        rubric = _sub(body, "rubricBlock", view="scorer")
        _sub(rubric, "p", entry.key or "")
        interaction = _sub(
            body, "extendedTextInteraction", responseIdentifier="RESPONSE", expectedLines="6"
        )
        _sub(interaction, "prompt", entry.question)
        return
    interaction = _sub(
        body,
        "choiceInteraction",
        responseIdentifier="RESPONSE",
        shuffle="false" if item.kind == "true_false" else "true",
        maxChoices="0" if item.kind == "multiple_choice" else "1",
    )
    _sub(interaction, "prompt", entry.question)
    for i, text in enumerate(entry.options):
        _sub(interaction, "simpleChoice", text, identifier=f"CHOICE_{i}")


def _processing(root: etree._Element, entry: LmsItem) -> None:
    proc = _sub(root, "responseProcessing")
    kind = entry.item.kind
    if kind == "multiple_choice":
        _sub(
            _sub(proc, "setOutcomeValue", identifier="SCORE"), "mapResponse", identifier="RESPONSE"
        )
    elif kind != "short_answer":
        condition = _sub(proc, "responseCondition")
        when = _sub(condition, "responseIf")
        match = _sub(when, "match")
        _sub(match, "variable", identifier="RESPONSE")
        _sub(match, "correct", identifier="RESPONSE")
        _set(when, "SCORE", "float", "1")
        _set(_sub(condition, "responseElse"), "SCORE", "float", "0")
    _set(proc, "FEEDBACK", "identifier", FEEDBACK_ID)


def item_xml(entry: LmsItem, lang: Lang) -> bytes:
    root = etree.Element(_q("assessmentItem"), nsmap={None: QTI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    root.set("identifier", entry.item.id)
    root.set("title", f"{entry.number} {entry.question}"[:200])
    root.set("adaptive", "false")
    root.set("timeDependent", "false")
    root.set(XML_LANG, "zh-CN" if lang == "zh" else "en")
    _declarations(root, entry)
    _body(root, entry)
    _processing(root, entry)
    feedback = _sub(
        root, "modalFeedback", outcomeIdentifier="FEEDBACK", showHide="show", identifier=FEEDBACK_ID
    )
    _sub(feedback, "p", entry.explanation)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def test_xml(track: Track, lang: Lang, entries: list[LmsItem]) -> bytes:
    root = etree.Element(_q("assessmentTest"), nsmap={None: QTI, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{QTI} {QTI_XSD}")
    root.set("identifier", f"{track.id}_quiz")
    root.set("title", track.name.get(lang))
    part = _sub(
        root,
        "testPart",
        identifier=f"{track.id}_part",
        navigationMode="nonlinear",
        submissionMode="simultaneous",
    )
    sections: dict[str, etree._Element] = {}
    for entry in entries:
        if entry.category not in sections:
            number = entry.number.split(".")[0]
            sections[entry.category] = _sub(
                part,
                "assessmentSection",
                identifier=f"{track.id}_s{number}",
                title=entry.category,
                visible="true",
            )
        _sub(
            sections[entry.category],
            "assessmentItemRef",
            identifier=entry.item.id,
            href=item_path(entry),
        )
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def manifest_xml(track: Track, lang: Lang, entries: list[LmsItem]) -> bytes:
    def cp(name: str) -> str:
        return f"{{{CP}}}{name}"

    root = etree.Element(cp("manifest"), nsmap={None: CP, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{CP} {CP_XSD}")
    root.set("identifier", f"MANIFEST_{track.id}_{lang}")
    meta = etree.SubElement(root, cp("metadata"))
    etree.SubElement(meta, cp("schema")).text = "QTIv2.1 Package"
    etree.SubElement(meta, cp("schemaversion")).text = "1.0.0"
    etree.SubElement(root, cp("organizations"))
    resources = etree.SubElement(root, cp("resources"))
    test = etree.SubElement(
        resources,
        cp("resource"),
        identifier=f"RES_{track.id}_quiz",
        type="imsqti_test_xmlv2p1",
        href=TEST,
    )
    etree.SubElement(test, cp("file"), href=TEST)
    for entry in entries:
        etree.SubElement(test, cp("dependency"), identifierref=f"RES_{entry.item.id}")
    for entry in entries:
        res = etree.SubElement(
            resources,
            cp("resource"),
            identifier=f"RES_{entry.item.id}",
            type="imsqti_item_xmlv2p1",
            href=item_path(entry),
        )
        etree.SubElement(res, cp("file"), href=item_path(entry))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def build(track: Track, lang: Lang) -> bytes:
    entries = lms_items(track, lang)
    files = [
        (MANIFEST, manifest_xml(track, lang, entries)),
        (TEST, test_xml(track, lang, entries)),
        *((item_path(e), item_xml(e, lang)) for e in entries),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=_FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
