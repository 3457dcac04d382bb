"""Reporting days: e.g. the 05th, 15th and 25th of each month (seed 004)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from domain.plan.values import ReportSchedule


def reporting_days(schedule: ReportSchedule, start: date, end: date) -> list[date]:
    """All reporting days within [start, end]. A day absent from a month (31 in April) is skipped."""
    days: list[date] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        last = calendar.monthrange(year, month)[1]
        days += [date(year, month, d) for d in schedule.days_of_month if d <= last]
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return [d for d in sorted(days) if start <= d <= end]


def due_by(schedule: ReportSchedule, day: date) -> date:
    """Last day a report for `day` counts as on time."""
    return day + timedelta(days=schedule.grace_days)
