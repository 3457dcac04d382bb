"""Leases: a session advisory lock per (projection, tenant) on the runner's own connection.

The lock dies with the session, so when a runner process dies another one takes over.
Correctness does not rest on it (the checkpoint row lock does); it keeps runners from
doing the same work twice. A runner holds a tenant's leases only while it catches that
tenant up, so several runner processes share the tenants between them.
"""

from __future__ import annotations

import asyncio

import asyncpg

_PAIRS = "unnest($1::text[], $2::text[]) AS k(p, t)"
_LOCK_ID = "hashtextextended(p || '/' || t, 0)"

Key = tuple[str, str]  # (projection checkpoint name, tenant)


class Leases:
    def __init__(self, conn: asyncpg.Connection, lock: asyncio.Lock):
        self._conn, self._lock = conn, lock
        self.held: set[Key] = set()

    async def acquire(self, keys: list[Key]) -> set[Key]:
        """Try every pair in one round trip; the pairs held afterwards."""
        wanted = [k for k in keys if k not in self.held]
        if wanted:
            async with self._lock:
                got = await self._conn.fetch(f"SELECT p, t FROM {_PAIRS} WHERE pg_try_advisory_lock({_LOCK_ID})",
                                             [p for p, _ in wanted], [t for _, t in wanted])
            self.held.update((r["p"], r["t"]) for r in got)
        return {k for k in keys if k in self.held}

    async def release(self, keys: list[Key]) -> None:
        held = [k for k in keys if k in self.held]
        if held:
            async with self._lock:
                await self._conn.execute(f"SELECT pg_advisory_unlock({_LOCK_ID}) FROM {_PAIRS}",
                                         [p for p, _ in held], [t for _, t in held])
            self.held.difference_update(held)
