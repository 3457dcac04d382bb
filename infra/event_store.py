"""The tenant-ordered event store on asyncpg.

Each tenant has one log with gap-free positions in commit order (the tenant's head row is
locked by every append), and a hash chain over it. See migrations/0001_event_store.sql.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from infra.append_notifier import AppendNotifier
from infra.database import Database, validate_tenant_id
from infra.errors import ConcurrencyError
from infra.telemetry import observe_append

CONFLICT_SQLSTATE = "TD409"
GENESIS_HASH = bytes(32)


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
class RecordedEvent:
    tenant_id: str
    position: int
    stream_id: UUID
    version: int
    topic: str
    class_version: int
    body: str
    metadata: dict[str, Any]
    recorded_at: datetime
    hash: bytes


@dataclass(frozen=True)
class AppendResult:
    first_position: int
    last_position: int
    version: int
    """The stream's version after the append (of the last stream, for several)."""
    recorded_at: datetime
    replayed: bool
    """True when the idempotency key had been seen: nothing was written this time."""


@dataclass(frozen=True)
class Head:
    position: int
    hash: bytes


_COLUMNS = "tenant_id, position, stream_id, version, topic, class_version, body, metadata, recorded_at, hash"


class EventStore:
    def __init__(self, db: Database):
        self.db = db
        self.notifier = AppendNotifier(db)

    async def aclose(self) -> None:
        """Send the pending notifications; call before closing the database."""
        await self.notifier.aclose()

    async def append(
        self,
        tenant_id: str,
        stream_id: UUID,
        expected_version: int,
        events: Sequence[NewEvent],
        metadata: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> AppendResult:
        """Append to one stream in one transaction (one round trip); listeners are notified
        after the commit, coalesced (infra/append_notifier.py)."""
        append = StreamAppend(stream_id, expected_version, events)
        async with self.db.stateless_connection() as conn:
            result = await _append(conn, tenant_id, append, metadata, idempotency_key)
        self._notify(tenant_id, result)
        return result

    async def append_streams(
        self,
        tenant_id: str,
        appends: Sequence[StreamAppend],
        metadata: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> AppendResult:
        """Append to several streams of one tenant atomically: all or nothing."""
        async with self.db.stateless_connection() as conn:
            async with conn.transaction():
                result = await _append(conn, tenant_id, appends[0], metadata, idempotency_key)
                for append in appends[1:] if not result.replayed else ():
                    result = await _append(conn, tenant_id, append, metadata, None)
        self._notify(tenant_id, result)
        return result

    def _notify(self, tenant_id: str, result: AppendResult) -> None:
        if not result.replayed:
            self.notifier.committed(tenant_id, result.last_position)

    async def read_stream(
        self,
        tenant_id: str,
        stream_id: UUID,
        *,
        after_version: int = 0,
        to_version: int | None = None,
        as_of: datetime | None = None,
    ) -> list[RecordedEvent]:
        async with self.db.tenant_transaction(tenant_id) as conn:
            rows = await conn.fetch(
                f"SELECT {_COLUMNS} FROM events WHERE tenant_id = $1 AND stream_id = $2"
                " AND version > $3 AND ($4::int IS NULL OR version <= $4)"
                " AND ($5::timestamptz IS NULL OR recorded_at <= $5) ORDER BY version",
                tenant_id, stream_id, after_version, to_version, as_of,
            )
        return [_recorded(row) for row in rows]

    async def read_log(self, tenant_id: str, after: int = 0, limit: int = 1000) -> list[RecordedEvent]:
        """The tenant's events with position > `after`, in position order."""
        async with self.db.tenant_transaction(tenant_id) as conn:
            rows = await conn.fetch(
                f"SELECT {_COLUMNS} FROM events WHERE tenant_id = $1 AND position > $2"
                " ORDER BY position LIMIT $3",
                tenant_id, after, limit,
            )
        return [_recorded(row) for row in rows]

    async def iter_log(
        self, tenant_id: str, after: int = 0, batch_size: int = 1000
    ) -> AsyncIterator[list[RecordedEvent]]:
        while batch := await self.read_log(tenant_id, after, batch_size):
            yield batch
            after = batch[-1].position

    async def head(self, tenant_id: str) -> Head:
        async with self.db.tenant_transaction(tenant_id) as conn:
            row = await conn.fetchrow(
                "SELECT position, hash FROM tenant_heads WHERE tenant_id = $1", tenant_id
            )
        return Head(row["position"], bytes(row["hash"])) if row else Head(0, GENESIS_HASH)


async def _append(
    conn: asyncpg.Connection,
    tenant_id: str,
    append: StreamAppend,
    metadata: Mapping[str, Any] | None,
    idempotency_key: str | None,
) -> AppendResult:
    if not append.events:
        raise ValueError("an append needs at least one event")
    meta = dict(metadata or {})
    if idempotency_key is not None:
        meta["idempotency_key"] = idempotency_key
    topics = [e.topic for e in append.events]
    # The span fills meta's trace_id/span_id (unless given) before it is written.
    with observe_append(tenant_id, append.stream_id, topics, meta) as observed:
        result = await _call_append(conn, tenant_id, append, meta, idempotency_key)
        observed.recorded(result.first_position, result.last_position, result.replayed)
    return result


async def _call_append(
    conn: asyncpg.Connection,
    tenant_id: str,
    append: StreamAppend,
    meta: dict[str, Any],
    idempotency_key: str | None,
) -> AppendResult:
    try:
        row = await conn.fetchrow(
            "SELECT * FROM thidua_append($1, $2, $3, $4, $5, $6, $7, $8)",
            validate_tenant_id(tenant_id),
            append.stream_id,
            append.expected_version,
            [e.topic for e in append.events],
            [e.class_version for e in append.events],
            [e.body for e in append.events],
            json.dumps(meta, ensure_ascii=False, default=str),
            idempotency_key,
        )
    except asyncpg.PostgresError as exc:
        if exc.sqlstate == CONFLICT_SQLSTATE:
            raise ConcurrencyError(
                append.stream_id, append.expected_version, int(exc.detail)
            ) from None
        raise
    return AppendResult(
        row["first_position"], row["last_position"], row["last_version"],
        row["recorded_at"], row["replayed"],
    )


def _recorded(row: asyncpg.Record) -> RecordedEvent:
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
