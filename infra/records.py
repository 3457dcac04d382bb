"""The store's record types: what an append takes and answers, and an event as read back.

They live apart from the store so that infra/event_store.py and infra/group_commit.py (which
the store drives) both import them without importing each other. Every reader of whole
event rows selects `EVENT_COLUMNS` and maps them with `recorded_event`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg


@dataclass(frozen=True)
class NewEvent:
    topic: str
    body: str
    """JSON text, as the mapper wrote it."""
    class_version: int = 1


@dataclass(frozen=True)
class StreamAppend:
    stream_id: UUID
    expected_version: int
    events: Sequence[NewEvent]


@dataclass(frozen=True)
class AppendResult:
    first_position: int
    last_position: int
    version: int
    """The version after the append of the first stream (as a replay answers it too)."""
    recorded_at: datetime
    replayed: bool
    """True when the idempotency key had been seen: nothing was written this time."""


@dataclass(frozen=True)
class RecordedEvent:
    tenant_id: str
    position: int
    stream_id: UUID
    version: int
    topic: str
    class_version: int
    body: str
    """JSON text, exactly as stored."""
    metadata: dict[str, Any]
    recorded_at: datetime
    hash: bytes
    """The chain hash at this position."""


EVENT_COLUMNS = "tenant_id, position, stream_id, version, topic, class_version, body, metadata, recorded_at, hash"
"""The `events` columns a `RecordedEvent` is made of, for `SELECT {EVENT_COLUMNS} FROM events`."""


def recorded_event(row: asyncpg.Record) -> RecordedEvent:
    """The event of a row holding `EVENT_COLUMNS` (asyncpg hands jsonb over as text)."""
    return RecordedEvent(
        tenant_id=row["tenant_id"],
        position=row["position"],
        stream_id=row["stream_id"],
        version=row["version"],
        topic=row["topic"],
        class_version=row["class_version"],
        body=row["body"],
        metadata=json.loads(row["metadata"]),
        recorded_at=row["recorded_at"],
        hash=bytes(row["hash"]),
    )
