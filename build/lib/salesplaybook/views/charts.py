"""Charts of playbook content (matplotlib), and how every chart of the library is drawn.

Each chart function takes a computed table and returns a figure, its words in the language
``lang`` asks for. :func:`notebook_charts` is the one place that decides how the notebooks show
figures: as SVG whose text stays text, so that the reader's browser draws the glyphs. Chinese
titles and labels then need no CJK font on the machine that runs the notebooks, only in the
reader's browser, which has one wherever Chinese is read.
"""

from __future__ import annotations

import io
import warnings
from typing import TYPE_CHECKING, Any, Final, cast

import pandas as pd

from salesplaybook.core.languages import Lang
from salesplaybook.views.labels import label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

SOURCE_COLOUR = "#1f6f8b"
DEFAULT_COLOUR = "#b8c4cc"

#: Fonts that hold the Chinese glyphs, on the usual systems (Linux, Windows, macOS), in order.
CJK_FONTS: Final = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Zen Hei",
)
#: The font-family list of every text in a chart. DejaVu Sans comes first: matplotlib ships it,
#: so the layout (measured with it) is the same on every machine; the browser falls back along
#: the list, glyph by glyph, for what DejaVu Sans lacks.
FONT_FAMILY: Final = ("DejaVu Sans", *CJK_FONTS, "sans-serif")
#: matplotlib settings of the notebooks' charts: text kept as text (``svg.fonttype`` none), ids
#: that do not change from run to run (a fixed ``svg.hashsalt``), and the font list above.
CHART_RC: Final[dict[str, Any]] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "salesplaybook",
    "font.family": ["sans-serif"],
    "font.sans-serif": list(FONT_FAMILY),
}
#: No date in the SVG's metadata, so that a re-run gives the same file.
SVG_METADATA: Final[dict[str, Any]] = {"Date": None}
#: matplotlib's warning for a glyph the layout font lacks: every Chinese character in DejaVu
#: Sans. It is expected (the browser draws the glyph), so it is the one warning silenced.
MISSING_GLYPH: Final = r"Glyph \d+ .* missing from font"


def quiet_missing_glyphs() -> None:
    """Silence matplotlib's "Glyph ... missing from font" warning, and only that one."""
    warnings.filterwarnings("ignore", message=MISSING_GLYPH, category=UserWarning)


def notebook_charts() -> None:
    """Set up a notebook's charts: call it once, in the setup cell.

    It applies :data:`CHART_RC`, silences the missing-glyph warning (a notebook shows no
    stderr), and makes IPython show every figure as ``image/svg+xml`` only, without a date in
    it, also after a later ``%matplotlib inline``. Outside IPython only the first two apply.
    """
    import matplotlib

    matplotlib.rcParams.update(cast(Any, CHART_RC))
    quiet_missing_glyphs()
    try:
        from IPython import get_ipython
        from IPython.core.pylabtools import select_figure_formats
        from matplotlib_inline.config import InlineBackend
    except ImportError:  # pragma: no cover - the notebooks' kernel has both
        return
    shell = get_ipython()
    if shell is None:
        return
    config = InlineBackend.instance()
    kwargs: dict[str, Any] = dict(config.print_figure_kwargs)
    kwargs["metadata"] = SVG_METADATA
    config.print_figure_kwargs = kwargs
    config.figure_formats = {"svg"}
    select_figure_formats(shell, {"svg"}, **kwargs)  # type: ignore[no-untyped-call]


def svg_text(fig: Figure) -> str:
    """The figure as an SVG document drawn with :data:`CHART_RC` (for a widget that shows a
    chart itself): the same text-as-text, deterministic SVG as the notebooks' figures."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context(cast(Any, CHART_RC)), warnings.catch_warnings():
        quiet_missing_glyphs()
        fig.savefig(buffer, format="svg", metadata=SVG_METADATA, bbox_inches="tight")
    return buffer.getvalue()


def bar_sources_chart(
    counts: pd.DataFrame, weights: pd.Series, titles: dict[str, str], lang: Lang = "en"
) -> Figure:
    """Two panels: each dimension's weight in the overall score, and how many of its bars the
    source document states versus the playbook's defaults. ``titles`` names the dimensions (in
    the same language as ``lang``)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 3.6), layout="constrained")
    left, right = fig.subplots(1, 2, sharey=True)
    names = [titles[d] for d in counts.index]
    y = range(len(names))
    left.barh(y, weights.reindex(counts.index) * 100, color=SOURCE_COLOUR)
    left.set_yticks(list(y), names)
    left.invert_yaxis()
    left.set_xlabel(label("chart_weight_axis", lang))
    left.set_title(label("chart_weight_title", lang))
    right.barh(y, counts["source"], color=SOURCE_COLOUR, label=label("chart_source_bars", lang))
    right.barh(
        y,
        counts["default"],
        left=counts["source"],
        color=DEFAULT_COLOUR,
        label=label("playbook_default", lang),
    )
    right.set_xlabel(label("chart_thresholds_axis", lang))
    right.set_title(label("chart_sources_title", lang))
    right.legend(loc="lower right", fontsize="small")
    for ax in (left, right):
        ax.spines[["top", "right"]].set_visible(False)
    return fig
