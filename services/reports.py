"""Progress reports (báo cáo nhanh) per unit and reporting day; late ones are flagged,
missing ones can be listed."""

from __future__ import annotations

from datetime import date
from typing import Iterable
from uuid import UUID

from domain.errors import Duplicate, OutOfScope
from domain.ids import report_id
from domain.plan import Plan
from domain.report import ProgressReport, ReportFigures, missing_reports
from domain.report import submit_report as domain_submit
from infra.platform import Platform
from services.commands import load, load_many, run_command
from services.context import CommandContext, CommandResult
from services.scope import check_reach, in_scope
from tenants.org_reader import load_timeline


async def submit_report(platform: Platform, tenant: str, ctx: CommandContext, *, plan_id: UUID,
                        unit_id: UUID, day: date, figures: ReportFigures, submitted_on: date) -> CommandResult:
    """One report per unit and reporting day (DUPLICATE otherwise); `late` after its day."""
    async def decide() -> ProgressReport:
        timeline = await load_timeline(platform, tenant)
        await check_reach(platform, tenant, ctx, unit_id, day=day, timeline=timeline)
        plan = await load(platform, tenant, plan_id, Plan)
        if not in_scope(timeline, plan, unit_id, day):
            raise OutOfScope("the unit is outside the plan's scope", rule="report.scope",
                      message_vi="Đơn vị không thuộc phạm vi của kế hoạch")
        return domain_submit(plan, unit_id, day, figures, submitted_on=submitted_on)

    def duplicate() -> Duplicate:
        return Duplicate(f"a report for {day} was already submitted", rule="report.once_per_day",
                         message_vi="Đơn vị đã gửi báo cáo cho kỳ này")
    return await run_command(platform, tenant, ctx, "submit_report", decide, on_conflict=duplicate)


async def reports_of(platform: Platform, tenant: str, plan: Plan, unit_ids: Iterable[UUID],
                     until: date) -> list[ProgressReport]:
    """The units' reports for every reporting day from the plan's start up to `until`."""
    start = plan.start
    if start is None:
        return []
    days = plan.reporting_days(start, until)
    ids = [report_id(tenant, plan.id, u, d) for u in unit_ids for d in days]
    return await load_many(platform, tenant, ids, ProgressReport)


async def find_missing_reports(platform: Platform, tenant: str, *, plan_id: UUID, as_of: date,
                               unit_ids: Iterable[UUID] | None = None) -> list[tuple[UUID, date]]:
    """(unit, day) pairs overdue by `as_of`; units default to those in scope on `as_of`."""
    plan = await load(platform, tenant, plan_id, Plan)
    if unit_ids is None:
        timeline = await load_timeline(platform, tenant)
        unit_ids = timeline.descendants(plan.issuing_unit_id, as_of)
    unit_ids = list(unit_ids)
    reports = await reports_of(platform, tenant, plan, unit_ids, as_of)
    return missing_reports(plan, unit_ids, reports, as_of)
