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
from dataclasses import dataclass
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

Read = Callable[[Any], Awaitable[Any]]
Fingerprint = Callable[[Any], bytes]
Present = Callable[[Any], Any]


@dataclass(frozen=True)
class Answer:
    """One read of a key, as every subscriber of it receives it (the same object for all)."""

    payload: Any
    figures: bytes
    """A digest of what a change is judged on: compared by every subscriber, computed once."""


class Watcher:
    """One subscriber's view: the latest answer not yet sent, and the figures it sent last."""

    def __init__(self) -> None:
        self._latest: Answer | None = None
        self._sent: bytes | None = None
        self._ready = asyncio.Event()

    def sent(self, answer: Answer) -> None:
        """The answer the subscriber already has (its first)."""
        self._sent = answer.figures

    def offer(self, answer: Answer) -> None:
        self._latest = answer
        self._ready.set()

    async def changed(self) -> Any:
        """The next answer whose figures differ from the last one sent."""
        while True:
            await self._ready.wait()
            self._ready.clear()
            answer, self._latest = self._latest, None
            if answer is not None and answer.figures != self._sent:
                self._sent = answer.figures
                return answer.payload


class LiveReads:
    """Started lazily by the first subscriber; `aclose` with the app."""

    def __init__(self, db: Database, read: Read, fingerprint: Fingerprint, present: Present = lambda row: row,
                 listen_url: str | None = None):
        """`read(key)` -> a row; `fingerprint(row)` -> a digest of the figures a change is judged
        on; `present(row)` -> what subscribers receive. Each runs once per read, not per subscriber."""
        self.db, self._read_row, self._fingerprint, self._present = db, read, fingerprint, present
        self._listen_url = listen_url or db.admin_url
        self._watchers: dict[Hashable, set[Watcher]] = {}
        self._pending: dict[str, int] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._current: dict[Hashable, Answer] = {}
        """A key's last answer, while no notification came after the read started."""
        self._reading: dict[Hashable, asyncio.Future[Answer]] = {}
        self._epoch = 0
        """Notifications received so far: a read started at another epoch may be stale."""
        self.rounds = 0
        """Rounds of reads done (tests and the benchmark read it)."""

    @property
    def subscribers(self) -> int:
        return sum(len(w) for w in self._watchers.values())

    @asynccontextmanager
    async def watch(self, key: Hashable) -> AsyncIterator[Watcher]:
        """Register before the first read, so no change between the two is missed."""
        watcher = Watcher()
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
                    self._current.pop(key, None)

    async def current(self, key: Hashable) -> Answer:
        """The key's answer as it stands, for a subscriber's first message. Subscribers that
        start together share one read, and later ones take it until the next notification:
        a thousand dashboards opening at once cost one read, not a thousand."""
        if (row := self._current.get(key)) is not None:
            return row
        flight = self._reading.get(key)
        if flight is None:
            flight = self._reading[key] = asyncio.ensure_future(self._read_current(key))
        return await asyncio.shield(flight)

    async def _read_current(self, key: Hashable) -> Answer:
        epoch = self._epoch
        try:
            answer = await self._read(key)
        finally:
            self._reading.pop(key, None)
        self._keep(key, answer, epoch)
        return answer

    async def _read(self, key: Hashable) -> Answer:
        row = await self._read_row(key)
        return Answer(self._present(row), self._fingerprint(row))

    def _keep(self, key: Hashable, answer: Answer, epoch: int) -> None:
        if epoch == self._epoch and key in self._watchers:
            self._current[key] = answer

    async def aclose(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    def _on_notify(self, _conn: object, _pid: int, _channel: str, payload: str) -> None:
        tenant, _, position = payload.rpartition(":")
        if tenant and position.isdigit():
            self._pending[tenant] = max(self._pending.get(tenant, 0), int(position))
            self._epoch += 1
            self._current.clear()
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

        epoch = self._epoch

        async def one(key: Hashable) -> None:
            async with gate:
                try:
                    answer = await self._read(key)
                except Exception as exc:  # one key's failure (plan gone, database away) spares the others
                    log.warning("live read of %r failed: %s", key, exc)
                    return
            self._keep(key, answer, epoch)
            for watcher in list(self._watchers.get(key, ())):
                watcher.offer(answer)

        await asyncio.gather(*(one(key) for key in list(self._watchers)))
