"""The tenant-ordered event store on asyncpg.

Each tenant has one log with gap-free positions in commit order (the tenant's head row is
locked by every append), and a hash chain over it. See migrations/0001_event_store.sql.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import asyncpg

from infra.append_notifier import AppendNotifier
from infra.database import Database, validate_tenant_id
from infra.errors import ConcurrencyError
from infra.group_commit import AppendUnit, GroupCommit
from infra.hash_chain import GENESIS_HASH
from infra.records import EVENT_COLUMNS, AppendResult, NewEvent, RecordedEvent, StreamAppend, recorded_event
from infra.settings import DatabaseSettings
from infra.telemetry import observe_append


@dataclass(frozen=True)
class Head:
    position: int
    hash: bytes


class EventStore:
    def __init__(self, db: Database, append_calls: int = DatabaseSettings.append_calls):
        self.db = db
        self.group_commit = GroupCommit(db, append_calls)
        self.notifier = AppendNotifier(db)

    async def aclose(self) -> None:
        """Finish the appends in flight and send their notifications; call before closing
        the database."""
        await self.group_commit.aclose()
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
        """Append to one stream in one transaction; see `append_streams`."""
        return await self.append_streams(
            tenant_id, [StreamAppend(stream_id, expected_version, events)], metadata, idempotency_key)

    async def append_streams(
        self,
        tenant_id: str,
        appends: Sequence[StreamAppend],
        metadata: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> AppendResult:
        """Append to several streams of one tenant atomically: all or nothing.

        Concurrent appends share transactions (infra/group_commit.py), never outcomes;
        listeners are notified after the commit, coalesced (infra/append_notifier.py)."""
        _check(appends)
        meta = dict(metadata or {})
        if idempotency_key is not None:
            meta["idempotency_key"] = idempotency_key
        topics = [e.topic for append in appends for e in append.events]
        # The span fills meta's trace_id/span_id (unless given) before it is written.
        with observe_append(tenant_id, appends[0].stream_id, topics, meta) as observed:
            unit = AppendUnit(validate_tenant_id(tenant_id), appends,
                              json.dumps(meta, ensure_ascii=False, default=str), idempotency_key)
            result = _result(await self.group_commit.submit(unit), appends)
            observed.recorded(result.first_position, result.last_position, result.replayed)
        if not result.replayed:
            self.notifier.committed(tenant_id, result.last_position)
        return result

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
                f"SELECT {EVENT_COLUMNS} FROM events WHERE tenant_id = $1 AND stream_id = $2"
                " AND version > $3 AND ($4::int IS NULL OR version <= $4)"
                " AND ($5::timestamptz IS NULL OR recorded_at <= $5) ORDER BY version",
                tenant_id, stream_id, after_version, to_version, as_of,
            )
        return [recorded_event(row) for row in rows]

    async def head(self, tenant_id: str) -> Head:
        async with self.db.tenant_transaction(tenant_id) as conn:
            row = await conn.fetchrow(
                "SELECT position, hash FROM tenant_heads WHERE tenant_id = $1", tenant_id
            )
        return Head(row["position"], bytes(row["hash"])) if row else Head(0, GENESIS_HASH)


def _check(appends: Sequence[StreamAppend]) -> None:
    if not appends or not all(a.events for a in appends):
        raise ValueError("an append needs at least one event in every stream")
    if len({a.stream_id for a in appends}) != len(appends):
        raise ValueError("append each stream once per call")


def _result(row: asyncpg.Record, appends: Sequence[StreamAppend]) -> AppendResult:
    if row["outcome"] == "conflict":
        stream = row["conflict_stream"]
        expected = next(a.expected_version for a in appends if a.stream_id == stream)
        raise ConcurrencyError(stream, expected, row["current_version"])
    return AppendResult(row["first_position"], row["last_position"], row["first_version"],
                        row["recorded_at"], row["outcome"] == "replayed")
