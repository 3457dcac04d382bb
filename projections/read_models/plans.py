"""plans: each plan's status and schedule, and its parent links (the cascade)."""

from __future__ import annotations

import json

import asyncpg

from domain.plan import Plan
from domain.plan import ParentLink, Period, ReportSchedule
from projections.engine.base import Projection, handles
from projections.engine.event import Event
from projections.engine.writes import DeferredWrites

_STATUS_DATE = {  # event -> (status, column set to the event's `on`)
    Plan.PlanLaunched: ("launched", "launched_on"),
    Plan.InterimReviewBegun: ("interim_review", None),
    Plan.FinalReviewBegun: ("final_review", None),
    Plan.PlanClosed: ("closed", "closed_on"),
}


class PlansProjection(DeferredWrites, Projection):
    name = "plans"
    tables = ("plans", "plan_links")

    @handles(Plan.PlanDrafted)
    async def on_drafted(self, conn: asyncpg.Connection, e: Event) -> None:
        drafted = e.domain_event
        period, schedule = Period.from_data(drafted.period), ReportSchedule.from_data(drafted.report_schedule)
        await conn.execute(
            f"INSERT INTO {self.t['plans']} (tenant_id, plan_id, issuing_unit_id, theme, kind, status,"
            " period_start, period_end, report_days, grace_days, phases, drafted_at, slogan, award_forms,"
            " quota_rules, standards, eligible_subjects, late_registration_policy)"
            " VALUES ($1, $2, $3, $4, $5, 'drafted', $6, $7, $8, $9, $10::jsonb, $11, $12, $13::jsonb,"
            " $14::jsonb, $15, $16, $17)",
            e.tenant_id, e.stream_id, drafted.issuing_unit_id, drafted.theme, drafted.kind,
            period.start, period.end, list(schedule.days_of_month),
            schedule.grace_days, _phases_json(drafted.phases), e.recorded_at, drafted.slogan,
            _phases_json(drafted.award_forms), _phases_json(drafted.quota_rules), list(drafted.standards),
            list(drafted.eligible_subjects), drafted.late_registration_policy)
        for link in drafted.parent_links:
            await self._link(conn, e, ParentLink.from_data(link))

    @handles(Plan.ParentLinked)
    async def on_linked(self, conn: asyncpg.Connection, e: Event) -> None:
        await self._link(conn, e, ParentLink.from_data(e.domain_event.link))

    @handles(Plan.PlanIssued)
    async def on_issued(self, conn: asyncpg.Connection, e: Event) -> None:
        await conn.execute(
            f"UPDATE {self.t['plans']} SET status = 'issued', number = $3, issued_on = $4"
            " WHERE tenant_id = $1 AND plan_id = $2",
            e.tenant_id, e.stream_id, e.domain_event.number, e.domain_event.issued_on)

    @handles(Plan.PlanLaunched, Plan.InterimReviewBegun, Plan.FinalReviewBegun, Plan.PlanClosed)
    async def on_status(self, conn: asyncpg.Connection, e: Event) -> None:
        step = e.domain_event
        status, column = _STATUS_DATE[type(step)]
        extra = f", {column} = $4" if column else ""
        await conn.execute(
            f"UPDATE {self.t['plans']} SET status = $3{extra} WHERE tenant_id = $1 AND plan_id = $2",
            e.tenant_id, e.stream_id, status, *([step.on] if column else []))

    @handles(Plan.EndConditionDeclaredMet)
    async def on_end_condition(self, conn: asyncpg.Connection, e: Event) -> None:
        await conn.execute(
            f"UPDATE {self.t['plans']} SET end_condition_met_on = $3 WHERE tenant_id = $1 AND plan_id = $2",
            e.tenant_id, e.stream_id, e.domain_event.on)

    @handles(Plan.PlanAmended)
    async def on_amended(self, conn: asyncpg.Connection, e: Event) -> None:
        amended = e.domain_event
        if amended.phases is not None:
            await conn.execute(
                f"UPDATE {self.t['plans']} SET phases = $3::jsonb WHERE tenant_id = $1 AND plan_id = $2",
                e.tenant_id, e.stream_id, _phases_json(amended.phases))
        if amended.report_schedule is not None:
            schedule = ReportSchedule.from_data(amended.report_schedule)
            await conn.execute(
                f"UPDATE {self.t['plans']} SET report_days = $3, grace_days = $4"
                " WHERE tenant_id = $1 AND plan_id = $2",
                e.tenant_id, e.stream_id, list(schedule.days_of_month), schedule.grace_days)

    async def _link(self, conn: asyncpg.Connection, e: Event, link: ParentLink) -> None:
        table = self.t["plan_links"]
        await conn.execute(
            f"INSERT INTO {table} (tenant_id, plan_id, seq, relation, parent_tenant, parent_plan_id,"
            " number, issuer, title, linked_at) SELECT $1, $2,"
            f" (SELECT count(*) FROM {table} WHERE tenant_id = $1 AND plan_id = $2),"
            " $3, $4, $5, $6, $7, $8, $9",
            e.tenant_id, e.stream_id, link.relation, link.tenant or e.tenant_id,
            link.plan_id, link.number, link.issuer, link.title, e.recorded_at)


def _phases_json(values: list[dict]) -> str:
    """Value objects as stored in the event (dates and decimals as text)."""
    return json.dumps(values, default=str, ensure_ascii=False)
