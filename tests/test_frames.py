from __future__ import annotations

from salesplaybook.views.playbook_tables import (
    bar_sources,
    display_columns,
    indicator_frame,
    select_indicators,
)


def test_indicator_frame_has_every_indicator(playbook):
    frame = indicator_frame(playbook, "en")
    assert list(frame["id"]) == [i.id for i in playbook.indicators]
    zh = indicator_frame(playbook, "zh")
    assert "指标" in zh.columns
    assert list(zh["指标"]) == [i.name.zh for i in playbook.indicators]


def test_bar_sources_count_every_bar(playbook):
    frame = indicator_frame(playbook)
    counts = bar_sources(frame, [d.id for d in playbook.dimensions])
    assert int(counts.to_numpy().sum()) == 2 * len(playbook.indicators)
    seeds = sum(i.meets.from_seed + i.excellent.from_seed for i in playbook.indicators)
    assert int(counts["source"].sum()) == seeds


def test_select_and_display(playbook):
    frame = indicator_frame(playbook)
    dim = playbook.dimensions[0].id
    assert set(select_indicators(frame, dim)["dimension_id"]) == {dim}
    only = select_indicators(frame, source_only=True)
    assert (only["meets_from_seed"] | only["excellent_from_seed"]).all()
    assert len(select_indicators(frame)) == len(frame)
    shown = display_columns(frame)
    assert "dimension_id" not in shown.columns
    assert "id" not in shown.columns
    assert list(shown.index.get_level_values(1)) == [i.name.en for i in playbook.indicators]


def test_bar_sources_table_in_both_editions(playbook):
    from salesplaybook.views.labels import label
    from salesplaybook.views.playbook_tables import bar_sources_table

    order = [d.id for d in playbook.dimensions]
    counts = bar_sources(indicator_frame(playbook), order)
    en = bar_sources_table(counts, playbook, "en")
    assert en.equals(counts)  # the English table is the frame
    assert list(en.index) == order
    zh = bar_sources_table(counts, playbook, "zh")
    assert list(zh.index) == [d.name.zh for d in playbook.dimensions]
    assert zh.index.name == label("col_dimension", "zh")
    assert list(zh.columns) == [label("bar_source", "zh"), label("bar_default", "zh")]
    assert zh.to_numpy().tolist() == counts.to_numpy().tolist()  # the counts do not change
