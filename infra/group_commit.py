"""Group commit: appends that arrive while earlier ones are in flight go to PostgreSQL together.

One call of `thidua_append_units` (migration 0006) carries every waiting append: one round
trip, one transaction, one WAL flush for many commands. Each append is a unit — the streams
of one command, of one tenant — that the function checks and writes on its own, so one
command's conflict never touches another's events. At most `max_in_flight` calls run at
once: an append that finds a free slot is sent at once (no added delay when the store is
quiet); under load the waiting ones ride the next calls together.

Measured (16 tenants at once, 1 event per command, 2 cores): one call at a time left the
client and the server idle in turn; two calls of ~8 units each ran ~1.5x faster than four
of ~4, the per-call cost (a commit, a WAL flush) dominating small calls.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

import asyncpg

from infra.database import Database
from infra.records import StreamAppend

MAX_UNITS = 256
"""Units per call, to bound one transaction's size and its head locks' hold time."""

_CALL = "SELECT * FROM thidua_append_units($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"


@dataclass(frozen=True)
class AppendUnit:
    tenant_id: str
    streams: Sequence[StreamAppend]
    metadata: str
    """JSON text, stored with every event of the unit."""
    idempotency_key: str | None


class GroupCommit:
    def __init__(self, db: Database, max_in_flight: int, max_units: int = MAX_UNITS):
        self.db, self.max_in_flight, self.max_units = db, max_in_flight, max_units
        self._waiting: list[tuple[AppendUnit, asyncio.Future[asyncpg.Record]]] = []
        self._calls: set[asyncio.Task[None]] = set()
        self._start_pending = False

    async def submit(self, unit: AppendUnit) -> asyncpg.Record:
        """The unit's row of `thidua_append_units` once its transaction has committed."""
        future = asyncio.get_running_loop().create_future()
        self._waiting.append((unit, future))
        self._schedule_start()
        return await future

    async def aclose(self) -> None:
        """Wait for the calls in flight and for the appends still waiting to be sent."""
        while self._calls or self._start_pending:
            if self._calls:
                await asyncio.gather(*self._calls, return_exceptions=True)
            else:
                await asyncio.sleep(0)  # let the scheduled start run

    def _schedule_start(self) -> None:
        # Start calls on the next turn of the event loop, not at once: the appends of every
        # coroutine woken in this turn (e.g. by the commit of the previous call) then go
        # together instead of the first one leaving alone.
        if not self._start_pending:
            self._start_pending = True
            asyncio.get_running_loop().call_soon(self._start_calls)

    def _start_calls(self) -> None:
        self._start_pending = False
        # An append whose caller gave up (cancelled) before it was sent is not written.
        self._waiting = [item for item in self._waiting if not item[1].done()]
        free = self.max_in_flight - len(self._calls)
        # Share the waiting units among the free slots: calls in flight side by side keep
        # the client and the server busy at once, where one big call would leave one idle.
        size = min(self.max_units, -(-len(self._waiting) // max(free, 1)))
        while self._waiting and len(self._calls) < self.max_in_flight:
            batch, self._waiting = self._waiting[:size], self._waiting[size:]
            # In the scheduling caller's context: a lone append's query span is its child.
            task = asyncio.get_running_loop().create_task(self._call(batch), name="thidua-group-commit")
            self._calls.add(task)
            task.add_done_callback(self._call_done)

    def _call_done(self, task: asyncio.Task[None]) -> None:
        self._calls.discard(task)
        if self._waiting:
            self._schedule_start()

    async def _call(self, batch: list[tuple[AppendUnit, asyncio.Future[asyncpg.Record]]]) -> None:
        try:
            rows = await self._send([unit for unit, _ in batch])
        except asyncpg.PostgresError as exc:
            # The server refused the whole call (nothing of it committed). Send each unit on
            # its own so that only the unit at fault gets the error.
            if len(batch) == 1:
                _settle(batch[0][1], exc)
            else:
                for item in batch:
                    await self._call([item])
            return
        except BaseException as exc:  # connection lost, cancelled: each caller learns it
            for _, future in batch:
                _settle(future, exc)
            if not isinstance(exc, Exception):
                raise
            return
        for (_, future), row in zip(batch, rows):
            _settle(future, row)

    async def _send(self, units: list[AppendUnit]) -> list[asyncpg.Record]:
        """One call; rows in the order of `units`."""
        order = sorted(range(len(units)), key=lambda i: units[i].tenant_id)  # stable
        args = _arrays([units[i] for i in order])
        async with self.db.stateless_connection() as conn:
            rows = await conn.fetch(_CALL, *args)
        by_unit: list[asyncpg.Record] = [None] * len(units)  # type: ignore[list-item]
        for row in rows:
            by_unit[order[row["unit"] - 1]] = row
        return by_unit


def _arrays(units: Sequence[AppendUnit]) -> tuple[list, ...]:
    tenants, metadata, keys = [], [], []
    stream_units, streams, expected, counts = [], [], [], []
    topics, class_versions, bodies = [], [], []
    for number, unit in enumerate(units, start=1):
        tenants.append(unit.tenant_id)
        metadata.append(unit.metadata)
        keys.append(unit.idempotency_key)
        for stream in unit.streams:
            stream_units.append(number)
            streams.append(stream.stream_id)
            expected.append(stream.expected_version)
            counts.append(len(stream.events))
            for event in stream.events:
                topics.append(event.topic)
                class_versions.append(event.class_version)
                bodies.append(event.body)
    return (tenants, metadata, keys, stream_units, streams, expected, counts,
            topics, class_versions, bodies)


def _settle(future: asyncio.Future, outcome: object) -> None:
    """Resolve unless the caller has given up (cancelled) already."""
    if future.done():
        return
    if isinstance(outcome, asyncio.CancelledError):
        future.cancel()
    elif isinstance(outcome, BaseException):
        future.set_exception(outcome)
    else:
        future.set_result(outcome)
