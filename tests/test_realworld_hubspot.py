"""Issue 13 acceptance: a HubSpot deal export (owners by name, one with a double space in some
rows; ``Amount in company currency``), HR's people table and targets by rep name; written from
the ground-truth world (:mod:`tests.world`), through the command line. See
:mod:`tests.realworld` for what "right" means."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

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
from tests.world.exports import MAPPING_FILE

KIND = "hubspot"


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


def test_an_owner_written_with_a_double_space_counts_for_his_team(world_folders: Folders):
    """Li Na (T01) is written ``Li  Na`` in every other row: the same person once
    normalised."""
    check_right(world_folders.get(KIND, "mapped"), world_folders.world(), PERIOD, "T01")


def test_a_mapping_file_given_with_map_works_like_one_in_the_folder(world_folders: Folders):
    """``--map FILE`` outside the untouched folder gives the same right scorecard."""
    mapped = world_folders.get(KIND, "mapped")
    mapping = mapped.path / MAPPING_FILE
    # the mapping names the core product lines: core products are known as in the mapped folder
    folder = replace(world_folders.get(KIND, "raw"), core_known=mapped.core_known)
    check_right(folder, world_folders.world(), PERIOD, None, "--map", str(mapping))


def test_an_owner_name_two_people_share_is_refused(world_folders: Folders, tmp_path: Path):
    """Two people named Li Na in HR's table: her deals cannot be given to either; refused,
    naming the name and the ``owners`` key (or a person_id) that settles it."""
    source = world_folders.get(KIND, "mapped")
    shutil.copytree(source.path, tmp_path / "data")
    people = tmp_path / "data" / "people.csv"
    text = people.read_text(encoding="utf-8")
    liu = next(p for p in world_folders.world().people if p.name_en == "Liu Yang")
    people.write_text(text.replace(f"{liu.person_id},Liu Yang,", f"{liu.person_id},Li Na,"))
    folder = replace(source, path=tmp_path / "data")
    message = check_refusal(folder, assess(folder, PERIOD), key="owners")
    assert "Li Na" in message
