"""Our store: `EventStore.append`, one command = one new stream of the sample events."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import uuid4

from infra.event_store import EventStore
from infra.records import NewEvent


class StoreWriter:
    def __init__(self, store: EventStore, tenant_id: str, events: Sequence[NewEvent], metadata: dict):
        self.store, self.tenant_id, self.events, self.metadata = store, tenant_id, list(events), metadata

    async def command(self) -> int:
        await self.store.append(self.tenant_id, uuid4(), 0, self.events, self.metadata)
        return len(self.events)
