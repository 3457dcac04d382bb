"""The org tree and rollups (projections/queries.py). Who may read what: api/auth/policy.

Scope: a tenant's own users read their tenant; `national` and `platform_admin` read across
tenants (tenant argument omitted = the national view) but only metadata and rollups.
Plans and units: queries/discovery.py; registrations, reports, nominations (personal data,
tenant-data access): queries/tenant_data.py.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

import strawberry

from api.auth.policy import Access
from api.graphql.audit_trail import record_audit_read
from api.graphql.context import Info
from api.graphql.reach import read_scope
from api.graphql.types.org_unit import OrgUnit
from api.graphql.types.parent_relation import ParentRelation, relation_names
from api.graphql.types.rollup import LeaderboardEntry, Rollup
from projections import queries
from projections.queries import PlanRef


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

    @strawberry.field(description="Metrics of a node under a root plan's cascade, with the breakdown by child.")
    async def rollup(self, info: Info, plan_tenant: str, plan_id: UUID, node: UUID, as_of: date | None = None,
                     tenant: str | None = None, relations: list[ParentRelation] | None = None) -> Rollup:
        principal = info.context.principal()
        scope = read_scope(principal, Access.ROLLUP, tenant)
        await record_audit_read(info.context.platform.db, principal, Access.ROLLUP, scope, "rollup",
                                {"plan": f"{plan_tenant}/{plan_id}", "node": str(node), "as_of": as_of})
        row = await queries.rollup(info.context.platform.db, PlanRef(plan_tenant, plan_id), node, as_of=as_of,
                                   tenant=scope, relations=relation_names(relations))
        return Rollup.from_row(row)

    @strawberry.field(description="The node's children ranked by one metric.")
    async def leaderboard(self, info: Info, plan_tenant: str, plan_id: UUID, node: UUID, metric: str,
                          limit: int = 10, tenant: str | None = None) -> list[LeaderboardEntry]:
        scope = read_scope(info.context.principal(), Access.ROLLUP, tenant)
        rows = await queries.leaderboard(info.context.platform.db, PlanRef(plan_tenant, plan_id), node, metric,
                                         limit=min(max(limit, 1), 100), tenant=scope)
        return [LeaderboardEntry(node_id=strawberry.ID(str(r["node_id"])), name=r["name"], value=float(r["value"]))
                for r in rows]
