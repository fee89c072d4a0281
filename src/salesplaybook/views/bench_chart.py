"""The benchmarks' ratios to their floors over ``make bench`` runs, as an inline SVG line chart
(no script, no font files, nothing loaded: the book draws it at build time from
``bench/history.csv``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40
LEGEND_LINE = 18
COLOURS = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#7f7f7f",
    "#bcbd22",
)


def _runs(rows: Sequence[Mapping[str, str]]) -> list[tuple[str, str]]:
    """Each run once, in the order the runs were recorded: (date, commit)."""
    seen: dict[tuple[str, str], None] = {}
    for row in rows:
        seen.setdefault((row["date"], row["commit"]), None)
    return list(seen)


def _ratio(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value > 0 else None


def ratio_chart(rows: Sequence[Mapping[str, str]], title: str) -> str:
    """An SVG of every benchmark's ratio (one line each) over the runs; ``""`` without rows."""
    runs = _runs(rows)
    series: dict[str, dict[int, float]] = {}
    position = {run: i for i, run in enumerate(runs)}
    for row in rows:
        ratio = _ratio(row.get("ratio", ""))
        if ratio is not None:
            series.setdefault(row["benchmark"], {})[position[(row["date"], row["commit"])]] = ratio
    if not series:
        return ""
    top = max(max(points.values()) for points in series.values())
    top = max(1.0, top) * 1.1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (plot_w * i / (len(runs) - 1) if len(runs) > 1 else plot_w / 2)

    def y(ratio: float) -> float:
        return TOP + plot_h * (1 - ratio / top)

    height = HEIGHT + LEGEND_LINE * ((len(series) + 1) // 2)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label="{escape(title)}" class="spb-bench-chart" '
        'style="max-width:100%;height:auto;font:12px sans-serif">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" '
        'stroke="currentColor" stroke-opacity="0.3"/>',
    ]
    for tick in _ticks(top):
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            'stroke="currentColor" stroke-opacity="0.15"/>'
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" '
            f'fill="currentColor">{tick:g}x</text>'
        )
    first, last = runs[0][0][:10], runs[-1][0][:10]
    parts.append(
        f'<text x="{LEFT}" y="{TOP + plot_h + 16}" fill="currentColor">{escape(first)}</text>'
        f'<text x="{LEFT + plot_w}" y="{TOP + plot_h + 16}" text-anchor="end" '
        f'fill="currentColor">{escape(last)} ({len(runs)} runs)</text>'
    )
    for k, (name, points) in enumerate(sorted(series.items())):
        colour = COLOURS[k % len(COLOURS)]
        coords = " ".join(f"{x(i):.1f},{y(r):.1f}" for i, r in sorted(points.items()))
        parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"/>'
        )
        parts.extend(
            f'<circle cx="{x(i):.1f}" cy="{y(r):.1f}" r="2.5" fill="{colour}"/>'
            for i, r in points.items()
        )
        lx = LEFT + (k % 2) * plot_w / 2
        ly = HEIGHT + LEGEND_LINE * (k // 2)
        parts.append(
            f'<rect x="{lx:.1f}" y="{ly - 9}" width="12" height="4" fill="{colour}"/>'
            f'<text x="{lx + 18:.1f}" y="{ly}" fill="currentColor">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _ticks(top: float) -> list[float]:
    step = next(s for s in (0.5, 1, 2, 5, 10, 20, 50, 100, 1e9) if top / s <= 6)
    return [step * i for i in range(int(top // step) + 1)]
