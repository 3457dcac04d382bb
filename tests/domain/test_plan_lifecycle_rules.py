"""The plan's lifecycle table, its refusals, and the reporting calendar (seed 004's 5th,
15th and 25th), each at its boundary."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import BadInput, InvalidTransition
from domain.numbers import amount, count
from domain.plan.lifecycle import TRANSITIONS, check_transition
from domain.plan.schedule import due_by, reporting_days
from domain.plan.values import ReportSchedule

from .refusals import refused

STATUSES = ("drafted", "issued", "launched", "interim_review", "final_review", "closed")
LIFECYCLE = {
    "issue": ({"drafted"}, "issued"),
    "launch": ({"issued"}, "launched"),
    "amend": ({"launched", "interim_review"}, None),
    "begin_interim_review": ({"launched"}, "interim_review"),
    "begin_final_review": ({"launched", "interim_review"}, "final_review"),
    "declare_end_condition_met": ({"launched", "interim_review", "final_review"}, None),
    "close": ({"final_review"}, "closed"),
    "link_parent": ({"drafted", "issued", "launched", "interim_review"}, None),
}


def test_the_lifecycle_table_is_the_plans():
    assert {k: (set(v[0]), v[1]) for k, v in TRANSITIONS.items()} == LIFECYCLE


@pytest.mark.parametrize("command", sorted(LIFECYCLE))
def test_each_plan_step_runs_only_from_its_statuses(command):
    for status in STATUSES:
        if status in LIFECYCLE[command][0]:
            check_transition(status, command)
            continue
        allowed = ", ".join(sorted(LIFECYCLE[command][0]))
        with refused(InvalidTransition, "INVALID_TRANSITION", f"plan.lifecycle.{command}",
                     f"cannot {command.replace('_', ' ')} a plan that is {status}; allowed from: {allowed}",
                     f"Không thể thực hiện '{command}' khi kế hoạch ở trạng thái '{status}'"):
            check_transition(status, command)


def test_reporting_days_fall_within_the_range_and_skip_days_a_month_lacks():
    sched = ReportSchedule((31, 5, 15))
    assert reporting_days(sched, date(2021, 1, 15), date(2021, 4, 30)) == [
        date(2021, 1, 15), date(2021, 1, 31), date(2021, 2, 5), date(2021, 2, 15), date(2021, 3, 5),
        date(2021, 3, 15), date(2021, 3, 31), date(2021, 4, 5), date(2021, 4, 15)]


def test_reporting_days_run_across_the_new_year_and_include_both_ends():
    sched = ReportSchedule((1, 25))
    assert reporting_days(sched, date(2021, 12, 25), date(2022, 1, 1)) == [date(2021, 12, 25), date(2022, 1, 1)]
    assert reporting_days(sched, date(2021, 12, 26), date(2021, 12, 31)) == []
    assert reporting_days(ReportSchedule((29,)), date(2024, 2, 1), date(2024, 2, 29)) == [date(2024, 2, 29)]


def test_a_report_is_due_by_its_day_plus_the_grace_days():
    assert due_by(ReportSchedule((5,), 3), date(2021, 12, 30)) == date(2022, 1, 2)
    assert due_by(ReportSchedule((5,)), date(2021, 12, 30)) == date(2021, 12, 30)


@pytest.mark.parametrize("value", [0, 7])
def test_a_count_is_a_non_negative_int(value):
    assert count(value, "copies", "nomination.documents") == value


@pytest.mark.parametrize("value", [-1, True, 1.0, "2", None])
def test_anything_else_as_a_count_is_refused(value):
    with refused(BadInput, "BAD_INPUT", "nomination.documents", "copies must be a non-negative integer"):
        count(value, "copies", "nomination.documents")


@pytest.mark.parametrize("value", [0, 3, __import__("decimal").Decimal("1.5")])
def test_an_amount_is_a_non_negative_int_or_decimal(value):
    assert amount(value, "achieved", "registration.results") == value


@pytest.mark.parametrize("value, message", [
    (False, "achieved must be an int or Decimal, not bool"), (1.5, "achieved must be an int or Decimal, not float"),
    (-1, "achieved must be a finite, non-negative amount"),
    (__import__("decimal").Decimal("-0.5"), "achieved must be a finite, non-negative amount"),
    (__import__("decimal").Decimal("Infinity"), "achieved must be a finite, non-negative amount"),
    (__import__("decimal").Decimal("NaN"), "achieved must be a finite, non-negative amount")])
def test_anything_else_as_an_amount_is_refused(value, message):
    with refused(BadInput, "BAD_INPUT", "registration.results", message):
        amount(value, "achieved", "registration.results")
