"""GraphQL subscriptions (graphql-transport-ws at /graphql): a node's rollup pushed when its
figures change. The first message is the rollup as it stands; then one per change, after
the rollup projection counts the write (api/graphql/subscriptions_hub.py).

Who may subscribe: the same as the `rollup` query (Access.ROLLUP, the same scope and audit
record), checked once when the subscription starts; a refusal is the query's coded error
and no data.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

import orjson
import strawberry

from api.auth.policy import Access
from api.graphql.audit_trail import record_audit_read
from api.graphql.context import Info
from api.graphql.reach import read_scope
from api.graphql.subscriptions_hub import LiveReads
from api.graphql.subscriptions_shared import SharedEvent
from api.graphql.types.parent_relation import ParentRelation, relation_names
from api.graphql.types.rollup import Rollup
from infra.database import Database
from projections import queries
from projections.queries import PlanRef


@dataclass(frozen=True)
class RollupKey:
    """What a rollup read depends on: subscribers with equal keys share one read."""

    plan: PlanRef
    node: UUID
    as_of: date | None
    scope: str | None
    relations: tuple[str, ...] | None
    phase: str | None = None


async def read_rollup(db: Database, key: RollupKey) -> dict[str, Any]:
    # wait_s=0: the hub has already waited for the projection before reading.
    return await queries.rollup(db, key.plan, key.node, as_of=key.as_of, tenant=key.scope,
                                relations=list(key.relations) if key.relations else None, wait_s=0,
                                phase=key.phase)


def figures(row: dict[str, Any]) -> bytes:
    """A digest of what a push is judged on: the figures, not the freshness (which moves with
    every event). Computed once per read; each subscriber compares 32 bytes."""
    judged = orjson.dumps([row["metrics"], row["children"], row["plans"]], default=str,
                          option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)
    return hashlib.blake2b(judged, digest_size=32).digest()


class LiveRollup(Rollup, SharedEvent):
    """A rollup pushed to many subscribers at once: executed once per query text (subscriptions_shared)."""


def live_rollups(db: Database) -> LiveReads:
    async def read(key: RollupKey) -> dict[str, Any]:
        return await read_rollup(db, key)

    return LiveReads(db, read, figures, LiveRollup.from_row)


@strawberry.type
class Subscription:
    @strawberry.subscription(description=(
        "A node's rollup (as the `rollup` query answers it): first as it stands, then each time its "
        "figures change, once the rollup counts the write. Changes close together may arrive as one."))
    async def rollup_changed(self, info: Info, plan_tenant: str, plan_id: UUID, node: UUID,
                             as_of: date | None = None, tenant: str | None = None,
                             relations: list[ParentRelation] | None = None,
                             phase: str | None = None) -> AsyncGenerator[Rollup, None]:
        principal = info.context.principal()
        scope = read_scope(principal, Access.ROLLUP, tenant)
        db = info.context.platform.db
        names = relation_names(relations)
        key = RollupKey(PlanRef(plan_tenant, plan_id), node, as_of, scope, tuple(names) if names else None, phase)
        await record_audit_read(db, principal, Access.ROLLUP, scope, "rollup_changed",
                                {"plan": f"{plan_tenant}/{plan_id}", "node": str(node), "as_of": as_of, "phase": phase})
        live: LiveReads = info.context.live
        async with live.watch(key) as watcher:
            first = await live.current(key)  # NOT_FOUND and other refusals end it here, with no data
            watcher.sent(first)
            yield first.payload
            while True:
                yield await watcher.changed()
