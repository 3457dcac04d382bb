"""Every read the dashboard makes, in one module: the rollup (through its own function, as the
GraphQL resolver calls it), the cascade's plans and quota ledgers, the node's ancestors and
the plans a reader may choose. Who may read what: api/auth/policy (Access.ROLLUP), as GraphQL.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from api.auth.policy import Access
from api.graphql.audit_trail import record_audit_read
from api.graphql.reach import read_scope
from domain.errors import BadInput
from infra.database import Database, validate_tenant_id
from projections import queries
from projections.queries import NATIONAL, PlanRef
from projections.read_models import dashboard
from services.auth.principal import Principal
from tenants.ids import NATIONAL_TENANT, root_unit_id


@dataclass(frozen=True)
class Asked:
    """What the reader asked for in the page's address; None: the default."""

    plan: PlanRef | None = None
    node: UUID | None = None
    as_of: date | None = None

    @classmethod
    def parse(cls, plan: str | None, node: UUID | None, as_of: date | None) -> Asked:
        return cls(_plan_ref(plan) if plan else None, node, as_of)


@dataclass(frozen=True)
class Figures:
    scope: str | None
    """NATIONAL (None) or the one tenant the reader reads."""
    choices: list[dict[str, Any]]
    """The campaigns the reader may pick (root plans)."""
    plan: PlanRef
    node: UUID
    as_of: date | None
    trail: list[dict[str, Any]]
    """The node's ancestors the reader may see, highest first, the node last."""
    rollup: dict[str, Any]
    cascade: list[dict[str, Any]]
    award_forms: dict[str, dict[str, Any]]
    quotas: list[dict[str, Any]]


class NoCampaign(Exception):
    """No plan the reader could pick: the page says so instead of showing zeros."""


def plan_key(ref: PlanRef) -> str:
    return f"{ref.tenant_id}:{ref.plan_id}"


def _plan_ref(text: str) -> PlanRef:
    tenant, _, plan_id = text.partition(":")
    try:
        return PlanRef(validate_tenant_id(tenant), UUID(plan_id))
    except ValueError:
        raise BadInput("plan must be <tenant>:<plan id>", rule="web.dashboard.plan",
                       message_vi="Kế hoạch phải có dạng <đơn vị>:<mã kế hoạch>") from None


async def read_figures(db: Database, reader: Principal, asked: Asked) -> Figures:
    scope = read_scope(reader, Access.ROLLUP, None)
    issuer = NATIONAL_TENANT if scope is NATIONAL else scope  # whose campaigns the reader picks from
    plan = asked.plan or _default_plan(await dashboard.campaigns(db, issuer, tenant=scope), reader)
    node = asked.node or _home_node(reader, scope)
    await record_audit_read(db, reader, Access.ROLLUP, scope, "rollup",
                            {"plan": f"{plan.tenant_id}/{plan.plan_id}", "node": str(node), "as_of": asked.as_of})
    # Two read-only transactions at once, on two pooled connections: the page waits for the slower.
    rollup, around = await asyncio.gather(queries.rollup(db, plan, node, as_of=asked.as_of, tenant=scope),
                                          dashboard.surroundings(db, plan, node, issuer, tenant=scope))
    return Figures(scope, around.choices, plan, node, asked.as_of, around.trail, rollup, around.plans,
                   around.award_forms, around.quotas)


def _default_plan(choices: list[dict[str, Any]], reader: Principal) -> PlanRef:
    if not choices:
        raise NoCampaign()
    own = [c for c in choices if reader.unit is not None and c["issuing_unit_id"] == reader.unit]
    chosen = (own or choices)[0]  # newest first
    return PlanRef(chosen["tenant_id"], chosen["plan_id"])


def _home_node(reader: Principal, scope: str | None) -> UUID:
    if scope is NATIONAL:
        return root_unit_id(NATIONAL_TENANT)
    return reader.unit or root_unit_id(scope)
