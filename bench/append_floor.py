"""The floor: the same rows as the store writes, by plain INSERTs into the store's own table.

The rows go into `events` itself — same columns, keys, indexes and size (in a full run it
already holds the generated country, and a fresh table's small indexes would flatter the
floor) — under tenants of their own, but with no function, no tenant lock, no hash chain
and no row-level security: one autocommit INSERT (multi-row VALUES) per command.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from uuid import uuid4

import asyncpg

from infra.records import NewEvent

TABLE = "events"
_HASH = bytes(32)


def _insert_sql(n: int) -> str:
    rows = ", ".join(
        "(" + ", ".join(f"${i * 8 + k}" for k in range(1, 9)) + ", now(), $" + str(n * 8 + 1) + ")"
        for i in range(n)
    )
    return (f"INSERT INTO {TABLE} (tenant_id, position, stream_id, version, topic, class_version,"
            f" body, metadata, recorded_at, hash) VALUES {rows}")


class FloorWriter:
    """One tenant's writer; positions come from a local counter (one writer per tenant)."""

    def __init__(self, pool: asyncpg.Pool, tenant_id: str, events: Sequence[NewEvent], metadata: dict):
        self.pool, self.tenant_id, self.events = pool, tenant_id, list(events)
        self.metadata = json.dumps(metadata)
        self.sql = _insert_sql(len(self.events))
        self.position = 0

    async def command(self) -> int:
        stream = uuid4()
        args: list[object] = []
        for version, event in enumerate(self.events, start=1):
            self.position += 1
            args += [self.tenant_id, self.position, stream, version, event.topic,
                     event.class_version, event.body, self.metadata]
        await self.pool.execute(self.sql, *args, _HASH)
        return len(self.events)
