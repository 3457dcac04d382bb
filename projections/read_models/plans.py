"""plans: each plan's status and schedule, and its parent links (the cascade)."""

from __future__ import annotations

import json

import asyncpg

from domain.plan import Plan
from projections.engine.base import Event, Projection, handles
from projections.engine.writes import DeferredWrites

_STATUS_DATE = {  # event -> (status, column set to the event's `on`)
    "PlanLaunched": ("launched", "launched_on"),
    "InterimReviewBegun": ("interim_review", None),
    "FinalReviewBegun": ("final_review", None),
    "PlanClosed": ("closed", "closed_on"),
}


class PlansProjection(DeferredWrites, Projection):
    name = "plans"
    tables = ("plans", "plan_links")

    @handles(Plan.PlanDrafted)
    async def on_drafted(self, conn: asyncpg.Connection, e: Event) -> None:
        d, period, schedule = e.data, e.data["period"], e.data["report_schedule"] or {}
        await conn.execute(
            f"INSERT INTO {self.t['plans']} (tenant_id, plan_id, issuing_unit_id, theme, kind, status,"
            " period_start, period_end, report_days, grace_days, phases, drafted_at)"
            " VALUES ($1, $2, $3, $4, $5, 'drafted', $6, $7, $8, $9, $10::jsonb, $11)",
            e.tenant_id, e.stream_id, d["issuing_unit_id"], d["theme"], d["kind"],
            period.get("start"), period.get("end"), list(schedule.get("days_of_month", [])),
            schedule.get("grace_days", 0), _phases_json(d["phases"]), e.recorded_at)
        for link in d["parent_links"]:
            await self._link(conn, e, link)

    @handles(Plan.ParentLinked)
    async def on_linked(self, conn: asyncpg.Connection, e: Event) -> None:
        await self._link(conn, e, e.data["link"])

    @handles(Plan.PlanIssued)
    async def on_issued(self, conn: asyncpg.Connection, e: Event) -> None:
        await conn.execute(
            f"UPDATE {self.t['plans']} SET status = 'issued', number = $3, issued_on = $4"
            " WHERE tenant_id = $1 AND plan_id = $2",
            e.tenant_id, e.stream_id, e.data["number"], e.data["issued_on"])

    @handles(Plan.PlanLaunched, Plan.InterimReviewBegun, Plan.FinalReviewBegun, Plan.PlanClosed)
    async def on_status(self, conn: asyncpg.Connection, e: Event) -> None:
        status, column = _STATUS_DATE[e.topic.rsplit(".", 1)[-1]]
        extra = f", {column} = $4" if column else ""
        await conn.execute(
            f"UPDATE {self.t['plans']} SET status = $3{extra} WHERE tenant_id = $1 AND plan_id = $2",
            e.tenant_id, e.stream_id, status, *([e.data["on"]] if column else []))

    @handles(Plan.EndConditionDeclaredMet)
    async def on_end_condition(self, conn: asyncpg.Connection, e: Event) -> None:
        await conn.execute(
            f"UPDATE {self.t['plans']} SET end_condition_met_on = $3 WHERE tenant_id = $1 AND plan_id = $2",
            e.tenant_id, e.stream_id, e.data["on"])

    @handles(Plan.PlanAmended)
    async def on_amended(self, conn: asyncpg.Connection, e: Event) -> None:
        d = e.data
        if d.get("phases") is not None:
            await conn.execute(
                f"UPDATE {self.t['plans']} SET phases = $3::jsonb WHERE tenant_id = $1 AND plan_id = $2",
                e.tenant_id, e.stream_id, _phases_json(d["phases"]))
        if d.get("report_schedule") is not None:
            s = d["report_schedule"]
            await conn.execute(
                f"UPDATE {self.t['plans']} SET report_days = $3, grace_days = $4"
                " WHERE tenant_id = $1 AND plan_id = $2",
                e.tenant_id, e.stream_id, list(s.get("days_of_month", [])), s.get("grace_days", 0))

    async def _link(self, conn: asyncpg.Connection, e: Event, link: dict) -> None:
        table = self.t["plan_links"]
        await conn.execute(
            f"INSERT INTO {table} (tenant_id, plan_id, seq, relation, parent_tenant, parent_plan_id,"
            " number, issuer, title, linked_at) SELECT $1, $2,"
            f" (SELECT count(*) FROM {table} WHERE tenant_id = $1 AND plan_id = $2),"
            " $3, $4, $5, $6, $7, $8, $9",
            e.tenant_id, e.stream_id, link["relation"], link.get("tenant") or e.tenant_id,
            link.get("plan_id"), link.get("number", ""), link.get("issuer", ""),
            link.get("title", ""), e.recorded_at)


def _phases_json(phases: list[dict]) -> str:
    return json.dumps(phases, default=str, ensure_ascii=False)
