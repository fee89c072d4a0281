"""QTI 2.1 content package: the manifest lists every file, items have the required structure.

The QTI 2.1 XSD is not vendored here; the rules of the schema and of IMS Content Packaging that
an importer relies on are checked one by one instead: namespaces, required attributes, the order
of an item's parts, identifiers unique and NCName-shaped, every response and outcome referenced
declared, every choice of the correct response present, every file in the manifest and the zip.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree

from salesplaybook.content.model import Playbook
from salesplaybook.core.languages import Lang
from salesplaybook.course import qti
from tests.lms_cases import CASES, NASTY, nasty_track, quiz_count, track_of

NS = {"q": qti.QTI, "cp": qti.CP}
NCNAME = re.compile(r"^[A-Za-z_][\w.-]*$")
#: assessmentItem's children in the schema's sequence.
ITEM_ORDER = [
    "responseDeclaration",
    "outcomeDeclaration",
    "templateDeclaration",
    "templateProcessing",
    "stylesheet",
    "itemBody",
    "responseProcessing",
    "modalFeedback",
]


def local(node: etree._Element) -> str:
    return str(etree.QName(node).localname)


def check_item(data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    assert root.tag == f"{{{qti.QTI}}}assessmentItem"
    for attr in ("identifier", "title", "adaptive", "timeDependent"):
        assert root.get(attr), attr
    assert NCNAME.match(root.get("identifier", ""))
    order = [ITEM_ORDER.index(local(c)) for c in root if isinstance(c.tag, str)]
    assert order == sorted(order)
    declared = {d.get("identifier") for d in root.findall("q:responseDeclaration", NS)}
    outcomes = {d.get("identifier") for d in root.findall("q:outcomeDeclaration", NS)}
    assert {"SCORE", "FEEDBACK"} <= outcomes
    interactions = root.xpath(
        ".//q:choiceInteraction | .//q:extendedTextInteraction", namespaces=NS
    )
    assert len(interactions) == 1
    interaction = interactions[0]
    assert interaction.get("responseIdentifier") in declared
    assert interaction.findtext("q:prompt", namespaces=NS)
    choices = [c.get("identifier") for c in interaction.findall("q:simpleChoice", NS)]
    assert len(set(choices)) == len(choices)
    for value in root.findall("q:responseDeclaration/q:correctResponse/q:value", NS):
        assert value.text in choices
    for entry in root.findall(".//q:mapEntry", NS):
        assert entry.get("mapKey") in choices
    for node in root.xpath(".//q:setOutcomeValue", namespaces=NS):
        assert node.get("identifier") in outcomes
    feedback = root.findall("q:modalFeedback", NS)
    assert len(feedback) == 1
    assert feedback[0].get("outcomeIdentifier") in outcomes
    return root


def read(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def check_package(data: bytes) -> dict[str, etree._Element]:
    files = read(data)
    manifest = etree.fromstring(files[qti.MANIFEST])
    assert manifest.tag == f"{{{qti.CP}}}manifest"
    assert manifest.get("identifier")
    assert manifest.find("cp:organizations", NS) is not None
    resources = manifest.findall("cp:resources/cp:resource", NS)
    ids = [r.get("identifier") for r in resources]
    assert len(set(ids)) == len(ids)
    assert all(NCNAME.match(i or "") for i in ids)
    listed = {f.get("href") for f in manifest.findall(".//cp:file", NS)}
    assert listed == set(files) - {qti.MANIFEST}
    for res in resources:
        assert res.get("href") in files
        assert res.get("type") in ("imsqti_item_xmlv2p1", "imsqti_test_xmlv2p1")
    for dep in manifest.findall(".//cp:dependency", NS):
        assert dep.get("identifierref") in ids
    items = {
        r.get("href"): check_item(files[r.get("href", "")])
        for r in resources
        if r.get("type") == "imsqti_item_xmlv2p1"
    }
    item_ids = [i.get("identifier") for i in items.values()]
    assert len(set(item_ids)) == len(item_ids)
    test = etree.fromstring(files[qti.TEST])
    refs = test.findall(".//q:assessmentItemRef", NS)
    assert {r.get("href") for r in refs} == set(items)
    assert {r.get("identifier") for r in refs} == set(item_ids)
    return items


@pytest.mark.parametrize(("track_id", "lang"), CASES)
def test_every_track_exports(playbook: Playbook, track_id: str, lang: Lang) -> None:
    track = track_of(playbook, track_id)
    data = qti.build(track, lang)
    items = check_package(data)
    assert len(items) == quiz_count(track)
    assert data == qti.build(track, lang)  # the same bytes every time


def test_nasty_texts_come_back_whole(playbook: Playbook) -> None:
    items = check_package(qti.build(nasty_track(playbook), "en"))
    by_id = {i.get("identifier"): i for i in items.values()}
    for item in by_id.values():
        prompt = item.find(".//q:prompt", NS)
        assert prompt is not None
        assert prompt.text == NASTY
    multi = by_id["q_multi"]
    assert multi.find(".//q:choiceInteraction", NS).get("maxChoices") == "0"
    values = [e.get("mappedValue") for e in multi.findall(".//q:mapEntry", NS)]
    assert values == ["0.5", "0.5", "-1"]
    short = by_id["q_short"]
    assert short.find(".//q:extendedTextInteraction", NS) is not None
    assert short.find(".//q:rubricBlock", NS).get("view") == "scorer"
