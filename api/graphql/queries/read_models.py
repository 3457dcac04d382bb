"""Queries over the read models (projections/queries.py). Who may read what: api/auth/policy.

Scope: a tenant's own users read their tenant; `national` and `platform_admin` read across
tenants (tenant argument omitted = the national view) but only metadata and rollups.
Registrations, reports and nominations (personal data) need tenant-data access.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from api.auth.policy import Access, scope_tenant
from api.graphql.audit_trail import record_audit_read
from api.graphql.context import Info
from api.graphql.types.org_unit import OrgUnit
from api.graphql.types.parent_relation import ParentRelation, relation_names
from projections import queries
from projections.queries import NATIONAL, PlanRef
from services.auth.principal import Principal, Role

_PLAIN = frozenset({str, int, float, bool, type(None)})


def jsonable(value: Any) -> Any:
    """Read-model rows hold UUIDs, dates and decimals: render them as JSON text values, as
    `json.loads(json.dumps(value, default=str))` does, without the round trip for plain data
    (a national rollup's 50 metric dicts)."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is dict and all(type(k) is str for k in value):
        return {k: jsonable(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [jsonable(v) for v in value]
    return json.loads(json.dumps(value, default=str))


def read_scope(principal: Principal, access: Access, tenant: str | None) -> str | None:
    """NATIONAL (None) for a cross-tenant reader asking no particular tenant."""
    if tenant is None and principal.has(Role.NATIONAL, Role.PLATFORM_ADMIN):
        scope_tenant(principal, access)
        return NATIONAL
    return scope_tenant(principal, access, tenant)


@strawberry.type
class ReadModelQueries:
    @strawberry.field(description="Units under `unit` (that unit first), now or as of a date.")
    async def org_tree(self, info: Info, unit: UUID, as_of: date | None = None,
                       tenant: str | None = None) -> list[OrgUnit]:
        principal = info.context.principal()
        scope = read_scope(principal, Access.METADATA, tenant)
        await record_audit_read(info.context.platform.db, principal, Access.METADATA, scope, "org_tree",
                                {"unit": str(unit), "as_of": as_of})
        rows = await queries.org_tree(info.context.platform.db, unit, as_of=as_of, tenant=scope)
        return [OrgUnit.from_row(r) for r in rows]

    @strawberry.field(description="Every plan implementing the root plan (or linked by `relations`), "
                                  "with days each level took.")
    async def plan_cascade(self, info: Info, plan_tenant: str, plan_id: UUID, tenant: str | None = None,
                           relations: list[ParentRelation] | None = None) -> JSON:
        scope = read_scope(info.context.principal(), Access.METADATA, tenant)
        return jsonable(await queries.plan_cascade(info.context.platform.db, PlanRef(plan_tenant, plan_id),
                                                   tenant=scope, relations=relation_names(relations)))

    @strawberry.field(description="Registrations of a plan in the caller's tenant (late only if asked).")
    async def registrations(self, info: Info, plan_id: UUID, late: bool | None = None) -> JSON:
        tenant = scope_tenant(info.context.principal(), Access.TENANT_DATA)
        return jsonable(await queries.registrations(info.context.platform.db, tenant, plan_id, late=late))

    @strawberry.field(description="Reports of a plan: all, late, and missing (due and not arrived).")
    async def reports(self, info: Info, plan_id: UUID, today: date | None = None) -> JSON:
        tenant = scope_tenant(info.context.principal(), Access.TENANT_DATA)
        return jsonable(await queries.reports(info.context.platform.db, tenant, plan_id, today=today))

    @strawberry.field(description="Nominations and awards of a plan (names of nominees: tenant users only).")
    async def nominations(self, info: Info, plan_id: UUID, status: str | None = None) -> JSON:
        tenant = scope_tenant(info.context.principal(), Access.TENANT_DATA)
        return jsonable(await queries.nominations(info.context.platform.db, tenant, plan_id, status=status))

    @strawberry.field(description="Quota ledgers of a plan: limit, used, remaining, enterprise share.")
    async def quota_use(self, info: Info, plan_id: UUID) -> JSON:
        tenant = scope_tenant(info.context.principal(), Access.TENANT_DATA)
        return jsonable(await queries.quota_use(info.context.platform.db, tenant, plan_id))
