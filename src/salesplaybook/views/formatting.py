"""Thresholds and values written the way people read them: "≥ 90%", "≤ 3 a quarter".

Everything that shows a bar (book pages, notebooks, the command line, course packs) goes through
here, so a bar reads the same wherever it appears and is never typed by hand.
"""

from __future__ import annotations

from salesplaybook.content.model import Indicator, Threshold
from salesplaybook.core.languages import Lang

_OPS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}

_PERIOD = {
    "en": {"quarter": "a quarter", "year": "a year"},
    "zh": {"quarter": "每季度", "year": "每年"},
}


def number(value: float) -> str:
    """A number without float noise or a needless ".0": 0.3 -> "0.3", 2.0 -> "2"."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def score_text(score: float | None, missing: str = "–") -> str:
    """A score (0-100) as every view shows it, to one decimal without a needless ".0": the app's
    summary, the charts, the terminal and the reports agree (61.5, not 61 here and 61.5 there).
    """
    return missing if score is None else number(round(score, 1))


def percent(ratio: float) -> str:
    """A ratio as a percentage: 0.9 -> "90%", 0.925 -> "92.5%"."""
    return number(ratio * 100) + "%"


def value_text(indicator: Indicator, value: float, lang: Lang = "en", exact: bool = False) -> str:
    """A value of the indicator with its unit (no comparison). Measured values are rounded as a
    person reads them (a tenth of a percent, two decimals of a score); ``exact`` keeps bars as
    they are written."""
    if not exact:
        value = round(value, 3 if indicator.unit == "ratio" else 2)
    if indicator.unit == "ratio":
        return percent(value)
    if indicator.unit == "score":
        scale = number(indicator.scale_max or 0)
        return f"{number(value)} / {scale}" if lang == "en" else f"{number(value)}/{scale} 分"
    if indicator.unit == "working_days":
        n = number(value)
        if lang == "zh":
            return f"{n} 个工作日"
        return f"{n} working day" + ("" if n == "1" else "s")
    return number(value)


def threshold_text(indicator: Indicator, threshold: Threshold, lang: Lang = "en") -> str:
    """A bar as a reader says it: "≥ 90%", "≤ 3 a quarter", "≥ 2 per 10 members", "0 a quarter"."""
    shown = value_text(indicator, threshold.value, lang, exact=True)
    if threshold.op == "<=" and threshold.value == 0:
        core = shown  # "≤ 0" reads oddly: none at all is simply "0"
    else:
        core = f"{_OPS[threshold.op]} {shown}"
    if indicator.unit not in ("count", "ratio"):
        return core
    if indicator.per_members:
        per = indicator.per_members
        return f"{core} per {per} members" if lang == "en" else f"每 {per} 人 {core}"
    if indicator.period:
        period = _PERIOD[lang][indicator.period]
        return f"{core} {period}" if lang == "en" else f"{period} {core}"
    return core
