"""Coalesced NOTIFY after commit: one statement tells listeners about many appends.

Sending `pg_notify` after every append cost a second round trip per append (and one pass
through the server's notification-queue lock per commit). Instead the store reports each
committed append here; one background task sends, per flush, a single statement carrying
the highest committed position of every tenant that appended since the last flush.

Guarantee: every committed append is followed, within about one round trip, by a
notification on `thidua_events` ("<tenant>:<position>") and `thidua_events.<tenant>`
("<position>") with a position >= the append's last position. Several appends of one tenant
may share one notification. A flush that fails is logged and dropped: listeners also poll
the tenant heads (projections/engine/runner.py), so a lost notification only delays them.
"""

from __future__ import annotations

import asyncio
import logging

import asyncpg

from infra.database import Database

log = logging.getLogger(__name__)

_NOTIFY = (
    "SELECT pg_notify('thidua_events', t || ':' || p), pg_notify('thidua_events.' || t, p::text)"
    " FROM unnest($1::text[], $2::bigint[]) AS u(t, p)"
)


class AppendNotifier:
    def __init__(self, db: Database):
        self.db = db
        self._pending: dict[str, int] = {}
        self._task: asyncio.Task[None] | None = None

    def committed(self, tenant_id: str, position: int) -> None:
        """Record a committed append; a flush is started unless one is already running
        (which then picks this up in its next pass)."""
        if position > self._pending.get(tenant_id, 0):
            self._pending[tenant_id] = position
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._flush(), name="thidua-append-notifier")

    async def _flush(self) -> None:
        # No await between the emptiness check and returning, so a `committed` call can
        # never see this task still running after it has decided to stop.
        while self._pending:
            pending, self._pending = self._pending, {}
            try:
                async with self.db.stateless_connection() as conn:
                    await conn.execute(_NOTIFY, list(pending), list(pending.values()))
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                log.warning("append notification for %d tenant(s) dropped (listeners poll): %s",
                            len(pending), exc)

    async def flushed(self) -> None:
        """Until every append reported so far has been notified (or its flush dropped)."""
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)

    async def aclose(self) -> None:
        """Send what is pending; call before closing the pool."""
        await self.flushed()
