"""Issue 13 acceptance: a Salesforce Data Export (``Opportunity.csv``, ``User.csv``,
``Account.csv``: API names, ISO timestamps, owners as User ids, amounts in each deal's currency
with no converted column), HR's people table and targets by rep name; written from the ground-
truth world (:mod:`tests.world`), through the command line. See :mod:`tests.realworld` for what
"right" means."""

from __future__ import annotations

from tests.realworld import (
    OTHER_PERIOD,
    PERIOD,
    assess,
    check_data_check,
    check_refusal,
    check_right,
    check_strict,
    check_typo,
    check_untouched,
)
from tests.world import Folders

KIND = "salesforce_export"


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


def test_untouched_export_in_several_currencies_is_refused(world_folders: Folders):
    """Amounts in CNY, USD and EUR with no converted column and no rates cannot be right."""
    assert assess(world_folders.get(KIND, "clean"), PERIOD).exit_code == 2


def test_mixed_currencies_without_rates_are_refused_naming_them(world_folders: Folders):
    """The mapping without ``rates:``: refused, naming Opportunity.csv, the currencies found
    and the ``rates`` key."""
    folder = world_folders.get(KIND, "mapped-rates")
    message = check_refusal(folder, assess(folder, PERIOD), key="rates")
    assert "Opportunity.csv" in message
    assert "USD" in message
    assert "EUR" in message
