"""The rollup and the leaderboard: a node's figures under a root plan's cascade. Who may read
them: api/auth/policy (Access.ROLLUP); national readers read across tenants."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import strawberry

from api.auth.policy import Access
from api.graphql.audit_trail import record_audit_read
from api.graphql.context import Info
from api.graphql.queries.read_models import read_scope
from api.graphql.types.parent_relation import ParentRelation, relation_names
from api.graphql.types.rollup import LeaderboardEntry, LogPosition, Rollup
from domain.errors import BadInput
from infra.database import Database, validate_tenant_id
from projections import queries
from projections.queries import PlanRef
from projections.rollup.freshness import MAX_WAIT_S

_DEFAULT_WAIT_MS = 2000


def _after(positions: list[LogPosition] | None, wait_ms: int) -> dict[str, int]:
    if not 0 <= wait_ms <= MAX_WAIT_S * 1000:
        raise BadInput(f"waitMs must be within 0..{int(MAX_WAIT_S * 1000)}", rule="api.rollup.wait",
                       message_vi=f"waitMs phải trong khoảng 0..{int(MAX_WAIT_S * 1000)}")
    after: dict[str, int] = {}
    for p in positions or []:
        if p.position < 0:
            raise BadInput("a log position is >= 0", rule="api.rollup.after", message_vi="vị trí phải >= 0")
        tenant = validate_tenant_id(p.tenant)
        after[tenant] = max(after.get(tenant, 0), p.position)
    return after


async def rollup_for(db: Database, scope: str | None, plan_tenant: str, plan_id: UUID, node: UUID, *,
                     as_of: date | None = None, relations: list[ParentRelation] | None = None,
                     phase: str | None = None, after: dict[str, int] | None = None,
                     wait_ms: int = _DEFAULT_WAIT_MS) -> Rollup:
    """The typed rollup without a GraphQL request (subscriptions push it too): `scope` is the
    reader's scope as `read_scope` gives it (None: national); the caller checks who may read.
    Coded errors: NOT_FOUND (plan, node or phase), BAD_INPUT."""
    row = await queries.rollup(db, PlanRef(plan_tenant, plan_id), node, as_of=as_of, tenant=scope,
                               relations=relation_names(relations), after=after, wait_s=wait_ms / 1000,
                               phase=phase)
    return Rollup.from_row(row)


@strawberry.type
class RollupQueries:
    @strawberry.field(description=(
        "Figures of a node under a root plan's cascade, with the breakdown by child. `relations`: "
        "the parent links followed down from the root (default IMPLEMENTS and BASED_ON). `asOf`: "
        "on the org tree of that day, counting the facts effective by then. `phase`: every figure "
        "counted for that phase (đợt) of the plans only; units in scope are the same (NOT_FOUND "
        "if the root plan has no such phase). `after`: wait up to `waitMs` until these writes are "
        "counted (read-your-writes; see `includesAfter` and `freshness`)."))
    async def rollup(self, info: Info, plan_tenant: str, plan_id: UUID, node: UUID, as_of: date | None = None,
                     tenant: str | None = None, relations: list[ParentRelation] | None = None,
                     after: list[LogPosition] | None = None, wait_ms: int = _DEFAULT_WAIT_MS,
                     phase: str | None = None) -> Rollup:
        principal = info.context.principal()
        scope = read_scope(principal, Access.ROLLUP, tenant)
        positions = _after(after, wait_ms)
        await record_audit_read(info.context.platform.db, principal, Access.ROLLUP, scope, "rollup",
                                {"plan": f"{plan_tenant}/{plan_id}", "node": str(node), "as_of": as_of,
                                 "phase": phase})
        return await rollup_for(info.context.platform.db, scope, plan_tenant, plan_id, node, as_of=as_of,
                                relations=relations, phase=phase, after=positions, wait_ms=wait_ms)

    @strawberry.field(description="The node's children ranked by one metric.")
    async def leaderboard(self, info: Info, plan_tenant: str, plan_id: UUID, node: UUID, metric: str,
                          limit: int = 10, tenant: str | None = None) -> list[LeaderboardEntry]:
        scope = read_scope(info.context.principal(), Access.ROLLUP, tenant)
        rows = await queries.leaderboard(info.context.platform.db, PlanRef(plan_tenant, plan_id), node, metric,
                                         limit=min(max(limit, 1), 100), tenant=scope)
        return [LeaderboardEntry(node_id=strawberry.ID(str(r["node_id"])), name=r["name"], value=float(r["value"]))
                for r in rows]
