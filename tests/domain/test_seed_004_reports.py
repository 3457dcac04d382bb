"""Seed 004: quick reports on the 05th, 15th and 25th of each month; a late report is flagged."""

from datetime import date
from uuid import uuid4

import pytest

from domain.errors import BadInput
from domain.report import ReportFigures, missing_reports, submit_report
from seeds import seed_004

from .conftest import launched


@pytest.fixture
def plan():
    return launched(seed_004, date(2021, 9, 10))  # the seed leaves the date blank


def test_reporting_days_are_the_5th_15th_and_25th(plan):
    assert plan.reporting_days(date(2021, 9, 1), date(2021, 10, 31)) == [
        date(2021, 9, 15), date(2021, 9, 25), date(2021, 10, 5), date(2021, 10, 15), date(2021, 10, 25)]


def test_report_after_its_day_is_late(plan):
    unit = uuid4()
    on_time = submit_report(plan, unit, date(2021, 9, 15), ReportFigures(), submitted_on=date(2021, 9, 15))
    late = submit_report(plan, unit, date(2021, 9, 25), ReportFigures(), submitted_on=date(2021, 9, 26))
    assert (on_time.late, late.late) == (False, True)


def test_report_for_a_day_off_schedule_is_refused(plan):
    with pytest.raises(BadInput):
        submit_report(plan, uuid4(), date(2021, 9, 16), ReportFigures(), submitted_on=date(2021, 9, 16))


def test_report_figures_are_counts_and_integer_dong(plan):
    figures = ReportFigures(members_supported=120, funds_mobilised=35_000_000,
                            models_started={"ATM gạo": 2, "Tổ an toàn Covid-19": 5}, initiatives=3)
    report = submit_report(plan, uuid4(), date(2021, 10, 5), figures, submitted_on=date(2021, 10, 5))
    assert report.funds_mobilised == 35_000_000 and report.models_started["ATM gạo"] == 2
    with pytest.raises(BadInput):
        submit_report(plan, uuid4(), date(2021, 10, 5), ReportFigures(funds_mobilised=1.5),
                      submitted_on=date(2021, 10, 5))


def test_missing_reports_are_found_per_unit_and_day(plan):
    a, b = uuid4(), uuid4()
    reports = [submit_report(plan, a, d, ReportFigures(), submitted_on=d)
               for d in (date(2021, 9, 15), date(2021, 9, 25))]
    missing = missing_reports(plan, [a, b], reports, as_of=date(2021, 10, 5))
    assert missing == [(b, date(2021, 9, 15)), (b, date(2021, 9, 25))]  # 05/10 not yet overdue
    assert (a, date(2021, 10, 5)) in missing_reports(plan, [a], reports, as_of=date(2021, 10, 6))


def test_report_ids_are_deterministic_per_unit_and_day(plan):
    unit, day = uuid4(), date(2021, 9, 15)
    first = submit_report(plan, unit, day, ReportFigures(), submitted_on=day)
    assert submit_report(plan, unit, day, ReportFigures(), submitted_on=day).id == first.id
