"""Loads and saves eventsourcing aggregates through our asyncpg event store."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, Snapshot
from eventsourcing.persistence import Mapper, StoredEvent

from infra.database import Database
from infra.errors import NotFoundError
from infra.event_store import EventStore
from infra.records import AppendResult, NewEvent, RecordedEvent, StreamAppend
from infra.serialization import create_mapper


def plain_uuid(value: UUID) -> UUID:
    """asyncpg returns its own UUID subclass, which the JSON transcoder does not know; an
    aggregate's id ends up in later events (a parent id, a successor id), so make it plain."""
    return value if type(value) is UUID else UUID(bytes=value.bytes)


def pending_append(aggregate: Aggregate, mapper: Mapper) -> StreamAppend | None:
    """The aggregate's pending events as one stream append, or None when it has none. Collects
    them: they are no longer pending afterwards."""
    events = aggregate.collect_events()
    if not events:
        return None
    stored = [mapper.to_stored_event(e) for e in events]
    new = [NewEvent(s.topic, s.state.decode(), getattr(type(e), "class_version", 1))
           for s, e in zip(stored, events)]
    return StreamAppend(aggregate.id, events[0].originator_version - 1, new)


class AggregateRepository:
    """Async repository with optimistic concurrency and optional snapshots.

    `snapshot_every=N` stores a snapshot whenever a save brings a stream to a multiple of N;
    loading then starts from the newest snapshot at or below the version asked for.
    """

    def __init__(self, store: EventStore, mapper: Mapper | None = None, snapshot_every: int = 0):
        self.store = store
        self.db: Database = store.db
        self.mapper = mapper or create_mapper()
        self.snapshot_every = snapshot_every

    async def get(
        self,
        tenant_id: str,
        aggregate_id: UUID,
        *,
        version: int | None = None,
        as_of: datetime | None = None,
    ) -> Aggregate:
        """The aggregate now, at `version`, or as the store knew it at `as_of`."""
        snapshot = None if as_of else await self._snapshot(tenant_id, aggregate_id, version)
        aggregate = snapshot.mutate(None) if snapshot else None
        after = aggregate.version if aggregate else 0
        records = await self.store.read_stream(
            tenant_id, aggregate_id, after_version=after, to_version=version, as_of=as_of
        )
        for record in records:
            aggregate = self.to_domain_event(record).mutate(aggregate)
        if aggregate is None:
            raise NotFoundError(f"{aggregate_id} not found")
        return aggregate

    async def save(
        self,
        tenant_id: str,
        *aggregates: Aggregate,
        metadata: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> AppendResult:
        """Append every pending event of the aggregates in one transaction."""
        appends = [a for a in (pending_append(agg, self.mapper) for agg in aggregates) if a is not None]
        if not appends:
            raise ValueError("nothing to save: the aggregates have no pending events")
        result = await self.store.append_streams(tenant_id, appends, metadata, idempotency_key)
        if not result.replayed:
            await self._maybe_snapshot(tenant_id, aggregates)
        return result

    def to_domain_event(self, record: RecordedEvent) -> Any:
        stored = StoredEvent(plain_uuid(record.stream_id), record.version, record.topic, record.body.encode())
        return self.mapper.to_domain_event(stored)

    async def _snapshot(self, tenant_id: str, aggregate_id: UUID, version: int | None) -> Any:
        async with self.db.tenant_transaction(tenant_id) as conn:
            row = await conn.fetchrow(
                "SELECT version, topic, body FROM snapshots WHERE tenant_id = $1 AND stream_id = $2"
                " AND ($3::int IS NULL OR version <= $3) ORDER BY version DESC LIMIT 1",
                tenant_id, aggregate_id, version,
            )
        if row is None:
            return None
        stored = StoredEvent(plain_uuid(aggregate_id), row["version"], row["topic"], row["body"].encode())
        return self.mapper.to_domain_event(stored)

    async def _maybe_snapshot(self, tenant_id: str, aggregates: tuple[Aggregate, ...]) -> None:
        due = [a for a in aggregates if self.snapshot_every and a.version % self.snapshot_every == 0]
        for aggregate in due:
            stored = self.mapper.to_stored_event(Snapshot.take(aggregate))
            async with self.db.tenant_transaction(tenant_id) as conn:
                await conn.execute(
                    "INSERT INTO snapshots (tenant_id, stream_id, version, topic, body)"
                    " VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
                    tenant_id, aggregate.id, aggregate.version, stored.topic, stored.state.decode(),
                )
