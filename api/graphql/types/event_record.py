"""`EventRecord`: one event of a tenant's log, for auditors (history access)."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from audit.history_entry import HistoryEntry


@strawberry.type(description="One recorded event, exactly as stored (hash-chained).")
class EventRecord:
    position: int
    stream_id: strawberry.ID
    version: int
    topic: str
    class_version: int
    body: JSON
    metadata: JSON
    recorded_at: datetime
    hash: str
    actor: str | None
    trace_id: str | None
    idempotency_key: str | None

    @classmethod
    def from_entry(cls, e: HistoryEntry) -> EventRecord:
        return cls(position=e.position, stream_id=strawberry.ID(str(e.stream_id)), version=e.version,
                   topic=e.topic, class_version=e.class_version, body=e.body, metadata=e.metadata,
                   recorded_at=e.recorded_at, hash=e.hash, actor=e.actor, trace_id=e.trace_id,
                   idempotency_key=e.idempotency_key)
