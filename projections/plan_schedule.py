"""How many reporting days of a plan were due by a day (the domain's schedule rules)."""

from __future__ import annotations

from datetime import date
from typing import Any

from domain import schedule
from domain.plan_values import ReportSchedule


def due_days(plan: Any, today: date) -> int:
    """Reporting days whose "due by" day is before `today` (domain report.missing_reports)."""
    if plan["start"] is None or not plan["report_days"]:
        return 0
    sched = ReportSchedule(tuple(plan["report_days"]), plan["grace_days"])
    end = min(d for d in (today, plan["end_on"], plan["closed_on"]) if d is not None)
    return sum(1 for d in schedule.reporting_days(sched, plan["start"], end)
               if schedule.due_by(sched, d) < today)
