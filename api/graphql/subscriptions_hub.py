"""Live reads: one listener per process fans the store's notifications out to subscribers.

A subscriber watches a key (for the rollup: plan, node, day, reader's scope, relations). The
hub keeps one dedicated connection LISTENing on the store's channel (`infra/append_notifier`
sends "<tenant>:<position>" after each commit). On a notification it waits until the rollup
projection counts those positions (`wait_until_counted`: the same wait as `after:`), then
reads each watched key once, however many subscribers share it, and hands the answer to
them; a subscriber passes it on only when its figures differ from the last it sent. A slow
subscriber keeps only the latest answer (coalesced), so it cannot hold the others back.

No timer or poll per subscriber: the work per notification is one wait and one read per key.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from contextlib import asynccontextmanager, suppress
from typing import Any

import asyncpg

from infra.database import Database
from projections.engine.runner import CHANNEL
from projections.rollup.freshness import wait_until_counted

log = logging.getLogger(__name__)

CATCH_UP_WAIT_S = 2.0
"""How long one round waits for the projection; a longer lag pushes what is counted so far
and the round is tried again (RETRY_S later) until the positions are counted."""
RETRY_S = 0.5
RECONNECT_S = 1.0
READS_AT_ONCE = 4
"""Keys read at once after a notification (each read takes a pooled connection)."""

Read = Callable[[Any], Awaitable[dict[str, Any]]]
Fingerprint = Callable[[dict[str, Any]], object]


class Watcher:
    """One subscriber's view: the latest answer not yet sent, and what it sent last."""

    def __init__(self, fingerprint: Fingerprint):
        self._fingerprint = fingerprint
        self._latest: dict[str, Any] | None = None
        self._sent: object = None
        self._ready = asyncio.Event()

    def sent(self, row: dict[str, Any]) -> None:
        """The answer the subscriber already has (its first read)."""
        self._sent = self._fingerprint(row)

    def offer(self, row: dict[str, Any]) -> None:
        self._latest = row
        self._ready.set()

    async def changed(self) -> dict[str, Any]:
        """The next answer whose figures differ from the last one sent."""
        while True:
            await self._ready.wait()
            self._ready.clear()
            row, self._latest = self._latest, None
            if row is None:
                continue
            figures = self._fingerprint(row)
            if figures != self._sent:
                self._sent = figures
                return row


class LiveReads:
    """Started lazily by the first subscriber; `aclose` with the app."""

    def __init__(self, db: Database, read: Read, fingerprint: Fingerprint, listen_url: str | None = None):
        self.db, self._read, self._fingerprint = db, read, fingerprint
        self._listen_url = listen_url or db.admin_url
        self._watchers: dict[Hashable, set[Watcher]] = {}
        self._pending: dict[str, int] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.rounds = 0
        """Rounds of reads done (tests and the benchmark read it)."""

    @property
    def subscribers(self) -> int:
        return sum(len(w) for w in self._watchers.values())

    @asynccontextmanager
    async def watch(self, key: Hashable) -> AsyncIterator[Watcher]:
        """Register before the first read, so no change between the two is missed."""
        watcher = Watcher(self._fingerprint)
        self._watchers.setdefault(key, set()).add(watcher)
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run(), name="thidua-live-reads")
        try:
            yield watcher
        finally:
            watchers = self._watchers.get(key)
            if watchers is not None:
                watchers.discard(watcher)
                if not watchers:
                    del self._watchers[key]

    async def aclose(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    def _on_notify(self, _conn: object, _pid: int, _channel: str, payload: str) -> None:
        tenant, _, position = payload.rpartition(":")
        if tenant and position.isdigit():
            self._pending[tenant] = max(self._pending.get(tenant, 0), int(position))
            self._wake.set()

    async def _run(self) -> None:
        while True:
            try:
                conn = await asyncpg.connect(self._listen_url)
            except (OSError, asyncpg.PostgresError) as exc:
                log.warning("live reads cannot listen (retrying): %s", exc)
                await asyncio.sleep(RECONNECT_S)
                continue
            lost = asyncio.Event()
            conn.add_termination_listener(lambda _conn: lost.set())
            try:
                await conn.add_listener(CHANNEL, self._on_notify)
                self._wake.set()  # anything committed while not listening: read once now
                await self._rounds(lost)
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
                log.warning("live reads lost the database (reconnecting): %s", exc)
            finally:
                with suppress(Exception):
                    await conn.close()
            await asyncio.sleep(RECONNECT_S)

    async def _rounds(self, lost: asyncio.Event) -> None:
        while not lost.is_set():
            woken = asyncio.ensure_future(self._wake.wait())
            closed = asyncio.ensure_future(lost.wait())
            try:
                await asyncio.wait({woken, closed}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                woken.cancel()
                closed.cancel()
            if lost.is_set():
                return
            self._wake.clear()
            await self._round()

    async def _round(self) -> None:
        target, self._pending = self._pending, {}
        if not self._watchers:
            return
        counted = await wait_until_counted(self.db, target, CATCH_UP_WAIT_S)
        if not counted:  # the projection lags: push what it counts now, and come back
            for tenant, position in target.items():
                self._pending[tenant] = max(self._pending.get(tenant, 0), position)
            asyncio.get_running_loop().call_later(RETRY_S, self._wake.set)
        await self._refresh()
        self.rounds += 1

    async def _refresh(self) -> None:
        gate = asyncio.Semaphore(READS_AT_ONCE)

        async def one(key: Hashable) -> None:
            async with gate:
                try:
                    row = await self._read(key)
                except Exception as exc:  # one key's failure (plan gone, database away) spares the others
                    log.warning("live read of %r failed: %s", key, exc)
                    return
            for watcher in list(self._watchers.get(key, ())):
                watcher.offer(row)

        await asyncio.gather(*(one(key) for key in list(self._watchers)))
