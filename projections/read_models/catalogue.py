"""What a client discovers before it asks for figures: tenants, plans and units.

Plans and units are metadata: a tenant reads its own, `tenant=NATIONAL` reads across tenants
(the national_read policies); the API decides who may ask which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from domain.organisation import fold_name
from infra.database import Database
from projections.read_models.scope import NATIONAL, PlanRef, read_scope

_PLAN_COLUMNS = (
    "p.tenant_id, p.plan_id, p.issuing_unit_id, p.theme, p.slogan, p.kind, p.status, p.number, p.issued_on,"
    " p.launched_on, p.closed_on, p.period_start, p.period_end, p.end_condition_met_on, p.report_days,"
    " p.grace_days, p.phases, p.award_forms, p.quota_rules, p.standards, p.eligible_subjects,"
    " p.late_registration_policy")


@dataclass(frozen=True)
class PlanFilter:
    """Every field optional; `active_on`: plans whose period covers that day (an open end
    covers every later day); `parent`: plans linked to that plan (any relation)."""

    tenant: str | None = None
    issuer: UUID | None = None
    status: str | None = None
    active_on: date | None = None
    parent: PlanRef | None = None


async def tenants(db: Database) -> list[dict[str, Any]]:
    """The tenant registry (platform metadata, no row security): id, name, kind."""
    async with db.stateless_connection() as conn:
        rows = await conn.fetch("SELECT tenant_id, name, kind, created_at FROM tenants ORDER BY tenant_id")
    return [dict(r) for r in rows]


async def plans(db: Database, where: PlanFilter, *, scope: str | None = NATIONAL,
                limit: int = 100) -> list[dict[str, Any]]:
    parent = where.parent
    async with read_scope(db, scope) as conn:
        rows = await conn.fetch(
            f"SELECT {_PLAN_COLUMNS} FROM plans p WHERE ($1::text IS NULL OR p.tenant_id = $1)"
            " AND ($2::uuid IS NULL OR p.issuing_unit_id = $2) AND ($3::text IS NULL OR p.status = $3)"
            " AND ($4::date IS NULL OR (coalesce(p.period_start, p.launched_on, p.issued_on) <= $4"
            "      AND coalesce(p.period_end, p.end_condition_met_on, p.closed_on, 'infinity') >= $4))"
            " AND ($5::uuid IS NULL OR EXISTS (SELECT FROM plan_links l WHERE l.tenant_id = p.tenant_id"
            "      AND l.plan_id = p.plan_id AND l.parent_plan_id = $5 AND l.parent_tenant = $6))"
            " ORDER BY p.issued_on DESC NULLS LAST, p.tenant_id, p.plan_id LIMIT $7",
            where.tenant, where.issuer, where.status, where.active_on,
            parent.plan_id if parent else None, parent.tenant_id if parent else None, limit)
    return [dict(r) for r in rows]


async def plan(db: Database, ref: PlanRef, *, scope: str | None = NATIONAL) -> dict[str, Any] | None:
    """One plan with its parent links and quota ledgers (None: unknown or out of scope)."""
    async with read_scope(db, scope) as conn:
        row = await conn.fetchrow(f"SELECT {_PLAN_COLUMNS} FROM plans p WHERE p.tenant_id = $1 AND p.plan_id = $2",
                                  ref.tenant_id, ref.plan_id)
        if row is None:
            return None
        links = await conn.fetch(
            "SELECT relation, parent_tenant, parent_plan_id, number, issuer, title FROM plan_links"
            " WHERE tenant_id = $1 AND plan_id = $2 ORDER BY seq", ref.tenant_id, ref.plan_id)
    return {**dict(row), "parent_links": [dict(r) for r in links]}


async def unit(db: Database, unit_id: UUID, *, scope: str | None = NATIONAL) -> dict[str, Any] | None:
    async with read_scope(db, scope) as conn:
        row = await conn.fetchrow(
            "SELECT tenant_id, unit_id, name, kind, level, code, enterprise, parent_id, active_from, ended_on,"
            " end_kind, successor_ids, 0 AS depth FROM org_units WHERE unit_id = $1", unit_id)
    return None if row is None else dict(row)


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


async def search_units(db: Database, text: str, *, scope: str | None = NATIONAL, include_ended: bool = False,
                       limit: int = 20) -> list[dict[str, Any]]:
    """Units whose name contains `text`, accents, case and spacing ignored (fold_name):
    "phu rieng" finds "LĐLĐ huyện Phú Riềng". Higher levels first, then by name."""
    key = fold_name(text)
    if not key:
        return []
    async with read_scope(db, scope) as conn:
        rows = await conn.fetch(
            "SELECT tenant_id, unit_id, name, kind, level, code, enterprise, parent_id, active_from, ended_on,"
            " end_kind, successor_ids, 0 AS depth FROM org_units"
            " WHERE search_name LIKE '%' || $1 || '%' AND ($2 OR ended_on IS NULL)"
            " ORDER BY level, name, unit_id LIMIT $3", _like_escaped(key), include_ended, limit)
    return [dict(r) for r in rows]

