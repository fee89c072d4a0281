"""The Sphinx extension, on a tiny book of its own (a few seconds, no jupyter-book needed)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

ROOT = Path(__file__).resolve().parents[1]

CONF = """
extensions = ["myst_parser", "salesplaybook.sphinxext"]
salesplaybook_content = "content"
language = {language!r}
"""


def make_book(tmp_path: Path, page: str, language: str = "en") -> Path:
    src = tmp_path / "src"
    (src / "content").mkdir(parents=True)
    shutil.copy(ROOT / "playbooks" / "kpis.yaml", src / "content" / "kpis.yaml")
    (src / "conf.py").write_text(CONF.format(language=language), "utf-8")
    (src / "index.md").write_text(page, "utf-8")
    return src


def build(src: Path, *extra: str) -> tuple[int, str]:
    out = src.parent / "out"
    status = build_main(["-q", "-b", "html", *extra, str(src), str(out)])
    html = (out / "index.html").read_text("utf-8") if (out / "index.html").exists() else ""
    return status, html


def test_every_indicator_and_dimension_is_rendered(tmp_path, playbook, capsys):
    src = make_book(tmp_path, "# KPIs\n\n```{kpi-framework}\n```\n")
    status, html = build(src, "-W")
    assert status == 0, capsys.readouterr().err
    for dim in playbook.dimensions:
        assert f'id="kpi-dimension-{dim.id}"' in html
        assert dim.name.en in html
    for ind in playbook.indicators:
        assert f'id="kpi-{ind.id.replace("_", "-")}"' in html
        assert ind.name.en in html
    seeded = sum(i.meets.from_seed + i.excellent.from_seed for i in playbook.indicators)
    rules = sum(1 for i in playbook.indicators if i.context_rule and i.context_rule.from_seed)
    assert html.count('class="sd-badge sd-bg-info sd-bg-text-info spb-seed"') == seeded + rules


def test_chinese_edition_and_dimension_filter(tmp_path, playbook, capsys):
    dim = playbook.dimensions[1]
    src = make_book(
        tmp_path, f"# KPIs\n\n```{{kpi-framework}}\n:dimension: {dim.id}\n```\n", "zh_CN"
    )
    status, html = build(src, "-W")
    assert status == 0, capsys.readouterr().err
    assert dim.name.zh in html
    shown = {i.id for i in playbook.indicators if i.name.zh in html}
    assert shown == {i.id for i in playbook.indicators_of(dim.id)}


def test_content_text_is_escaped(tmp_path, capsys):
    src = make_book(tmp_path, "# KPIs\n\n```{kpi-framework}\n```\n")
    path = src / "content" / "kpis.yaml"
    text = path.read_text("utf-8")
    first_name = re.search(r"name: \{en: ([^,]+),", text)
    assert first_name
    path.write_text(text.replace(first_name[1], '"<script>alert(1)</script>"', 1), "utf-8")
    status, html = build(src, "-W")
    assert status == 0, capsys.readouterr().err
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_invalid_content_fails_the_build_with_file_and_line(tmp_path, capsys):
    src = make_book(tmp_path, "# KPIs\n\n```{kpi-framework}\n```\n")
    path = src / "content" / "kpis.yaml"
    text = path.read_text("utf-8")
    line = text[: text.index("    better:")].count("\n") + 1
    path.write_text(text.replace("    better:", "    beter:", 1), "utf-8")
    status, _ = build(src)  # no -W: invalid content must fail the build on its own
    err = capsys.readouterr().err
    assert status != 0
    assert re.search(rf"kpis.yaml:{line}: .*\.beter: unknown key", err)
    assert "Traceback" not in err


def test_unknown_dimension_is_reported_at_the_directive(tmp_path, capsys):
    src = make_book(tmp_path, "# KPIs\n\nText.\n\n```{kpi-framework}\n:dimension: nope\n```\n")
    status, _ = build(src)
    err = capsys.readouterr().err
    assert status == 0  # a page problem is a warning, as in any Sphinx directive
    assert re.search(r"index.md:5: .*unknown dimension 'nope'", err)


def test_the_extensions_problems_can_be_silenced_by_kind(tmp_path, capsys):
    """Each problem the extension logs has a type (salesplaybook.<kind>) for suppress_warnings."""
    src = make_book(tmp_path, "# KPIs\n\n```{kpi-framework}\n:dimension: customer\n```\n")
    status, _ = build(src, "-W")
    err = capsys.readouterr().err
    assert status != 0
    assert "unknown dimension 'customer'; known: " in err
    assert "did you mean 'customers'?" in err
    conf = src / "conf.py"
    conf.write_text(conf.read_text("utf-8") + 'suppress_warnings = ["salesplaybook.directive"]\n')
    status, _ = build(src, "-W", "-E")
    err = capsys.readouterr().err
    assert status == 0, err
    assert "customer" not in err


@pytest.mark.parametrize("lang", ["fr"])
def test_bad_lang_option_is_reported(tmp_path, capsys, lang):
    src = make_book(tmp_path, f"# KPIs\n\n```{{kpi-framework}}\n:lang: {lang}\n```\n")
    status, _ = build(src, "-W")
    assert status != 0
    assert "lang" in capsys.readouterr().err


ALL_DIRECTIVES = """# Everything

```{supervisor-role}
```

```{customer-tiers}
```

```{protocol} complaint_response_24h
```

```{sales-process}
```

```{objection-handbook}
```

```{key-questions}
```

```{training-track} newcomer
```

```{career-tracks}
```

```{playbook-glossary}
```

```{target-split} annual_to_people
```

```{kpi-framework}
```

```{forecast-categories}
```

```{pipeline-policy}
```

```{qualification-scorecard}
```

```{stage-gates}
```

```{review-rubric} call_review
```

```{review-rubric} ride_along_review
```

```{battlecards}
```

```{working-template} discovery_call_plan
```

```{working-template} mutual_action_plan
```

```{working-template} key_account_plan
```

```{ramp-plan}
```

```{loss-reasons}
```

```{win-loss-review}
```

```{renewal-playbook}
```

```{discount-authority}
```

```{prospecting-standards}
```
"""


def make_full_book(tmp_path: Path, page: str, language: str = "en") -> Path:
    src = make_book(tmp_path, page, language)
    shutil.rmtree(src / "content")
    shutil.copytree(ROOT / "playbooks", src / "content")
    (src / "conf.py").write_text(
        CONF.format(language=language).replace('"myst_parser"', '"myst_parser", "sphinx_design"'),
        "utf-8",
    )
    return src


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_kind_of_content_renders_with_links_that_resolve(
    tmp_path, playbook, capsys, language
):
    src = make_full_book(tmp_path, ALL_DIRECTIVES, language)
    status, html = build(src, "-W")  # an unresolved cross-reference would be a warning
    assert status == 0, capsys.readouterr().err
    lang = "en" if language == "en" else "zh"
    for obj in playbook.objections:
        assert f'id="objection-{obj.id.replace("_", "-")}"' in html
    for q in playbook.key_questions:
        assert f'id="key-question-{q.id.replace("_", "-")}"' in html
    for role in playbook.roles:
        assert f'id="role-{role.id.replace("_", "-")}"' in html
    for term in playbook.glossary:
        assert f'id="term-{term.id.replace("_", "-")}"' in html
    newcomer = next(t for t in playbook.tracks if t.id == "newcomer")
    for module in newcomer.modules:
        assert f'id="module-{module.id.replace("_", "-")}"' in html
        for quiz in module.quiz:
            assert quiz.question.get(lang).replace('"', "&quot;").split("&")[0][:20] in html
    assert html.count("<details") >= len(playbook.objections)
    # each script in both languages, as tabs that switch together
    assert html.count('data-sync-id="script-zh"') == len(playbook.objections)
    for obj in playbook.objections:
        assert obj.script.en.split("'")[0][:30] in html
        assert obj.script.zh[:10] in html
    assert 'href="#kpi-' in html  # KPI links point at the indicators on the same page here
    # the playbook's additions: every item is a link target, and every rubric criterion a row
    anchored = {
        "forecast": playbook.forecast_categories,
        "qualification": playbook.qualification,
        "gate": playbook.stage_gates,
        "rubric": playbook.rubrics,
        "battlecard": playbook.battlecards,
        "working-template": playbook.templates,
        "ramp": playbook.ramp_plan,
        "loss-reason": playbook.loss_reasons,
        "renewal": playbook.renewal,
        "prospecting": playbook.prospecting,
    }
    for kind, items in anchored.items():
        for item in items:
            assert f'id="{kind}-{item.id.replace("_", "-")}"' in html, (kind, item.id)
    for rubric in playbook.rubrics:
        for criterion in rubric.criteria:
            assert criterion.name.get(lang) in html


def test_unknown_ids_in_directive_arguments_are_reported(tmp_path, capsys):
    page = "# X\n\n```{protocol} nope\n```\n\n```{training-track} nope\n```\n\n"
    page += "```{objection-handbook}\n:category: nope\n```\n\n```{target-split} nope\n```\n"
    src = make_full_book(tmp_path, page)
    build(src)
    err = capsys.readouterr().err
    assert "unknown protocol 'nope'" in err
    assert "unknown track 'nope'" in err
    assert "unknown category 'nope'" in err
    assert "unknown example 'nope'" in err


def test_script_text_is_escaped_in_dropdowns(tmp_path, capsys):
    src = make_full_book(tmp_path, ALL_DIRECTIVES)
    path = src / "content" / "objections" / "handbook.yaml"
    text = path.read_text("utf-8")
    path.write_text(
        text.replace("    script:\n      en: ", "    script:\n      en: <b>bold</b> ", 1), "utf-8"
    )
    status, html = build(src, "-W")
    assert status == 0, capsys.readouterr().err
    assert "<b>bold</b>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_rendered_content_is_not_offered_for_translation(tmp_path, playbook):
    """gettext gets the page's own prose, not the playbook text the directive renders (it is
    translated in the YAML already) nor blocks marked spb-untranslated."""
    page = (
        "# Title\n\nSome prose.\n\n```{kpi-framework}\n```\n\n"
        "````{container} spb-untranslated\nA generated report line.\n````\n"
    )
    src = make_book(tmp_path, page)
    out = tmp_path / "gettext"
    assert build_main(["-q", "-b", "gettext", str(src), str(out)]) == 0
    pot = (out / "index.pot").read_text("utf-8")
    assert 'msgid "Some prose."' in pot
    assert "A generated report line." not in pot
    for indicator in playbook.indicators:
        assert indicator.name.en not in pot
