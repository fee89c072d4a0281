from __future__ import annotations

import contextlib
import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesplaybook.core.errors import SalesplaybookError
from salesplaybook.kpi.inputs import load_metrics_file

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def _playbook():  # not a fixture: hypothesis would print its whole repr on a failure
    from salesplaybook.content.loader import load_playbook

    return load_playbook(ROOT / "playbooks")


CONTRACT_EXAMPLE = """\
period: 2026-Q3            # optional label
team_size: 10              # needed for leaders_developed
context:                   # optional
  market_trend: declining  # declining | stable | growing
  competitor_attainment: 0.75
metrics:
  sales_attainment: 0.82
  strategic_renewal_rate: 90%
  leaders_developed: 2
  deal_cycle_days_previous: 60
  deal_cycle_days_current: 45
"""


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_contract_example(tmp_path, playbook):
    m = load_metrics_file(write(tmp_path, "m.yaml", CONTRACT_EXAMPLE), playbook)
    assert m.period == "2026-Q3"
    assert m.team_size == 10
    assert m.market_trend == "declining"
    assert m.competitor_attainment == 0.75
    assert m.values["strategic_renewal_rate"] == pytest.approx(0.9)
    assert m.values["deal_cycle_reduction"] == pytest.approx(0.25)
    assert "deal_cycle_days_previous" not in m.values


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk", "gb18030"])
def test_chinese_csv_as_excel_saves_it(tmp_path, playbook, encoding):
    renewal = playbook.indicator("strategic_renewal_rate").name.zh
    churn = playbook.indicator("key_account_churn_rate").name.zh
    text = f"指标,数值\n{renewal},92%\n{churn},0.04\n团队规模,12\n市场趋势,下滑\n"
    m = load_metrics_file(write(tmp_path, "m.csv", text, encoding), playbook)
    assert m.values == {
        "strategic_renewal_rate": pytest.approx(0.92),
        "key_account_churn_rate": 0.04,
    }
    assert m.team_size == 12
    assert m.market_trend == "declining"


def test_english_names_and_ids_in_csv(tmp_path, playbook):
    name = playbook.indicator("csat_score").name.en
    text = f'indicator,value\n{name.upper()},4.6\nprocess_complaints,"1,000"\n'
    m = load_metrics_file(write(tmp_path, "m.csv", text), playbook)
    assert m.values == {"csat_score": 4.6, "process_complaints": 1000}


def test_a_comma_that_groups_no_thousands_is_refused(tmp_path, playbook):
    # "1,0" was read as ten: a comma is removed only between groups of three digits
    text = 'indicator,value\nprocess_complaints,"1,0"\n'
    with pytest.raises(SalesplaybookError, match="row 2: process_complaints: '1,0' is ambiguous"):
        load_metrics_file(write(tmp_path, "m.csv", text), playbook)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("strategic_renewal_rate,1.2", "cannot exceed 100%"),
        ("strategic_renewal_rate,-0.1", "cannot be negative"),
        ("csat_score,7", "score from 1 to"),
        ("process_complaints,-1", "cannot be negative"),
        ("csat_scor,4.5", "did you mean 'csat_score'"),
        ("csat_score,good", "'good' is not a number"),
        ("csat_score,", "has no value"),
        ("team_size,2.5", "whole number"),
        ("market_trend,sideways", "market_trend must be one of"),
        ("leaders_developed,2", "give team_size too"),
        ("deal_cycle_days_previous,60", "go together"),
    ],
)
def test_values_that_cannot_be_right(tmp_path, playbook, row, message):
    path = write(tmp_path, "m.csv", f"indicator,value\n{row}\n")
    with pytest.raises(SalesplaybookError, match=message) as info:
        load_metrics_file(path, playbook)
    assert str(path) in str(info.value)


def test_all_problems_together_with_rows(tmp_path, playbook):
    text = "indicator,value\ncsat_score,9\nnope,1\ncsat_score,4\n"
    with pytest.raises(SalesplaybookError) as info:
        load_metrics_file(write(tmp_path, "m.csv", text), playbook)
    message = str(info.value)
    assert "row 2" in message
    assert "row 3" in message
    assert "given twice" in message


@pytest.mark.parametrize("period", ["2026-Q9", "x", "0000-Q1", "2026Q1"])
def test_a_bad_period_is_refused_with_its_line(tmp_path, playbook, period):
    """The period was taken as any text: a scorecard for 2026-Q9."""
    path = write(tmp_path, "m.yaml", f"period: {period}\nmetrics:\n  csat_score: 4\n")
    with pytest.raises(
        SalesplaybookError, match=rf"m.yaml:1: period: bad period label .{period}."
    ) as info:
        load_metrics_file(path, playbook)
    assert str(path) in str(info.value)
    path = write(tmp_path, "m.csv", f"indicator,value\ncsat_score,4\nperiod,{period}\n")
    with pytest.raises(SalesplaybookError, match=r"m.csv: row 3: period: bad period label"):
        load_metrics_file(path, playbook)


def test_a_value_yaml_cannot_build_names_file_and_line(tmp_path, playbook):
    path = write(tmp_path, "m.yaml", "period: 2026-Q1\nwhen: 2026-13-01\n")
    with pytest.raises(SalesplaybookError, match=r"m.yaml:2: '2026-13-01' is not a real date"):
        load_metrics_file(path, playbook)
    path = write(tmp_path, "m.yaml", "metrics:\n  csat_score: !!float x\n")
    with pytest.raises(SalesplaybookError, match=r"m.yaml:2: 'x' is tagged !!float"):
        load_metrics_file(path, playbook)


def test_a_csv_value_that_is_not_a_number_names_the_indicator(tmp_path, playbook):
    path = write(tmp_path, "m.csv", "indicator,value\nsales_attainment,abc\n")
    with pytest.raises(
        SalesplaybookError, match=r"m.csv: row 2: sales_attainment: 'abc' is not a number"
    ):
        load_metrics_file(path, playbook)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("name,number\ncsat_score,4\n", "expected the header"),
    ],
)
def test_bad_csv_files(tmp_path, playbook, text, message):
    with pytest.raises(SalesplaybookError, match=message):
        load_metrics_file(write(tmp_path, "m.csv", text), playbook)


def test_yaml_problems_have_lines(tmp_path, playbook):
    text = "period: 2026-Q1\nmetrix:\n  csat_score: 4\nmetrics:\n  csat_score: 9\n"
    with pytest.raises(SalesplaybookError) as info:
        load_metrics_file(write(tmp_path, "m.yaml", text), playbook)
    message = str(info.value)
    assert "m.yaml:2: metrix: unknown key; did you mean 'metrics'?" in message
    assert "m.yaml:5: metrics.csat_score:" in message


def test_yaml_tags_are_not_executed(tmp_path, playbook):
    text = "metrics:\n  csat_score: !!python/object/apply:os.system ['touch pwned']\n"
    with pytest.raises(SalesplaybookError, match=r"m\.yaml:2"):
        load_metrics_file(write(tmp_path, "m.yaml", text), playbook)
    assert not (tmp_path / "pwned").exists()


def test_other_files(tmp_path, playbook):
    with pytest.raises(SalesplaybookError, match="no such file"):
        load_metrics_file(tmp_path / "nope.csv", playbook)
    with pytest.raises(SalesplaybookError, match=r"\.yaml or \.csv"):
        load_metrics_file(write(tmp_path, "m.xlsx", "x"), playbook)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.text(max_size=200), header=st.booleans())
def test_random_csv_never_crashes(tmp_path, body, header):
    path = write(tmp_path, "m.csv", ("indicator,value\n" if header else "") + body)
    with contextlib.suppress(SalesplaybookError):
        load_metrics_file(path, _playbook())


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["90%", "1,234", "2026-Q3", "0,92", "1e400", "-0", "∞", "二"]),
)
_KEYS = st.one_of(
    st.sampled_from(["period", "team_size", "context", "metrics", "market_trend"]),
    st.text(max_size=10),
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.recursive(
        _SCALARS,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=5),
        max_leaves=20,
    ),
    metrics=st.dictionaries(
        st.sampled_from([i.id for i in _playbook().indicators] + ["nope"]), _SCALARS, max_size=6
    ),
)
def test_random_yaml_never_crashes(tmp_path, data, metrics):
    import yaml

    for body in (data, {"metrics": metrics, "period": data}):
        path = write(tmp_path, "m.yaml", yaml.safe_dump(body, allow_unicode=True))
        with contextlib.suppress(SalesplaybookError):
            load_metrics_file(path, _playbook())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_random_yaml_text_never_crashes(tmp_path, text):
    path = write(tmp_path, "m.yaml", text)
    with contextlib.suppress(SalesplaybookError):
        load_metrics_file(path, _playbook())


def test_an_alias_bomb_in_a_metrics_file_is_refused_with_its_line(tmp_path, playbook):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)
    )
    path = write(tmp_path, "m.yaml", bomb)
    with pytest.raises(SalesplaybookError, match=r"m\.yaml:\d+: more than 100 aliases"):
        load_metrics_file(path, playbook)


def test_thousands_of_bad_lines_are_capped(tmp_path, playbook):
    from salesplaybook.kpi.inputs import PROBLEM_LIMIT

    path = write(tmp_path, "m.csv", "indicator,value\n" + "nope,1\n" * 2_000)
    with pytest.raises(SalesplaybookError) as info:
        load_metrics_file(path, playbook)
    lines = str(info.value).splitlines()
    assert len(lines) == PROBLEM_LIMIT + 1
    assert lines[-1] == f"... and {2_000 - PROBLEM_LIMIT:,} more"


def test_a_metrics_file_too_large_is_refused(tmp_path, playbook):
    from salesplaybook.kpi.inputs import MAX_METRICS_BYTES

    path = write(tmp_path, "m.csv", "indicator,value\n")
    with path.open("ab") as f:
        f.truncate(MAX_METRICS_BYTES + 1)
    with pytest.raises(SalesplaybookError, match="bytes"):
        load_metrics_file(path, playbook)


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_metrics_path_that_is_not_a_file_is_refused_without_blocking(tmp_path, playbook, kind):
    import os

    path = tmp_path / "m.csv"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.mkdir()
    with pytest.raises(SalesplaybookError, match=r"not a regular file|is a folder"):
        load_metrics_file(path, playbook)
