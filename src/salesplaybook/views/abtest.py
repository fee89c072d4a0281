"""An A/B test's result as its readers see it: the terminal's text, the ``--json`` shape, the
notebook's chart and tables, in either language.

:mod:`salesplaybook.tools.abtest` computes the test and what it advises (a code); this module
words and draws it. Only the standard library and the labels are imported up front, so that the
command line stays quick; the chart imports matplotlib and the tables pandas when they are built.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from salesplaybook.core.languages import Lang
from salesplaybook.tools.abtest import AB_TESTS_COLUMNS, ABResult, Arm, ab_tests, sample_sizes
from salesplaybook.views.formatting import percent
from salesplaybook.views.labels import label, yes_no

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure


def _bar(lift_standard: float) -> str:
    """The lift bar as every output shows it: 0.15 -> "15%", 0.125 -> "12.5%" (not rounded)."""
    return percent(lift_standard)


def verdict_text(result: ABResult, lang: Lang = "en") -> str:
    """The result's verdict in ``lang``: one sentence a manager can act on."""
    return label(f"verdict_{result.decision}", lang, bar=_bar(result.lift_standard))


def ab_test_json(result: ABResult) -> dict[str, Any]:
    """The result as JSON; ``lift``, ``p_value``, ``significant`` and ``meets_lift_standard``
    are the keys the contract promises, ``verdict`` is the English sentence."""
    return {
        "control": _arm_json(result.control),
        "variant": _arm_json(result.variant),
        "difference": result.difference,
        "lift": result.lift,
        "z": result.z,
        "p_value": result.p_value,
        "alpha": result.alpha,
        "significant": result.significant,
        "ci_difference": list(result.ci_difference),
        "ci_lift": list(result.ci_lift) if result.ci_lift is not None else None,
        "confidence": 1 - result.alpha,
        "lift_standard": result.lift_standard,
        "meets_lift_standard": result.meets_lift_standard,
        "verdict": verdict_text(result, "en"),
        "design": result.design,
        "reps": list(result.reps) if result.reps is not None else None,
    }


def _arm_json(arm: Arm) -> dict[str, Any]:
    return {"converted": arm.converted, "total": arm.total, "rate": arm.rate}


def ab_test_text(result: ABResult, lang: Lang = "en") -> str:
    """The result for the terminal (and the notebook), one fact a line, in ``lang``."""
    level = f"{1 - result.alpha:.0%}"
    lift = label("ab_no_lift", lang) if result.lift is None else f"{result.lift:+.1%}"

    def arm(a: Arm) -> str:
        return f"{a.converted}/{a.total} = {a.rate:.1%}"

    lines = []
    if result.reps is not None:
        control, variant = result.reps
        df = control + variant - 2
        lines.append(label("ab_line_design_reps", lang, control=control, variant=variant, df=df))
    lines += [
        label("ab_line_control", lang, arm=arm(result.control)),
        label("ab_line_variant", lang, arm=arm(result.variant)),
        label("ab_line_lift", lang, lift=lift),
        label(
            "ab_line_difference",
            lang,
            difference=f"{result.difference:+.1%}",
            level=level,
            low=f"{result.ci_difference[0]:+.1%}",
            high=f"{result.ci_difference[1]:+.1%}",
        ),
    ]
    if result.ci_lift is not None:
        lines.append(
            label(
                "ab_line_lift_ci",
                lang,
                level=level,
                low=f"{result.ci_lift[0]:+.1%}",
                high=f"{result.ci_lift[1]:+.1%}",
            )
        )
    significance = label("ab_significant" if result.significant else "ab_not_significant", lang)
    met = label("ab_met" if result.meets_lift_standard else "ab_not_met", lang)
    lines += [
        label(
            "ab_line_p",
            lang,
            p=f"{result.p_value:.4f}",
            significance=significance,
            alpha=f"{result.alpha:g}",
        ),
        label("ab_line_bar", lang, bar=_bar(result.lift_standard), met=met),
        label("ab_line_verdict", lang, verdict=verdict_text(result, lang)),
    ]
    return "\n".join(lines)


def ab_test_chart(result: ABResult, lang: Lang = "en") -> Figure:
    """Both conversion rates with their intervals (normal approximation) at the result's
    confidence level, ``1 - alpha`` as the text states it, and the rate the variant needs to
    reach the lift bar: whether the intervals overlap, and where the bar lies."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7, 3), layout="constrained")
    ax = fig.subplots()
    arms = [
        (label("ab_control", lang), result.control),
        (label("ab_variant", lang), result.variant),
    ]
    for y, (_, a) in enumerate(arms):
        half = a.half_width(result.alpha)
        ax.errorbar(a.rate * 100, y, xerr=half * 100, fmt="o", capsize=6, color="#1f6f8b")
    bar_label = label("ab_bar_line", lang, bar=_bar(result.lift_standard))
    ax.axvline(result.rate_at_bar * 100, color="#c0504d", linestyle="--", label=bar_label)
    ax.set_yticks([0, 1], [name for name, _ in arms])
    ax.set_ylim(-0.6, 1.6)
    ax.set_xlabel(label("ab_rate_axis", lang))
    ax.legend(loc="lower right", fontsize="small")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def ab_tests_table(
    experiments: pd.DataFrame, lift_standard: float, lang: Lang = "en"
) -> pd.DataFrame:
    """Every test of an ``experiments`` table (:func:`salesplaybook.tools.abtest.ab_tests`) as a
    reader sees it: rates and lifts in percent, and the two answers (is it significant, does the
    lift reach ``lift_standard``), as booleans in the English edition and 是/否 in the Chinese."""
    import pandas as pd

    tests = ab_tests(experiments, lift_standard)
    meets = label("ab_lift_meets", lang, bar=_bar(lift_standard))
    rows = [
        {
            label("ab_test", lang): test,
            label("ab_team", lang): team,
            label("ab_control", lang): f"{control:.1%}",
            label("ab_variant", lang): f"{variant:.1%}",
            label("ab_lift", lang): (
                label("none_value", lang) if _missing(lift) else f"{lift:+.1%}"
            ),
            label("ab_p_value", lang): f"{p_value:.3f}",
            label("ab_significant", lang): yes_no(significant, lang),
            meets: yes_no(meets_bar, lang),
        }
        for test, team, control, variant, lift, p_value, significant, meets_bar in zip(
            *(tests[c].tolist() for c in AB_TESTS_COLUMNS), strict=True
        )
    ]
    return pd.DataFrame(rows)


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def sample_size_table(
    baselines: list[float], lifts: list[float], lang: Lang = "en"
) -> pd.DataFrame:
    """:func:`salesplaybook.tools.abtest.sample_size` for every baseline rate (rows) and lift
    (columns), named as a reader says them."""
    table = sample_sizes(baselines, lifts)
    table.index = [label("ab_baseline", lang, rate=f"{b:.0%}") for b in baselines]
    table.columns = [label("ab_lift_of", lang, lift=f"{lift:.0%}") for lift in lifts]
    return table
