"""Issue 13 acceptance: a Salesforce Classic opportunity report (any file name with a timestamp,
quoted cells, US dates, ``USD 12,300.00`` amounts and ``Amount (converted)``, the footer lines),
HR's people table and targets by rep name; written from the ground-truth world
(:mod:`tests.world`), through the command line. See :mod:`tests.realworld` for what "right"
means."""

from __future__ import annotations

from tests.realworld import (
    OTHER_PERIOD,
    PERIOD,
    assess,
    check_data_check,
    check_right,
    check_strict,
    check_typo,
    check_untouched,
    check_warned,
    differences,
    truth,
)
from tests.world import Folders

KIND = "salesforce_report"


def test_untouched_export_with_the_typo_is_refused_naming_the_fix(world_folders: Folders):
    check_untouched(world_folders.get(KIND, "raw"), world_folders.world())


def test_untouched_export_without_the_typo_gives_the_truth_or_names_the_fix(
    world_folders: Folders,
):
    check_untouched(world_folders.get(KIND, "clean"), world_folders.world())


def test_the_mapping_file_makes_it_right(world_folders: Folders):
    check_right(world_folders.get(KIND, "mapped"), world_folders.world(), PERIOD)


def test_the_mapping_file_makes_a_team_right(world_folders: Folders):
    check_right(world_folders.get(KIND, "mapped"), world_folders.world(), PERIOD, "T02")


def test_the_mapping_file_makes_another_quarter_right(world_folders: Folders):
    check_right(world_folders.get(KIND, "mapped"), world_folders.world(), OTHER_PERIOD, "T01")


def test_a_typo_in_a_target_owner_is_refused_with_did_you_mean(world_folders: Folders):
    check_typo(world_folders.get(KIND, "mapped-owners"), world_folders.world())


def test_strict_turns_the_warnings_into_a_refusal(world_folders: Folders):
    check_strict(world_folders.get(KIND, "mapped"))


def test_data_check_recognises_the_export(world_folders: Folders):
    check_data_check(world_folders.get(KIND, "mapped"))


def test_owner_names_in_full_width_letters_count_for_their_team(world_folders: Folders):
    """Li Na (T01) is written ``Ｌｉ　Ｎａ`` in every third row: the same person once
    normalised."""
    check_right(world_folders.get(KIND, "mapped"), world_folders.world(), PERIOD, "T01")


def test_without_core_product_lines_core_share_is_no_data_with_a_reason(world_folders: Folders):
    """Nothing flags core products and the mapping names none: core_product_share is
    ``no_data`` with a reason (never 0 "below"), warned ``no_core_products``; the rest right."""
    folder = world_folders.get(KIND, "mapped-core_product_lines")
    run = assess(folder, PERIOD)
    assert run.exit_code == 0, run.stderr
    assert differences(folder, truth(world_folders.world(), PERIOD), run) == []
    check_warned(folder, run)
