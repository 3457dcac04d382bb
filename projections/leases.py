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

    async def acquire_many(self, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
        """`acquire` for many (projection, tenant) pairs in one round trip; the pairs held."""
        wanted = [k for k in keys if k not in self.held]
        if wanted:
            async with self._lock:
                got = await self._conn.fetch(
                    "SELECT p, t FROM unnest($1::text[], $2::text[]) AS k(p, t)"
                    " WHERE pg_try_advisory_lock(hashtextextended(p || '/' || t, 0))",
                    [p for p, _ in wanted], [t for _, t in wanted])
            self.held.update((r["p"], r["t"]) for r in got)
        return {k for k in keys if k in self.held}
