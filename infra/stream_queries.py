"""Named reads of the store's tables that the application layer needs besides loading one
aggregate: the first result of an idempotency key, which streams exist, many small streams
at once. The SQL on `events` and `idempotency_keys` stays in infra."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import StoredEvent

from infra.repository import AggregateRepository, plain_uuid


@dataclass(frozen=True)
class KeyedResult:
    """What the command that first used an idempotency key wrote: its stream, version, position,
    and the fingerprint of the request it answered (event metadata; None before it was kept)."""

    stream_id: UUID
    version: int
    position: int
    fingerprint: str | None = None


async def keyed_result(repository: AggregateRepository, tenant: str, key: str) -> KeyedResult | None:
    async with repository.db.tenant_transaction(tenant) as conn:
        row = await conn.fetchrow(
            "SELECT k.stream_id, k.last_version, k.last_position, e.metadata->>'request_fingerprint' AS fp"
            " FROM idempotency_keys k LEFT JOIN events e"
            " ON e.tenant_id = k.tenant_id AND e.position = k.last_position"
            " WHERE k.tenant_id = $1 AND k.key = $2", tenant, key)
    if row is None:
        return None
    return KeyedResult(row["stream_id"], row["last_version"], row["last_position"], row["fp"])


async def existing_streams(repository: AggregateRepository, tenant: str, ids: list[UUID]) -> set[UUID]:
    """Which of `ids` have at least one event."""
    if not ids:
        return set()
    async with repository.db.tenant_transaction(tenant) as conn:
        rows = await conn.fetch("SELECT stream_id FROM events WHERE tenant_id = $1 AND version = 1"
                                " AND stream_id = ANY($2::uuid[])", tenant, ids)
    return {plain_uuid(r["stream_id"]) for r in rows}


async def aggregates_among(repository: AggregateRepository, tenant: str, ids: list[UUID]) -> list[Aggregate]:
    """The aggregates among `ids` that exist, in one query (for small deterministic-id sets
    such as one unit's reports or a plan's registrations; no snapshots)."""
    if not ids:
        return []
    async with repository.db.tenant_transaction(tenant) as conn:
        rows = await conn.fetch(
            "SELECT stream_id, version, topic, body FROM events WHERE tenant_id = $1"
            " AND stream_id = ANY($2::uuid[]) ORDER BY stream_id, version", tenant, ids)
    found: dict[UUID, Aggregate] = {}
    for r in rows:
        stored = StoredEvent(plain_uuid(r["stream_id"]), r["version"], r["topic"], r["body"].encode())
        sid = stored.originator_id
        found[sid] = repository.mapper.to_domain_event(stored).mutate(found.get(sid))
    return list(found.values())
