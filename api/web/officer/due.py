"""What is due for an officer's units, worked out from read-model rows (no I/O here):
registration deadlines, reporting days and dossier deadlines, each with the day it is due,
how many of the units have done it, and whether it is done, late, due soon or ahead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from domain.plan import ReportSchedule, schedule

SOON_DAYS = 7
UPCOMING_REPORTS = 3  # the next reporting days shown; past ones only while a report is missing
RECENT_DONE_REPORTS = 1
# A nomination past these states has left the unit: its dossier was handed in.
_HANDED_IN = frozenset({"submitted", "received", "appraised", "voted", "forwarded", "decided", "rejected", "revoked"})


@dataclass(frozen=True)
class DueItem:
    kind: str  # registration | report | dossier
    plan: dict[str, Any]
    phase: str
    due: date | None
    done: int
    total: int
    today: date
    report_day: date | None = None  # for a report: the reporting day (due by it plus the grace days)

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total

    @property
    def days_left(self) -> int | None:
        return None if self.due is None else (self.due - self.today).days

    @property
    def state(self) -> str:
        """done | late | soon | ahead (the badge the page draws)."""
        if self.complete:
            return "done"
        left = self.days_left
        if left is not None and left < 0:
            return "late"
        return "soon" if left is not None and left <= SOON_DAYS else "ahead"


def due_items(plan: dict[str, Any], unit_ids: list[UUID], registrations: list[dict], reports: list[dict],
              nominations: list[dict], today: date, proposers: list[UUID] | None = None) -> list[DueItem]:
    """`plan` as reach.plan_view makes it; `unit_ids` the reader's units the plan covers;
    `proposers` the reader's units that may propose (all of them: a district proposes its
    unions); the rows are the plan's registrations, reports and nominations (read models)."""
    mine = set(unit_ids)
    proposing = set(proposers if proposers is not None else unit_ids)
    regs = [r for r in registrations if r["unit_id"] in mine]
    items: list[DueItem] = []
    for phase in plan["phases"] or [{"name": "", "registration_deadline": None, "dossier_deadline": None}]:
        registered = {r["unit_id"] for r in regs if r["phase"] == phase["name"]}
        deadline = phase["registration_deadline"]
        items.append(DueItem("registration", plan, phase["name"], deadline["last_day"] if deadline else None,
                             len(registered), len(mine), today))
        dossier = phase["dossier_deadline"]
        drafted = [n for n in nominations if n["phase"] == phase["name"]
                   and (n["proposing_unit_id"] in proposing or n.get("nominee_id") in mine)]
        # Nominating is a choice: with none drafted the deadline is shown until it passes, never late.
        if dossier and (drafted or dossier["last_day"] >= today):
            handed = [n for n in drafted if n["status"] in _HANDED_IN]
            items.append(DueItem("dossier", plan, phase["name"], dossier["last_day"], len(handed), len(drafted),
                                 today))
    items += _report_items(plan, {r["unit_id"] for r in regs}, reports, today)
    return items


def _report_items(plan: dict[str, Any], registered: set[UUID], reports: list[dict], today: date) -> list[DueItem]:
    if not plan["report_days"] or plan["start"] is None or not registered:
        return []
    sched = ReportSchedule(tuple(plan["report_days"]), plan["grace_days"])
    end = plan["end"] or today + timedelta(days=62)
    got: dict[date, int] = {}
    for report in reports:
        if report["unit_id"] in registered:
            got[report["day"]] = got.get(report["day"], 0) + 1
    items = [DueItem("report", plan, "", schedule.due_by(sched, d), got.get(d, 0), len(registered), today, d)
             for d in schedule.reporting_days(sched, plan["start"], end)]
    past = [i for i in items if i.due < today]
    ahead = [i for i in items if i.due >= today][:UPCOMING_REPORTS]
    return [i for i in past if not i.complete] + [i for i in past if i.complete][-RECENT_DONE_REPORTS:] + ahead


def by_date(items: list[DueItem]) -> list[DueItem]:
    """Late first, then by the day due (items without a day last), done ones at the end."""
    order = {"late": 0, "soon": 1, "ahead": 1, "done": 2}
    return sorted(items, key=lambda i: (order[i.state], i.due or date.max, i.kind))
