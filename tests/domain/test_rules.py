"""Law-derived rules are configuration with effective dates."""

from datetime import date

import pytest

from domain.errors import AuthorityNotAllowed, BadInput
from domain.rules import RuleBook


def test_district_federation_loses_authority_on_1_july_2025(rulebook):
    who = "district_federation_standing_committee"
    assert rulebook.authority_allows("giay_khen", who, on=date(2025, 6, 30))
    assert not rulebook.authority_allows("giay_khen", who, on=date(2025, 7, 1))
    assert rulebook.authority_allows("giay_khen", "upper_union_standing_committee", on=date(2025, 7, 1))


def test_refusal_names_the_source_in_force(rulebook):
    with pytest.raises(AuthorityNotAllowed) as err:
        rulebook.check_authority("giay_khen", "district_federation_standing_committee", date(2025, 8, 1))
    assert "152/2025" in err.value.message


def test_thematic_quota_per_topic_is_4_under_qd_999(rulebook):
    entry = rulebook.lookup("quota", "thematic_bang_khen_tld_per_topic", date(2025, 1, 1))
    assert (entry.value, entry.source) == (4, "QĐ 999/QĐ-TLĐ 2024")


def test_overlapping_versions_of_one_rule_are_refused():
    entry = {"topic": "quota", "key": "x", "value": 1, "effective_from": "2024-01-01",
             "effective_to": None, "source": "s"}
    with pytest.raises(BadInput):
        RuleBook.from_data([entry, {**entry, "effective_from": "2025-01-01", "value": 2}])


def test_a_rule_can_be_replaced_from_a_date():
    old = {"topic": "quota", "key": "x", "value": 4, "effective_from": "2024-01-01",
           "effective_to": "2025-06-30", "source": "old"}
    new = {**old, "value": 3, "effective_from": "2025-07-01", "effective_to": None, "source": "new"}
    book = RuleBook.from_data([old, new])
    assert [book.lookup("quota", "x", day).value for day in (date(2025, 6, 30), date(2025, 7, 1))] == [4, 3]
