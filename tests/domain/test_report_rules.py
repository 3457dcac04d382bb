"""Progress report rules: a running plan, a reporting day, the grace days before a report is
late, clean figures, and which reports are missing as of a day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from uuid import uuid4

import pytest

from domain.errors import BadInput, InvalidTransition
from domain.ids import report_id
from domain.plan import Plan, ReportSchedule
from domain.report import ReportFigures, missing_reports, submit_report
from seeds import seed_004

from .conftest import TENANT, launched
from .refusals import refused

DAY = date(2021, 10, 5)


@pytest.fixture
def plan():
    return launched(seed_004, date(2021, 9, 10))


def test_a_report_records_its_clean_figures(plan):
    unit = uuid4()
    figures = ReportFigures(members_supported=3, funds_mobilised=1_000, models_started={" ATM gạo ": 2},
                            initiatives=1, work_items_completed=4, note=" đã hỗ trợ ")
    r = submit_report(plan, unit, DAY, figures, submitted_on=DAY)
    assert (r.id, r.tenant, r.plan_id, r.unit_id, r.day, r.submitted_on, r.late) == (
        report_id(TENANT, plan.id, unit, DAY), TENANT, plan.id, unit, DAY, DAY, False)
    assert (r.members_supported, r.funds_mobilised, r.models_started, r.initiatives, r.work_items_completed,
            r.note) == (3, 1_000, {"ATM gạo": 2}, 1, 4, "đã hỗ trợ")


def test_a_report_within_the_grace_days_is_on_time():
    plan = launched(seed_004, date(2021, 9, 10), report_schedule=ReportSchedule((5, 15, 25), 2))
    late = [submit_report(plan, uuid4(), DAY, ReportFigures(), submitted_on=on).late
            for on in (date(2021, 10, 7), date(2021, 10, 8))]
    assert late == [False, True]


@pytest.mark.parametrize("figures, message", [
    (ReportFigures(members_supported=-1), "members supported must be a non-negative integer"),
    (ReportFigures(funds_mobilised=1.5), "funds mobilised (đồng) must be a non-negative integer"),
    (ReportFigures(models_started={"ATM gạo": -2}), "models started must be a non-negative integer"),
    (ReportFigures(initiatives=True), "initiatives must be a non-negative integer"),
    (ReportFigures(work_items_completed=-3), "work items completed must be a non-negative integer")])
def test_figures_must_be_counts(plan, figures, message):
    with refused(BadInput, "BAD_INPUT", "report.figures", message):
        submit_report(plan, uuid4(), DAY, figures, submitted_on=DAY)


def test_a_model_needs_a_name(plan):
    with refused(BadInput, "BAD_INPUT", "input.model type", "model type must not be blank"):
        submit_report(plan, uuid4(), DAY, ReportFigures(models_started={" ": 1}), submitted_on=DAY)


def test_a_day_off_the_schedule_is_refused_naming_it(plan):
    with refused(BadInput, "BAD_INPUT", "report.schedule", "2021-10-06 is not a reporting day of this plan"):
        submit_report(plan, uuid4(), date(2021, 10, 6), ReportFigures(), submitted_on=DAY)


@pytest.mark.parametrize("status", ["drafted", "closed"])
def test_a_plan_not_running_takes_no_report(status):
    plan = Plan.draft(**seed_004.draft_args(TENANT, uuid4())) if status == "drafted" else _closed()
    with refused(InvalidTransition, "INVALID_TRANSITION", "report.plan_running",
                 f"plan is {status}; reports need a running plan"):
        submit_report(plan, uuid4(), DAY, ReportFigures(), submitted_on=DAY)


@pytest.mark.parametrize("step", ["begin_interim_review", "begin_final_review"])
def test_reports_are_taken_through_the_reviews(plan, step):
    getattr(plan, step)(date(2021, 10, 1))
    assert submit_report(plan, uuid4(), DAY, ReportFigures(), submitted_on=DAY).late is False


def test_a_report_is_missing_only_once_its_grace_days_are_over():
    plan = launched(seed_004, date(2021, 9, 10), report_schedule=ReportSchedule((5, 15, 25), 2))
    unit, other_plans = uuid4(), launched(seed_004, date(2021, 9, 10))
    stray = submit_report(other_plans, unit, date(2021, 9, 15), ReportFigures(), submitted_on=date(2021, 9, 15))
    assert missing_reports(plan, [unit], [stray], as_of=date(2021, 9, 17)) == []
    assert missing_reports(plan, [unit], [stray], as_of=date(2021, 9, 18)) == [(unit, date(2021, 9, 15))]


def test_a_plan_without_a_start_misses_no_report():
    assert missing_reports(_without_start(), [uuid4()], [], as_of=date(2030, 1, 1)) == []


def _closed() -> Plan:
    plan = launched(seed_004, date(2021, 9, 10))
    plan.begin_final_review(date(2021, 9, 20))
    plan.declare_end_condition_met(date(2021, 12, 31)) if plan.period.end_condition else None
    plan.close(plan.effective_end)
    return plan


def _without_start() -> Plan:
    # Neither a period start nor an issue or launch date: a plan still drafted.
    args = seed_004.draft_args(TENANT, uuid4())
    return Plan.draft(**{**args, "period": replace(args["period"], start=None)})
