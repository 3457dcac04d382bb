"""Leases: a session advisory lock per (projection, tenant) on the runner's own connection.

The lock dies with the session, so when a runner process dies another one takes over.
Correctness does not rest on it (the checkpoint row lock does); it keeps runners from
doing the same work twice.
"""

from __future__ import annotations

import asyncio

import asyncpg

_KEY = "SELECT hashtextextended($1 || '/' || $2, 0)"


class Leases:
    def __init__(self, conn: asyncpg.Connection, lock: asyncio.Lock):
        self._conn, self._lock = conn, lock
        self.held: set[tuple[str, str]] = set()

    async def acquire(self, projection: str, tenant_id: str) -> bool:
        if (projection, tenant_id) in self.held:
            return True
        async with self._lock:
            got = await self._conn.fetchval(
                f"SELECT pg_try_advisory_lock(({_KEY}))", projection, tenant_id)
        if got:
            self.held.add((projection, tenant_id))
        return bool(got)
