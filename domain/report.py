"""Progress report (báo cáo nhanh) of one unit for one reporting day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.errors import BadInput, InvalidTransition
from domain.events import versioned
from domain.ids import report_id
from domain.numbers import count
from domain.plan import Plan, schedule
from domain.text import nfc, required

_RULE = "report.figures"


@dataclass(frozen=True)
class ReportFigures:
    members_supported: int = 0
    funds_mobilised: int = 0  # integer đồng
    models_started: dict[str, int] = field(default_factory=dict)  # e.g. {"ATM gạo": 2}
    initiatives: int = 0
    work_items_completed: int = 0
    note: str = ""


@versioned
class ProgressReport(Aggregate):
    @staticmethod
    def create_id(tenant: str, plan_id: UUID, unit_id: UUID, day: date, **_: object) -> UUID:
        return report_id(tenant, plan_id, unit_id, day)

    @event("ReportSubmitted")
    def __init__(self, tenant: str, plan_id: UUID, unit_id: UUID, day: date, submitted_on: date,
                 late: bool, members_supported: int, funds_mobilised: int, models_started: dict,
                 initiatives: int, work_items_completed: int, note: str) -> None:
        self.tenant, self.plan_id, self.unit_id, self.day = tenant, plan_id, unit_id, day
        self.submitted_on, self.late = submitted_on, late
        self.members_supported, self.funds_mobilised = members_supported, funds_mobilised
        self.models_started, self.initiatives = models_started, initiatives
        self.work_items_completed, self.note = work_items_completed, note


def submit_report(plan: Plan, unit_id: UUID, day: date, figures: ReportFigures, *,
                  submitted_on: date) -> ProgressReport:
    _check_plan_running(plan)
    _check_reporting_day(plan, day)
    late = submitted_on > schedule.due_by(plan.report_schedule, day)
    return ProgressReport(tenant=plan.tenant, plan_id=plan.id, unit_id=unit_id, day=day,
                          submitted_on=submitted_on, late=late, **_clean(figures))


def missing_reports(plan: Plan, unit_ids: Iterable[UUID], reports: Iterable[ProgressReport],
                    as_of: date) -> list[tuple[UUID, date]]:
    """(unit, day) pairs whose report was due by `as_of` and has not arrived."""
    have = {(r.unit_id, r.day) for r in reports if r.plan_id == plan.id}
    start = plan.start
    if start is None:
        return []
    due = [d for d in plan.reporting_days(start, as_of) if schedule.due_by(plan.report_schedule, d) < as_of]
    return [(u, d) for d in due for u in unit_ids if (u, d) not in have]


def _check_plan_running(plan: Plan) -> None:
    if plan.status not in ("launched", "interim_review", "final_review"):
        raise InvalidTransition(f"plan is {plan.status}; reports need a running plan",
                                rule="report.plan_running",
                                message_vi="Kế hoạch không còn trong thời gian thực hiện: chưa thể báo cáo")


def _check_reporting_day(plan: Plan, day: date) -> None:
    if day not in plan.reporting_days(day, day):
        raise BadInput(f"{day} is not a reporting day of this plan", rule="report.schedule",
                           message_vi=f"Ngày {day:%d/%m/%Y} không phải kỳ báo cáo của kế hoạch")


def _clean(f: ReportFigures) -> dict:
    models = {required(k, "model type"): count(v, "models started", _RULE) for k, v in f.models_started.items()}
    return dict(members_supported=count(f.members_supported, "members supported", _RULE),
                funds_mobilised=count(f.funds_mobilised, "funds mobilised (đồng)", _RULE),
                models_started=models, initiatives=count(f.initiatives, "initiatives", _RULE),
                work_items_completed=count(f.work_items_completed, "work items completed", _RULE),
                note=nfc(f.note))
