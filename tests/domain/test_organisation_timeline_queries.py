"""The timeline's one-unit queries and refusals: the view of a unit, membership, history,
and the code, rule and message of each refusal."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from domain.organisation import (ChangeType, CreatesCycle, NotActiveOnDate, OrgTimeline, UnitChange, UnitKind,
                                 UnknownUnit)
from domain.organisation.views import UnitView

D = date


def test_the_view_of_a_unit_carries_its_facts_of_that_day():
    root, unit = uuid4(), uuid4()
    t = OrgTimeline([
        UnitChange(unit, ChangeType.RENAMED, D(2020, 1, 1), 2, name="CĐCS Công ty B"),
        UnitChange(unit, ChangeType.CREATED, D(2001, 1, 1), 1, kind=UnitKind.GRASSROOTS_UNION,
                   name="CĐCS Công ty A", parent_id=root, code="CS-01", enterprise=True),
        UnitChange(root, ChangeType.CREATED, D(2000, 1, 1), 1, kind=UnitKind.PROVINCE_FEDERATION, name="LĐLĐ tỉnh"),
    ])
    assert t.view(unit, D(2010, 1, 1)) == UnitView(unit, UnitKind.GRASSROOTS_UNION, "CĐCS Công ty A", root,
                                                   True, "CS-01")
    assert t.view(unit).name == "CĐCS Công ty B"
    assert t.children(root, D(2010, 1, 1)) == [unit] and t.children(root) == [unit]
    assert t.history(unit).unit_id == unit
    assert unit in t and root in t and uuid4() not in t
    assert t.tree_as_of(date.max)[root] == UnitView(root, UnitKind.PROVINCE_FEDERATION, "LĐLĐ tỉnh", None, False, None)


def test_an_unknown_unit_is_refused_naming_it():
    stranger = uuid4()
    err = _raised(UnknownUnit, lambda: OrgTimeline().history(stranger))
    assert (err.code, err.rule, err.message) == ("ORG_UNKNOWN_UNIT", "org.unit.known",
                                                 f"no unit {stranger} in this timeline")


def test_a_unit_asked_about_before_it_existed_is_refused_by_name_and_day():
    u = uuid4()
    t = OrgTimeline([UnitChange(u, ChangeType.CREATED, D(2000, 1, 1), 1, kind=UnitKind.GRASSROOTS_UNION,
                                name="CĐCS A")])
    err = _raised(NotActiveOnDate, lambda: t.view(u, D(1999, 12, 31)))
    assert (err.code, err.rule, err.message) == ("ORG_NOT_ACTIVE_ON_DATE", "org.query.active_on_date",
                                                 "'CĐCS A' is not active on 1999-12-31")


def test_a_cycle_is_reported_through_the_unit_and_day():
    a, b = uuid4(), uuid4()
    t = OrgTimeline([UnitChange(a, ChangeType.CREATED, D(2000, 1, 1), 1, kind=UnitKind.GRASSROOTS_UNION,
                                name="A", parent_id=b),
                     UnitChange(b, ChangeType.CREATED, D(2000, 1, 1), 1, kind=UnitKind.COMMUNE_UNION,
                                name="B", parent_id=a)])
    err = _raised(CreatesCycle, lambda: t.path(a, D(2000, 1, 1)))
    assert (err.code, err.rule, err.message) == ("ORG_CYCLE", "org.tree.acyclic",
                                                 f"the tree has a cycle through {a} on 2000-01-01")


def _raised(error, call):
    try:
        call()
    except error as err:
        return err
    raise AssertionError(f"{error.__name__} not raised")
