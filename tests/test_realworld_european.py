"""Issue 13 acceptance: a European team's ``;``-separated files with decimal commas and dotted
dates, owners by e-mail; written from the ground-truth world (:mod:`tests.world`), through the
command line. See :mod:`tests.realworld` for what "right" means."""

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

KIND = "european"


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


def test_decimal_commas_of_a_semicolon_file_need_no_mapping_key(world_folders: Folders):
    """A ``;``-separated file may write decimal commas without ``decimal_comma:``."""
    check_right(world_folders.get(KIND, "mapped-decimal_comma"), world_folders.world(), PERIOD)
