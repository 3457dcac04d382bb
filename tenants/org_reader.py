"""Build a tenant's OrgTimeline from the store's events (not from projections: those lag).

Org units are few per tenant, so every OrgUnit event of the tenant is read in one query
through the events table's (tenant_id, topic, position) index.
"""

from __future__ import annotations

from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import get_topic

from domain.organisation import OrgTimeline, OrgUnit, change_from_event
from infra.platform import Platform
from infra.repository import plain_uuid

ORG_TOPICS = [get_topic(getattr(OrgUnit, name))
              for name in ("Created", "Renamed", "Moved", "Merged", "Split", "Dissolved")]


async def load_timeline(platform: Platform, tenant: str) -> OrgTimeline:
    """The tenant's org tree over time, as the store holds it now."""
    async with platform.db.tenant_transaction(tenant) as conn:
        rows = await conn.fetch(
            "SELECT stream_id, version, topic, body FROM events"
            " WHERE tenant_id = $1 AND topic = ANY($2::text[]) ORDER BY position",
            tenant, ORG_TOPICS)
    mapper = platform.repository.mapper
    events = [mapper.to_domain_event(StoredEvent(plain_uuid(r["stream_id"]), r["version"], r["topic"], r["body"].encode()))
              for r in rows]
    return OrgTimeline(change_from_event(e) for e in events)


async def unit_ids(platform: Platform, tenant: str) -> list[UUID]:
    """Every unit ever created in the tenant, ended ones included."""
    async with platform.db.tenant_transaction(tenant) as conn:
        rows = await conn.fetch("SELECT stream_id FROM events WHERE tenant_id = $1 AND topic = $2",
                                tenant, ORG_TOPICS[0])
    return [plain_uuid(r["stream_id"]) for r in rows]
