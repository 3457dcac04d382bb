"""The RuleBook at its date boundaries: in force from the first to the last day inclusive,
versions of one rule never overlapping (a shared day is an overlap), authority refusals that
name the source in force."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import AuthorityNotAllowed, BadInput
from domain.rules import RuleBook, RuleEntry

from .refusals import refused

VI = "Cấp quyết định không có thẩm quyền với hình thức khen thưởng này"


def entry(frm: str, to: str | None, value=("head_of_unit",), key="giay_khen", topic="authority", **extra) -> dict:
    return {"topic": topic, "key": key, "value": list(value), "effective_from": frm, "effective_to": to,
            "source": f"source from {frm}", **extra}


def test_an_entry_is_read_from_its_data_with_an_optional_note():
    bounded = RuleEntry.from_data(entry("2024-01-01", "2024-12-31", note="verify"))
    assert bounded == RuleEntry("authority", "giay_khen", ["head_of_unit"], date(2024, 1, 1),
                                date(2024, 12, 31), "source from 2024-01-01", "verify")
    assert RuleEntry.from_data(entry("2024-01-01", None)).note == ""
    assert RuleEntry.from_data(entry("2024-01-01", None)).effective_to is None


def test_an_entry_is_in_force_from_its_first_to_its_last_day():
    e = RuleEntry.from_data(entry("2024-01-01", "2024-12-31"))
    assert [e.in_force(d) for d in (date(2023, 12, 31), date(2024, 1, 1), date(2024, 12, 31),
                                    date(2025, 1, 1))] == [False, True, True, False]
    assert RuleEntry.from_data(entry("2024-01-01", None)).in_force(date(2099, 1, 1))


@pytest.mark.parametrize("first_to, second_from", [("2024-12-31", "2024-12-31"), (None, "2030-01-01")])
def test_versions_sharing_a_day_are_refused_in_either_order(first_to, second_from):
    first, second = entry("2024-01-01", first_to), entry(second_from, None)
    for entries in ([first, second], [second, first]):
        with refused(BadInput, "BAD_INPUT", "rules.no_overlap", "rule authority/giay_khen has overlapping versions"):
            RuleBook.from_data(entries)


def test_consecutive_versions_and_other_rules_do_not_overlap():
    book = RuleBook.from_data([entry("2024-01-01", "2024-12-31"), entry("2025-01-01", None, ("x",)),
                               entry("2024-01-01", None, key="bang_khen"),
                               entry("2024-01-01", None, topic="bonus")])
    assert book.lookup("authority", "giay_khen", date(2024, 12, 31)).value == ["head_of_unit"]
    assert book.lookup("authority", "giay_khen", date(2025, 1, 1)).value == ["x"]
    assert book.lookup("authority", "giay_khen", date(2023, 12, 31)) is None
    assert book.lookup("authority", "giay_khen_khac", date(2024, 6, 1)) is None


def test_an_authority_not_listed_is_refused_naming_the_source_in_force():
    book = RuleBook.from_data([entry("2024-01-01", None)])
    book.check_authority("giay_khen", "head_of_unit", date(2024, 1, 1))
    with refused(AuthorityNotAllowed, "AUTHORITY_NOT_ALLOWED", "rules.authority.giay_khen",
                 "province_chairman may not decide giay_khen on 2024-03-01 (source from 2024-01-01)", VI):
        book.check_authority("giay_khen", "province_chairman", date(2024, 3, 1))


def test_an_award_form_without_a_rule_in_force_is_refused_for_everyone():
    book = RuleBook.from_data([entry("2024-01-01", None)])
    assert not book.authority_allows("giay_khen", "head_of_unit", date(2023, 12, 31))
    with refused(AuthorityNotAllowed, "AUTHORITY_NOT_ALLOWED", "rules.authority.giay_khen",
                 "head_of_unit may not decide giay_khen on 2023-12-31 (no rule in force)", VI):
        book.check_authority("giay_khen", "head_of_unit", date(2023, 12, 31))
