"""Appends aggregates' pending events through the store in multi-stream batches.

Each batch is one `EventStore.append_streams` call: one transaction, one tenant."""

from __future__ import annotations

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import Mapper

from infra.event_store import EventStore
from infra.records import StreamAppend
from infra.repository import pending_append

METADATA = {"actor": "bench-generator"}


class StreamWriter:
    def __init__(self, store: EventStore, tenant_id: str, mapper: Mapper, batch_streams: int = 250):
        self.store, self.tenant_id, self.mapper = store, tenant_id, mapper
        self.batch_streams = batch_streams
        self.pending: list[StreamAppend] = []
        self.events = 0

    async def add(self, *aggregates: Aggregate) -> None:
        for aggregate in aggregates:
            append = pending_append(aggregate, self.mapper)
            self.pending.append(append)
            self.events += len(append.events)
        if len(self.pending) >= self.batch_streams:
            await self.flush()

    async def flush(self) -> None:
        if self.pending:
            batch, self.pending = self.pending, []
            await self.store.append_streams(self.tenant_id, batch, METADATA)
