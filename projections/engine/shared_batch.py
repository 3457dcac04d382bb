"""Several projections of one tenant fed by one read of its log.

The events after the lowest of their checkpoints are read and decoded ONCE per batch; then
each projection applies its own share in its own transaction (checkpoint locked, rows and
checkpoint written together), on separate connections at once so Python and PostgreSQL
work overlap. Exactly-once rests, as in `batch.apply_batch`, on the checkpoint row lock.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

import asyncpg

from infra.database import Database, apply_tenant
from projections.engine import checkpoints
from projections.engine.base import Projection, ProjectionError
from projections.engine.batch import _EVENTS, BATCH_SIZE, apply_and_advance, record_error
from projections.engine.event import Event

CONCURRENCY = 3
"""Projections applied at once: enough to keep both cores busy, few pool connections."""

Result = tuple[int, int] | ProjectionError  # (events applied, position reached) or the failure


@dataclass(frozen=True)
class SharedRead:
    start: int  # the lowest checkpoint: every wanted event after it, up to `end`, is here
    end: int  # where every projection's checkpoint goes with this batch
    rows: list[asyncpg.Record]
    events: list[Event]
    full: bool  # the limit was reached: more events may follow
    by_topic: dict[str, list[int]]  # topic -> indexes of its events, in order

    def indexes(self, projection: Projection, after: int) -> list[int]:
        """Indexes of the projection's events after position `after`, in log order."""
        mine = sorted(i for t in projection.handlers for i in self.by_topic.get(t, ()))
        return mine if after <= self.start else [i for i in mine if self.events[i].position > after]

    def count(self, projection: Projection) -> int:
        return sum(len(self.by_topic.get(t, ())) for t in projection.handlers)


async def read_shared(db: Database, projections: Sequence[Projection], tenant_id: str,
                      batch_size: int, after: int | None = None) -> SharedRead:
    """The events after the lowest checkpoint, or after `after` (a read ahead: where the
    batch being applied will leave every checkpoint)."""
    names = [p.checkpoint_name for p in projections]
    topics = sorted({t for p in projections for t in p.handlers})
    async with db.tenant_transaction(tenant_id) as conn:
        # The head first: every event at or below it is committed (see batch.apply_batch_in).
        start, head = await conn.fetchrow(
            "SELECT coalesce($3, (SELECT min(position) FROM projection_checkpoints WHERE tenant_id = $1"
            " AND projection = ANY($2::text[]))), (SELECT position FROM tenant_heads WHERE tenant_id = $1)",
            tenant_id, names, after)
        head = head or 0
        rows = await conn.fetch(_EVENTS, tenant_id, start, head, topics, batch_size)
    events = [Event.from_row(r) for r in rows]
    full = len(rows) == batch_size
    by_topic: dict[str, list[int]] = {}
    for i, event in enumerate(events):
        by_topic.setdefault(event.topic, []).append(i)
    return SharedRead(start, events[-1].position if full else max(head, start), rows, events, full, by_topic)


async def apply_shared(db: Database, projection: Projection, tenant_id: str, read: SharedRead) -> Result:
    async with db.stateless_connection() as conn:  # only SET LOCAL: no reset on release
        try:
            async with conn.transaction():
                await apply_tenant(conn, tenant_id)
                start = (await checkpoints.lock(conn, tenant_id, projection.checkpoint_name))["position"]
                if start >= read.end or start < read.start:  # done elsewhere / moved under us: not ours
                    return 0, start
                mine = read.indexes(projection, start)
                events = [read.events[i] for i in mine]
                await apply_and_advance(conn, projection, tenant_id, events, [read.rows[i] for i in mine],
                                        start, read.end)
                return len(events), read.end
        except ProjectionError as exc:
            await record_error(conn, projection, tenant_id, exc)
            return exc


async def skip_idle(db: Database, idle: Sequence[Projection], tenant_id: str,
                    read: SharedRead) -> dict[Projection, Result]:
    """Projections with no event in this batch: their checkpoints advanced together, in one
    short transaction, instead of one transaction each."""
    if not idle:
        return {}
    async with db.tenant_transaction(tenant_id) as conn:
        reached = await checkpoints.skip_to(conn, tenant_id, [p.checkpoint_name for p in idle],
                                            read.start, read.end)
    return {p: (0, reached[p.checkpoint_name]) for p in idle}


async def batches_together(db: Database, projections: Sequence[Projection], tenant_id: str,
                           batch_size: int = BATCH_SIZE) -> AsyncIterator[dict[Projection, Result]]:
    """Yields each shared batch's result per projection until all reach the head; a
    projection that failed is left out of the following batches."""
    live = list(projections)
    async with db.tenant_transaction(tenant_id) as conn:
        await checkpoints.ensure_all(conn, tenant_id, [p.checkpoint_name for p in live])
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(projection: Projection, read: SharedRead) -> Result:
        async with gate:
            return await apply_shared(db, projection, tenant_id, read)

    read, ahead = await read_shared(db, live, tenant_id, batch_size), None
    try:
        while True:
            # The next batch is read and decoded while this one is applied (Python and
            # PostgreSQL work overlap); it is used only if every projection reached this end.
            ahead = asyncio.ensure_future(read_shared(db, live, tenant_id, batch_size, read.end)) if read.full else None
            # The busiest first: it is the long pole of the batch.
            busy = sorted((p for p in live if read.count(p)), key=lambda p: -read.count(p))
            idle = [p for p in live if not read.count(p)]
            *applied, skipped = await asyncio.gather(*(one(p, read) for p in busy),
                                                     skip_idle(db, idle, tenant_id, read))
            results = dict(zip(busy, applied)) | skipped
            yield results
            live = [p for p in live if not isinstance(results[p], ProjectionError)]
            if ahead is None or not live:
                return
            if any(results[p][1] != read.end for p in live):  # a checkpoint moved under us
                _drop(ahead)
                ahead = asyncio.ensure_future(read_shared(db, live, tenant_id, batch_size))
            read = await ahead
    finally:
        if ahead is not None:
            _drop(ahead)


def _drop(task: asyncio.Future) -> None:
    """Cancel a read no longer wanted; a failure it already had is not reported."""
    task.cancel()
    task.add_done_callback(lambda t: t.cancelled() or t.exception())


async def catch_up_together(db: Database, projections: Sequence[Projection], tenant_id: str,
                            batch_size: int = BATCH_SIZE) -> dict[str, Result]:
    """Every projection to the tenant's head; the last result per checkpoint name."""
    last: dict[str, Result] = {}
    async for results in batches_together(db, projections, tenant_id, batch_size):
        last |= {p.checkpoint_name: r for p, r in results.items()}
    return last
