"""What a client finds before it asks for figures: tenants, plans (and a plan's cascade),
units and their children, and units by name. All metadata (Access.METADATA): a tenant's
users read their tenant, `national` and `platform_admin` every tenant, an auditor the tenants
of its grant (each such read recorded)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID

import strawberry

from api.auth.policy import Access, require, scope_tenant
from api.graphql.audit_trail import record_audit_read
from api.graphql.context import Info
from api.graphql.reach import read_scope
from api.graphql.types.cascade import CascadePlan
from api.graphql.types.connection import Connection, connection, decode_cursor, page_size
from api.graphql.types.enums import PlanStatus
from api.graphql.types.org_unit import OrgUnit
from api.graphql.types.parent_relation import ParentRelation, relation_names
from api.graphql.types.plan import Plan
from api.graphql.types.tenant import Tenant
from domain.errors import BadInput
from infra.errors import NotFoundError
from projections import queries
from projections.queries import PlanFilter, PlanRef
from projections.read_models import pages
from services.auth.principal import Principal

MAX_LIST = 100
ACTIVE_ON = "Only plans whose period covers this day."
PARENT = "Only plans linked to this plan (with `parentTenant`)."


def _may_read(principal: Principal, tenant: str) -> bool:
    try:
        scope_tenant(principal, Access.METADATA, tenant)
    except NotFoundError:
        return False
    return True


async def _scoped(info: Info, tenant: str | None, what: str, detail: dict[str, Any]) -> str | None:
    principal = info.context.principal()
    scope = read_scope(principal, Access.METADATA, tenant)
    await record_audit_read(info.context.platform.db, principal, Access.METADATA, scope, what, detail)
    return scope


def _parent(tenant: str | None, plan_id: UUID | None) -> PlanRef | None:
    """The parent plan a `plans` filter names: its tenant defaults to the one read."""
    if plan_id is None:
        return None
    if tenant is None:
        raise BadInput("parentPlanId needs parentTenant when reading across tenants", rule="graphql.plans.parent",
                       message_vi="parentPlanId cần parentTenant khi đọc nhiều đơn vị")
    return PlanRef(tenant, plan_id)


def _limit(first: int | None, default: int) -> int:
    return page_size(first) if first is not None else default


@strawberry.type
class DiscoveryQueries:
    @strawberry.field(description="The tenants the caller may read (every tenant for the national role).")
    async def tenants(self, info: Info) -> list[Tenant]:
        principal = info.context.principal()
        require(principal, Access.METADATA)
        rows = await queries.tenants(info.context.platform.db)
        return [Tenant.from_row(r) for r in rows if _may_read(principal, r["tenant_id"])]

    @strawberry.field(description="Plans, newest issued first (at most `first`, default 100). Without `tenant`, "
                                  "a national reader sees every tenant's plans, others their own.")
    async def plans(
            self, info: Info, tenant: str | None = None,
            issuer: Annotated[UUID | None, strawberry.argument(description="The issuing unit.")] = None,
            status: PlanStatus | None = None,  # type: ignore[valid-type]
            active_on: Annotated[date | None, strawberry.argument(description=ACTIVE_ON)] = None,
            parent_tenant: str | None = None,
            parent_plan_id: Annotated[UUID | None, strawberry.argument(description=PARENT)] = None,
            first: int | None = None) -> list[Plan]:
        scope = await _scoped(info, tenant, "plans", {"tenant": tenant})
        parent = _parent(parent_tenant or scope, parent_plan_id)
        where = PlanFilter(tenant=scope, issuer=issuer, status=status.value if status else None,
                           active_on=active_on, parent=parent)
        rows = await queries.plans(info.context.platform.db, where, scope=scope, limit=_limit(first, MAX_LIST))
        return [Plan.from_row(r) for r in rows]

    @strawberry.field(description="One plan with its phases and deadlines, award forms, quota rules, standards, "
                                  "report schedule and parent links. NOT_FOUND when unknown or out of reach.")
    async def plan(self, info: Info, tenant: str, id: UUID) -> Plan:  # noqa: A002
        scope = await _scoped(info, tenant, "plan", {"plan": f"{tenant}/{id}"})
        row = await queries.plan(info.context.platform.db, PlanRef(tenant, id), scope=scope)
        if row is None:
            raise NotFoundError(f"plan {tenant}/{id} not found")
        return Plan.from_row(row)

    @strawberry.field(description="Every plan implementing the root plan (or linked by `relations`), "
                                  "with days each level took.")
    async def plan_cascade(self, info: Info, plan_tenant: str, plan_id: UUID, tenant: str | None = None,
                           relations: list[ParentRelation] | None = None) -> list[CascadePlan]:
        scope = read_scope(info.context.principal(), Access.METADATA, tenant)
        rows = await queries.plan_cascade(info.context.platform.db, PlanRef(plan_tenant, plan_id),
                                          tenant=scope, relations=relation_names(relations))
        return [CascadePlan.from_row(r) for r in rows]

    @strawberry.field(description="One unit as it is now. NOT_FOUND when unknown or out of reach.")
    async def unit(self, info: Info, id: UUID, tenant: str | None = None) -> OrgUnit:  # noqa: A002
        scope = await _scoped(info, tenant, "unit", {"unit": str(id)})
        row = await queries.unit(info.context.platform.db, id, scope=scope)
        if row is None:
            raise NotFoundError(f"unit {id} not found")
        return OrgUnit.from_row(row)

    @strawberry.field(description="A unit's current children, by name (Relay connection).")
    async def unit_children(self, info: Info, unit: UUID, tenant: str | None = None, first: int | None = None,
                            after: str | None = None) -> Connection[OrgUnit]:
        scope = await _scoped(info, tenant, "unit_children", {"unit": str(unit)})
        page = await pages.children(info.context.platform.db, unit, first=page_size(first),
                                    after=decode_cursor(after, pages.CHILD_KEY), tenant=scope)
        return connection(page, pages.CHILD_KEY, OrgUnit.from_row, after)

    @strawberry.field(description="Units whose name contains `name`, accents, case and spacing ignored "
                                  "(\"phu rieng\" finds \"LĐLĐ huyện Phú Riềng\"); higher levels first, at most "
                                  "`first` (default 20).")
    async def search_units(self, info: Info, name: str, tenant: str | None = None, include_ended: bool = False,
                           first: int | None = None) -> list[OrgUnit]:
        scope = await _scoped(info, tenant, "search_units", {"name": name})
        rows = await queries.search_units(info.context.platform.db, name, scope=scope, include_ended=include_ended,
                                          limit=_limit(first, 20))
        return [OrgUnit.from_row(r) for r in rows]
