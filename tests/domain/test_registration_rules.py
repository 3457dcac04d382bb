"""Registration rules: a launched plan, the scope, the deadline (inclusive or not, refuse or
mark late), clean and unique targets, results against registered targets only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from domain.errors import BadInput, DeadlinePassed, Duplicate, InvalidTransition, OutOfScope
from domain.ids import registration_id
from domain.plan import Deadline, Plan
from domain.registration import Target, register
from seeds import seed_001

from .conftest import TENANT, launched
from .refusals import refused

PHASE = seed_001.PHASE
ON_TIME = date(2021, 10, 12)
SEED_PHASE = seed_001.draft_args(TENANT, uuid4())["phases"][0]


@pytest.fixture
def plan():
    return launched(seed_001, date(2021, 10, 1))


def test_a_registration_records_what_was_registered(plan):
    unit = uuid4()
    reg = register(plan, unit, True, PHASE, [Target(" Doanh thu ", 100, " triệu đồng "), Target("Sáng kiến", 2)],
                   [" Tổ chức hội thao "], ["Cải tiến quy trình"], on=ON_TIME)
    assert (reg.id, reg.tenant, reg.plan_id, reg.phase, reg.unit_id) == (
        registration_id(TENANT, plan.id, PHASE, unit), TENANT, plan.id, PHASE, unit)
    assert reg.targets == [Target("Doanh thu", 100, "triệu đồng"), Target("Sáng kiến", 2, "")]
    assert (reg.work_items, reg.initiatives, reg.registered_on, reg.late, reg.results) == (
        ["Tổ chức hội thao"], ["Cải tiến quy trình"], ON_TIME, False, {})


def test_a_plan_not_yet_launched_takes_no_registration():
    draft = Plan.draft(**seed_001.draft_args(TENANT, uuid4()))
    with refused(InvalidTransition, "INVALID_TRANSITION", "registration.plan_launched",
                 "plan is drafted; registrations need a launched plan"):
        register(draft, uuid4(), True, PHASE, [], on=ON_TIME)


def test_a_unit_outside_the_scope_is_refused(plan):
    with refused(OutOfScope, "OUT_OF_SCOPE", "registration.scope", "the unit is outside the plan's scope",
                 "Đơn vị không thuộc phạm vi kế hoạch"):
        register(plan, uuid4(), False, PHASE, [], on=ON_TIME)


def test_a_registration_after_the_deadline_is_refused_with_the_last_day(plan):
    with refused(DeadlinePassed, "DEADLINE_PASSED", "plan.registration_deadline",
                 "registration deadline 2021-10-12 has passed", "Đã quá hạn đăng ký thi đua (12/10/2021)"):
        register(plan, uuid4(), True, PHASE, [], on=date(2021, 10, 13))


def test_an_exclusive_deadline_refuses_its_own_day():
    phase = replace(SEED_PHASE, registration_deadline=Deadline(date(2021, 10, 12), inclusive=False))
    plan = launched(seed_001, date(2021, 10, 1), phases=[phase])
    assert register(plan, uuid4(), True, PHASE, [], on=date(2021, 10, 11)).late is False
    with refused(DeadlinePassed, "DEADLINE_PASSED", "plan.registration_deadline",
                 "registration deadline 2021-10-11 has passed", "Đã quá hạn đăng ký thi đua (11/10/2021)"):
        register(plan, uuid4(), True, PHASE, [], on=date(2021, 10, 12))


def test_a_phase_without_a_deadline_is_never_late():
    phase = replace(SEED_PHASE, registration_deadline=None)
    plan = launched(seed_001, date(2021, 10, 1), phases=[phase])
    assert register(plan, uuid4(), True, PHASE, [], on=date(2021, 12, 30)).late is False


def test_late_registrations_are_marked_under_the_accepting_policy():
    plan = launched(seed_001, date(2021, 10, 1), late_registration_policy="accept_mark_late")
    assert register(plan, uuid4(), True, PHASE, [], on=ON_TIME).late is False
    assert register(plan, uuid4(), True, PHASE, [], on=date(2021, 10, 13)).late is True


def test_each_indicator_is_registered_once_whatever_its_spelling(plan):
    composed, decomposed = "Sáng kiến", "Sa\u0301ng kiê\u0301n"
    with refused(Duplicate, "DUPLICATE", "registration.targets", "each indicator may be registered once"):
        register(plan, uuid4(), True, PHASE, [Target(composed, 1), Target(decomposed, 2)], on=ON_TIME)


@pytest.mark.parametrize("target, rule, message", [
    (Target(" ", 1), "input.indicator", "indicator must not be blank"),
    (Target("Doanh thu", 1.5), "registration.targets", "target amount must be an int or Decimal, not float"),
    (Target("Doanh thu", -1), "registration.targets", "target amount must be a finite, non-negative amount"),
])
def test_a_malformed_target_is_refused(plan, target, rule, message):
    with refused(BadInput, "BAD_INPUT", rule, message):
        register(plan, uuid4(), True, PHASE, [Target("Sáng kiến", 1), target], on=ON_TIME)


def test_blank_work_items_and_initiatives_are_refused(plan):
    with refused(BadInput, "BAD_INPUT", "input.work_item", "work_item must not be blank"):
        register(plan, uuid4(), True, PHASE, [], ["Hội thao", " "], on=ON_TIME)
    with refused(BadInput, "BAD_INPUT", "input.initiative", "initiative must not be blank"):
        register(plan, uuid4(), True, PHASE, [], [], [""], on=ON_TIME)


def test_results_are_recorded_only_for_registered_targets(plan):
    reg = register(plan, uuid4(), True, PHASE, [Target("Sáng kiến", 2), Target("Doanh thu", Decimal("1.5"))],
                   on=ON_TIME)
    reg.record_result("Sa\u0301ng kiê\u0301n", 2, date(2021, 12, 1))
    assert reg.results == {"Sáng kiến": 2}
    assert [reg.outcome(t) for t in reg.targets] == ["met", "unreported"]
    with refused(BadInput, "BAD_INPUT", "registration.results", "no registered target 'Nhà ở'"):
        reg.record_result("Nhà ở", 1, date(2021, 12, 1))
    with refused(BadInput, "BAD_INPUT", "registration.results", "achieved must be an int or Decimal, not float"):
        reg.record_result("Doanh thu", 1.4, date(2021, 12, 1))
    reg.record_result("Doanh thu", Decimal("1.4"), date(2021, 12, 1))
    assert reg.outcome(reg.targets[1]) == "not_met" and not reg.exceeded_targets


def test_a_registration_without_targets_has_not_exceeded_them(plan):
    assert register(plan, uuid4(), True, PHASE, [], on=ON_TIME).exceeded_targets is False


def test_a_result_event_records_its_day(plan):
    reg = register(plan, uuid4(), True, PHASE, [Target("Sáng kiến", 2)], on=ON_TIME)
    reg.record_result("Sáng kiến", 3, date(2021, 12, 1))
    recorded = reg.collect_events()[-1]
    assert (recorded.indicator, recorded.achieved, recorded.on) == ("Sáng kiến", 3, date(2021, 12, 1))
