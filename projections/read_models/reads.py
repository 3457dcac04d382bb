"""Plain reads of the read-model tables (lists of dicts, JSON-ready)."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from domain.plan import ReportSchedule, schedule
from infra.database import Database
from projections.read_models.plan_schedule import due_days
from projections.read_models.scope import CASCADE_CTE, IMPLEMENTS, NATIONAL, PlanRef, read_scope

_TREE_NOW = """WITH RECURSIVE t AS (
    SELECT u.*, 0 AS depth FROM org_units u WHERE u.unit_id = $1
    UNION ALL
    SELECT u.*, t.depth + 1 FROM org_units u JOIN t ON u.parent_id = t.unit_id
     WHERE u.ended_on IS NULL AND t.depth < 12)
SELECT tenant_id, unit_id, name, kind, level, parent_id, enterprise, depth FROM t ORDER BY depth, name"""

_TREE_AS_OF = """WITH RECURSIVE t AS (
    SELECT v.*, 0 AS depth FROM org_unit_versions v
     WHERE v.unit_id = $1 AND v.valid_from <= $2 AND (v.valid_to IS NULL OR v.valid_to > $2)
    UNION ALL
    SELECT v.*, t.depth + 1 FROM org_unit_versions v JOIN t ON v.parent_id = t.unit_id
     WHERE v.valid_from <= $2 AND (v.valid_to IS NULL OR v.valid_to > $2) AND t.depth < 12)
SELECT tenant_id, unit_id, name, kind, level, parent_id, depth FROM t ORDER BY depth, name"""


async def org_tree(db: Database, root: UUID, *, as_of: date | None = None,
                   tenant: str | None = NATIONAL) -> list[dict[str, Any]]:
    """The units under `root` (root first), now or as the tree was on `as_of`."""
    async with read_scope(db, tenant) as conn:
        if as_of is None:
            rows = await conn.fetch(_TREE_NOW, root)
        else:
            rows = await conn.fetch(_TREE_AS_OF, root, as_of)
    return [dict(r) for r in rows]


async def plan_cascade(db: Database, root_plan: PlanRef, *, tenant: str | None = NATIONAL,
                       relations: list[str] | None = None) -> list[dict[str, Any]]:
    """Every plan implementing the root (depth 0 = root), with how many days each level took
    after its parent was issued (`days_after_parent`)."""
    async with read_scope(db, tenant) as conn:
        rows = await conn.fetch(
            CASCADE_CTE + " SELECT c.tenant_id, c.plan_id, c.parent_tenant, c.parent_plan_id, c.depth,"
            " p.number, p.theme, p.status, p.issuing_unit_id, p.issued_on, p.launched_on,"
            " p.issued_on - pp.issued_on AS days_after_parent"
            " FROM cascade c LEFT JOIN plans p USING (tenant_id, plan_id)"
            " LEFT JOIN plans pp ON pp.tenant_id = c.parent_tenant AND pp.plan_id = c.parent_plan_id"
            " ORDER BY c.depth, p.issued_on NULLS LAST",
            root_plan.tenant_id, root_plan.plan_id, relations or IMPLEMENTS)
    return [dict(r) for r in rows]


async def registrations(db: Database, tenant: str, plan_id: UUID, *, late: bool | None = None,
                        unit_id: UUID | None = None) -> list[dict[str, Any]]:
    async with read_scope(db, tenant) as conn:
        rows = await conn.fetch(
            "SELECT registration_id, plan_id, phase, unit_id, registered_on, late, targets, results,"
            " targets_met, work_items, initiatives FROM registrations WHERE tenant_id = $1 AND plan_id = $2"
            " AND ($3::boolean IS NULL OR late = $3) AND ($4::uuid IS NULL OR unit_id = $4)"
            " ORDER BY registered_on, unit_id", tenant, plan_id, late, unit_id)
    return [dict(r) for r in rows]


async def reports(db: Database, tenant: str, plan_id: UUID, *, today: date | None = None) -> dict[str, Any]:
    """{"reports": [...], "late": [...], "missing": [{"unit_id", "day"}]} in one read."""
    async with read_scope(db, tenant) as conn:
        got = [dict(r) for r in await conn.fetch(
            "SELECT report_id, unit_id, day, submitted_on, late, members_supported, funds_mobilised,"
            " models, initiatives, work_items_completed FROM reports WHERE tenant_id = $1 AND plan_id = $2"
            " ORDER BY day, unit_id", tenant, plan_id)]
    return {"reports": got, "late": [r for r in got if r["late"]],
            "missing": await missing_reports(db, tenant, plan_id, today=today)}


async def missing_reports(db: Database, tenant: str, plan_id: UUID, *,
                          today: date | None = None) -> list[dict[str, Any]]:
    """[{"unit_id", "day"}]: a registered unit's report for a reporting day whose due-by day
    has passed before `today` and that has not arrived, by day then unit."""
    today = today or date.today()
    async with read_scope(db, tenant) as conn:
        plan = await conn.fetchrow(
            "SELECT report_days, grace_days, coalesce(period_start, launched_on, issued_on) AS start,"
            " coalesce(period_end, end_condition_met_on) AS end_on, closed_on FROM plans"
            " WHERE tenant_id = $1 AND plan_id = $2", tenant, plan_id)
        if plan is None or not due_days(plan, today):
            return []
        units = sorted(r["unit_id"] for r in await conn.fetch(
            "SELECT DISTINCT unit_id FROM registrations WHERE tenant_id = $1 AND plan_id = $2", tenant, plan_id))
        have = {(r["unit_id"], r["day"]) for r in await conn.fetch(
            "SELECT unit_id, day FROM reports WHERE tenant_id = $1 AND plan_id = $2", tenant, plan_id)}
    sched = ReportSchedule(tuple(plan["report_days"]), plan["grace_days"])
    end = min(d for d in (today, plan["end_on"], plan["closed_on"]) if d is not None)
    days = [d for d in schedule.reporting_days(sched, plan["start"], end) if schedule.due_by(sched, d) < today]
    return [{"unit_id": u, "day": d} for d in days for u in units if (u, d) not in have]


async def nominations(db: Database, tenant: str, plan_id: UUID, *, status: str | None = None) -> list[dict[str, Any]]:
    async with read_scope(db, tenant) as conn:
        rows = await conn.fetch(
            "SELECT * FROM nominations WHERE tenant_id = $1 AND plan_id = $2"
            " AND ($3::text IS NULL OR status = $3) ORDER BY nominee_name", tenant, plan_id, status)
    return [dict(r) for r in rows]


async def quota_use(db: Database, tenant: str, plan_id: UUID) -> list[dict[str, Any]]:
    """Per ledger: limit, used, remaining and the share of slots gone to enterprise unions."""
    async with read_scope(db, tenant) as conn:
        rows = await conn.fetch(
            "SELECT quota_id, pool, nominating_unit_id, quota_limit, basis, priority, used, enterprise_used,"
            " quota_limit - used AS remaining FROM quotas WHERE tenant_id = $1 AND plan_id = $2"
            " ORDER BY pool", tenant, plan_id)
    return [dict(r) | {"enterprise_share": round(r["enterprise_used"] / r["used"], 4) if r["used"] else 0.0}
            for r in rows]


async def nomination(db: Database, tenant: str, nomination_id: UUID) -> dict[str, Any] | None:
    """One nomination's row (None: unknown in `tenant`)."""
    async with read_scope(db, tenant) as conn:
        row = await conn.fetchrow("SELECT * FROM nominations WHERE tenant_id = $1 AND nomination_id = $2",
                                  tenant, nomination_id)
    return None if row is None else dict(row)


async def unit_nominations(db: Database, tenant: str, proposing_units: list[UUID], *,
                           limit: int = 200) -> list[dict[str, Any]]:
    """The nominations proposed by any of `proposing_units`, grouped by plan, by nominee."""
    async with read_scope(db, tenant) as conn:
        rows = await conn.fetch(
            "SELECT * FROM nominations WHERE tenant_id = $1 AND proposing_unit_id = ANY($2::uuid[])"
            " ORDER BY plan_id, nominee_name, nomination_id LIMIT $3", tenant, proposing_units, limit)
    return [dict(r) for r in rows]
