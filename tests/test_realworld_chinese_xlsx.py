"""Issue 13 acceptance: a Chinese team's Excel workbook (a merged title row and a blank row
above the header, 金额（万元）, Chinese stages, 预计成交日期 beside 成交日期), its
people list and targets in 万元; written from the ground-truth world (:mod:`tests.world`),
through the command line. See :mod:`tests.realworld` for what "right" means."""

from __future__ import annotations

from tests.realworld import (
    OTHER_PERIOD,
    PERIOD,
    check_data_check,
    check_right,
    check_strict,
    check_typo,
    check_untouched,
)
from tests.world import Folders

KIND = "chinese_xlsx"


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


def test_teams_by_their_chinese_names_without_a_teams_entry(world_folders: Folders):
    """Without ``teams:`` the teams are the names the files write (华东销售一组): ``--team``
    takes that name and gives that team's figures. Li Na (李娜, T01) is written with a trailing
    full-width space in every third row."""
    folder = world_folders.get(KIND, "mapped-teams")
    check_right(folder, world_folders.world(), PERIOD, "T01")
