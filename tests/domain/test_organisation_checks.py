"""The org unit's invariant checks on their own, against a plain fake unit: each refusal's
code, rule and message, and the boundary days (created on, ended on, last changed on)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from uuid import UUID, uuid4

import pytest

from domain.organisation import checks
from domain.organisation.errors import (ChangeBeforeCreation, EnterpriseFlagNotAllowed, InvalidParent,
                                        InvalidSplit, NotActiveOnDate, SelfReference, UnitEnded)
from domain.organisation.kinds import UnitKind

K = UnitKind


@dataclass
class FakeUnit:
    kind: UnitKind = K.PROVINCE_FEDERATION
    name: str = "LĐLĐ tỉnh"
    active_from: date = date(2000, 1, 1)
    last_change_on: date = date(2010, 1, 1)
    ended_on: date | None = None
    end: str | None = None
    id: UUID = field(default_factory=uuid4)

    def is_active_on(self, day: date) -> bool:
        return self.active_from <= day and (self.ended_on is None or day < self.ended_on)


def refusal(error, code: str, rule: str, message: str, call) -> None:
    with pytest.raises(error) as caught:
        call()
    assert (caught.value.code, caught.value.rule, caught.value.message) == (code, rule, message)


def test_a_parent_is_checked_by_kind_level_and_day():
    province = FakeUnit()
    checks.check_parent(K.NATIONAL_BODY, None, date(2001, 1, 1))
    checks.check_parent(K.COMMUNE_UNION, province, date(2000, 1, 1))
    refusal(InvalidParent, "ORG_INVALID_PARENT", "org.parent.level", "the national body has no parent",
            lambda: checks.check_parent(K.NATIONAL_BODY, province, date(2001, 1, 1)))
    refusal(InvalidParent, "ORG_INVALID_PARENT", "org.parent.level", "a commune_union needs a parent unit",
            lambda: checks.check_parent(K.COMMUNE_UNION, None, date(2001, 1, 1)))
    refusal(InvalidParent, "ORG_INVALID_PARENT", "org.parent.level",
            "a province_federation cannot sit under a province_federation",
            lambda: checks.check_parent(K.PROVINCE_FEDERATION, province, date(2001, 1, 1)))
    refusal(NotActiveOnDate, "ORG_NOT_ACTIVE_ON_DATE", "org.reference.active",
            "the parent 'LĐLĐ tỉnh' is not active on 1999-12-31",
            lambda: checks.check_parent(K.COMMUNE_UNION, province, date(1999, 12, 31)))


def test_only_a_grassroots_union_may_be_an_enterprise_union():
    checks.check_enterprise(K.GRASSROOTS_UNION, True)
    checks.check_enterprise(K.COMMUNE_UNION, False)
    refusal(EnterpriseFlagNotAllowed, "ORG_ENTERPRISE_FLAG", "org.enterprise.grassroots_only",
            "a commune_union cannot be an enterprise union", lambda: checks.check_enterprise(K.COMMUNE_UNION, True))


def test_a_unit_changes_from_its_creation_day_until_the_day_before_its_end():
    unit = FakeUnit(ended_on=date(2020, 1, 1), end="merged")
    checks.check_changeable_on(unit, date(2000, 1, 1))
    checks.check_changeable_on(unit, date(2019, 12, 31))
    refusal(ChangeBeforeCreation, "ORG_CHANGE_BEFORE_CREATION", "org.change.after_creation",
            "'LĐLĐ tỉnh' was created on 2000-01-01; cannot change it on 1999-12-31",
            lambda: checks.check_changeable_on(unit, date(1999, 12, 31)))
    refusal(UnitEnded, "ORG_UNIT_ENDED", "org.change.before_end", "'LĐLĐ tỉnh' ended (merged) on 2020-01-01",
            lambda: checks.check_changeable_on(unit, date(2020, 1, 1)))


def test_a_unit_ends_only_after_its_last_recorded_change():
    unit = FakeUnit()
    checks.check_end_after_changes(unit, date(2010, 1, 2))
    refusal(UnitEnded, "ORG_UNIT_ENDED", "org.end.after_last_change",
            "'LĐLĐ tỉnh' changed on 2010-01-01; it can only end after that",
            lambda: checks.check_end_after_changes(unit, date(2010, 1, 1)))
    refusal(ChangeBeforeCreation, "ORG_CHANGE_BEFORE_CREATION", "org.change.after_creation",
            "'LĐLĐ tỉnh' was created on 2000-01-01; cannot change it on 1999-01-01",
            lambda: checks.check_end_after_changes(unit, date(1999, 1, 1)))


def test_a_unit_is_never_its_own_parent_or_successor():
    unit = FakeUnit()
    checks.check_not_self(unit, uuid4(), "parent")
    refusal(SelfReference, "ORG_SELF_REFERENCE", "org.reference.not_self", "a unit cannot be its own parent",
            lambda: checks.check_not_self(unit, unit.id, "parent"))


def test_a_split_needs_two_distinct_units_other_than_itself():
    unit, a, b = FakeUnit(), uuid4(), uuid4()
    checks.check_split_successors(unit, [a, b])
    for into in ([a], [a, a], []):
        refusal(InvalidSplit, "ORG_INVALID_SPLIT", "org.split.successors",
                "a split needs at least two distinct new units",
                lambda into=into: checks.check_split_successors(unit, into))
    refusal(SelfReference, "ORG_SELF_REFERENCE", "org.reference.not_self", "a unit cannot be its own split successor",
            lambda: checks.check_split_successors(unit, [a, unit.id]))
