"""Build a tenant's OrgTimeline from the store's events (not from projections: those lag).

Every command that checks scope or the tree needs the tenant's timeline, and a province
holds thousands of units, so each process keeps one timeline per tenant and brings it up to
date with only the org events recorded since (the events table's (tenant_id, topic, position)
index). Positions are gap-free and in commit order, so "after the last position seen" never
misses an event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID
from weakref import WeakKeyDictionary

from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import get_topic

from domain.organisation import OrgTimeline, OrgUnit, change_from_event
from infra.database import Database
from infra.platform import Platform
from infra.repository import plain_uuid

ORG_TOPICS = [get_topic(getattr(OrgUnit, name))
              for name in ("Created", "Renamed", "Moved", "Merged", "Split", "Dissolved")]


@dataclass
class _Cached:
    position: int = 0
    timeline: OrgTimeline = field(default_factory=OrgTimeline)


_cache: WeakKeyDictionary[Database, dict[str, _Cached]] = WeakKeyDictionary()


async def load_timeline(platform: Platform, tenant: str) -> OrgTimeline:
    """The tenant's org tree over time, with every org event committed before this call."""
    cached = _cache.setdefault(platform.db, {}).setdefault(tenant, _Cached())
    while True:
        after = cached.position
        async with platform.db.tenant_transaction(tenant) as conn:
            rows = await conn.fetch(
                "SELECT position, stream_id, version, topic, body FROM events"
                " WHERE tenant_id = $1 AND topic = ANY($2::text[]) AND position > $3 ORDER BY position",
                tenant, ORG_TOPICS, after)
        if cached.position == after:  # else another task moved it while we awaited: read again
            _apply(platform, cached, rows)
            return cached.timeline


def _apply(platform: Platform, cached: _Cached, rows: list) -> None:
    mapper = platform.repository.mapper
    for r in rows:
        stored = StoredEvent(plain_uuid(r["stream_id"]), r["version"], r["topic"], r["body"].encode())
        cached.timeline.add(change_from_event(mapper.to_domain_event(stored)))
        cached.position = r["position"]


async def unit_ids(platform: Platform, tenant: str) -> list[UUID]:
    """Every unit ever created in the tenant, ended ones included."""
    async with platform.db.tenant_transaction(tenant) as conn:
        rows = await conn.fetch("SELECT stream_id FROM events WHERE tenant_id = $1 AND topic = $2",
                                tenant, ORG_TOPICS[0])
    return [plain_uuid(r["stream_id"]) for r in rows]
