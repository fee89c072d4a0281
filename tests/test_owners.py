"""Owners matched to people by id, CRM user id, e-mail or name; typos and ambiguity refused."""

from __future__ import annotations

import pandas as pd
import pytest

from salesplaybook.data.owners import OwnerIndex, normalise
from salesplaybook.data.tables.problems import TableError

PEOPLE = pd.DataFrame(
    {
        "person_id": ["P0001", "P0002", "P0003"],
        "name": ["Jon Smith", "Ann Lee", "Ann Lee"],
        "email": ["jon@x.com", "ann1@x.com", "ann2@x.com"],
        "crm_user_id": ["0051", "0052", None],
    }
)


def test_normalise_folds_case_spaces_and_full_width() -> None:
    assert normalise("  ＪＯＮ　 Smith ") == "jon smith"


def test_owners_match_by_each_key() -> None:
    index = OwnerIndex(PEOPLE)
    owners = pd.Series(["P0001", "0052", "ANN2@x.com", " jon  smith", "Nobody Known", None])
    matched = index.match(owners, "deals.csv", "Owner")
    assert matched.person_id.fillna("-").tolist() == ["P0001", "P0002", "P0003", "P0001", "-", "-"]
    assert matched.unknown.tolist() == [False, False, False, False, True, False]
    assert matched.example == "row 6, column 'Owner': 'Nobody Known'"


def test_ambiguous_owner_is_refused() -> None:
    with pytest.raises(TableError, match=r"row 2, column 'Owner': 'Ann Lee' matches 2 people"):
        OwnerIndex(PEOPLE).match(pd.Series(["Ann Lee"]), "deals.csv", "Owner")


def test_typo_is_refused_with_the_closest_person() -> None:
    with pytest.raises(
        TableError, match=r"'Jon Smyth' matches nobody.*close to 'jon smith' \(person P0001\)"
    ):
        OwnerIndex(PEOPLE).match(pd.Series(["Jon Smyth"]), "targets.csv", "Owner")


def test_owners_key_of_the_mapping_file() -> None:
    index = OwnerIndex(PEOPLE, owners={"Ann Lee": "P0002"})
    assert index.match(pd.Series(["Ann Lee"]), "d", "o").person_id.tolist() == ["P0002"]
    with pytest.raises(TableError, match="no person 'P9'"):
        OwnerIndex(PEOPLE, owners={"X": "P9"})


def test_match_keys_in_the_order_given() -> None:
    index = OwnerIndex(PEOPLE, keys=("person_id",))
    matched = index.match(pd.Series(["Unheard Of", "P0001"]), "d", "o")
    assert matched.unknown.tolist() == [True, False]


def test_a_chinese_name_one_character_off_is_a_typo() -> None:
    people = pd.DataFrame({"person_id": ["E1", "E2"], "name": ["吴晓明", "李娜"]})
    with pytest.raises(
        TableError, match="'吴小明' matches nobody in people, but is close to '吴晓明'"
    ):
        OwnerIndex(people).match(pd.Series(["吴小明", "吴晓明"]), "targets.csv", "销售")
    matched = OwnerIndex(people).match(pd.Series(["欧阳修远", "李娜"]), "d", "o")
    assert matched.unknown.tolist() == [True, False]


def test_owners_that_are_person_ids_already_are_the_column_itself() -> None:
    owners = pd.Series(["P0002", "P0001", None, "P0002"], dtype="str")
    matched = OwnerIndex(PEOPLE).match(owners, "deals.csv", "Owner")
    assert matched.person_id is owners
    assert not matched.unknown.any()
    mixed = pd.Series(["P0002", "0051"], dtype="str")  # a CRM user id: mapped, so a new column
    assert OwnerIndex(PEOPLE).match(mixed, "deals.csv", "Owner").person_id.tolist() == [
        "P0002",
        "P0001",
    ]


def test_a_column_of_ids_with_one_stranger_is_matched_cell_by_cell() -> None:
    owners = pd.Series(["P0002", None, "P9999", "P0001"], dtype="str")
    matched = OwnerIndex(PEOPLE).match(owners, "deals.csv", "Owner")
    assert matched.unknown.tolist() == [False, False, True, False]
    assert matched.example == "row 4, column 'Owner': 'P9999'"
    named = OwnerIndex(PEOPLE, owners={"Jon": "P0001"}).match(owners[:2], "deals.csv", "Owner")
    assert named.person_id.tolist()[0] == "P0002"
