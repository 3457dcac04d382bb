"""`EventRecord`: one event of a tenant's log, for auditors (history access)."""

from __future__ import annotations

import json
from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from infra.event_store import RecordedEvent


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

    @classmethod
    def from_row(cls, e: RecordedEvent) -> EventRecord:
        return cls(position=e.position, stream_id=strawberry.ID(str(e.stream_id)), version=e.version,
                   topic=e.topic, class_version=e.class_version, body=json.loads(e.body),
                   metadata=e.metadata, recorded_at=e.recorded_at, hash=e.hash.hex())
