"""Deferred writes for row-per-event projections: a connection stand-in for handlers.

`execute` waits; a run of the same statement goes out as one `executemany` (one round trip
for the run) when a different statement comes, before any read, and at the end of the batch.
Order is kept, so handlers read what earlier events wrote. A failing deferred write is
reported at the event that flushed it (or the batch's last event), not the one that queued it.
"""

from __future__ import annotations

from typing import Any

import asyncpg


class Writes:
    def __init__(self, conn: asyncpg.Connection):
        self.conn = conn
        self._sql: str | None = None
        self._rows: list[tuple] = []

    async def execute(self, sql: str, *args: Any) -> None:
        if sql != self._sql:
            await self.flush()
            self._sql = sql
        self._rows.append(args)

    async def executemany(self, sql: str, rows: list[tuple]) -> None:
        await self.flush()
        await self.conn.executemany(sql, rows)

    async def fetch(self, sql: str, *args: Any) -> list[asyncpg.Record]:
        await self.flush()
        return await self.conn.fetch(sql, *args)

    async def fetchrow(self, sql: str, *args: Any) -> asyncpg.Record | None:
        await self.flush()
        return await self.conn.fetchrow(sql, *args)

    async def fetchval(self, sql: str, *args: Any) -> Any:
        await self.flush()
        return await self.conn.fetchval(sql, *args)

    async def flush(self) -> None:
        if self._rows:
            sql, rows, self._sql, self._rows = self._sql, self._rows, None, []
            await self.conn.executemany(sql, rows)


class DeferredWrites:
    """Mixin for a Projection whose handlers write through `Writes`."""

    async def begin(self, conn: asyncpg.Connection, tenant_id: str, events: Any) -> Writes:
        return Writes(conn)

    async def finish(self, target: Writes) -> None:
        await target.flush()
