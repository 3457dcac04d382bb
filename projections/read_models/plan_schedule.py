"""How many reporting days of a plan were due by a day (the domain's schedule rules)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from domain.plan import ReportSchedule, schedule


def due_days(plan: Any, today: date) -> int:
    """Reporting days whose "due by" day is before `today` (domain report.missing_reports)."""
    if plan["start"] is None or not plan["report_days"]:
        return 0
    end = min(d for d in (today, plan["end_on"], plan["closed_on"]) if d is not None)
    return _due(tuple(plan["report_days"]), plan["grace_days"], plan["start"], end, today)


@lru_cache(maxsize=4096)
def _due(report_days: tuple[int, ...], grace_days: int, start: date, end: date, today: date) -> int:
    # Every rollup read asks this for each plan of its cascade (50 for a national one), with
    # the same few schedules: listing the days each time cost more than the read's Python.
    sched = ReportSchedule(report_days, grace_days)
    return sum(1 for d in schedule.reporting_days(sched, start, end) if schedule.due_by(sched, d) < today)
