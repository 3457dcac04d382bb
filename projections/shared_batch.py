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
from projections import checkpoints
from projections.base import Event, Projection, ProjectionError
from projections.batch import _EVENTS, BATCH_SIZE, apply_and_advance, record_error

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


async def read_shared(db: Database, projections: Sequence[Projection], tenant_id: str,
                      batch_size: int) -> SharedRead:
    names = [p.checkpoint_name for p in projections]
    topics = sorted({t for p in projections for t in p.handlers})
    async with db.pool.acquire() as conn, conn.transaction():
        await apply_tenant(conn, tenant_id)
        start = await conn.fetchval("SELECT min(position) FROM projection_checkpoints"
                                    " WHERE tenant_id = $1 AND projection = ANY($2::text[])", tenant_id, names)
        # The head first: every event at or below it is committed (see batch.apply_batch_in).
        head = await conn.fetchval("SELECT position FROM tenant_heads WHERE tenant_id = $1", tenant_id) or 0
        rows = await conn.fetch(_EVENTS, tenant_id, start, head, topics, batch_size)
    events = [Event.from_row(r) for r in rows]
    full = len(rows) == batch_size
    return SharedRead(start, events[-1].position if full else max(head, start), rows, events, full)


async def apply_shared(db: Database, projection: Projection, tenant_id: str, read: SharedRead) -> Result:
    async with db.pool.acquire() as conn:
        try:
            async with conn.transaction():
                await apply_tenant(conn, tenant_id)
                start = (await checkpoints.lock(conn, tenant_id, projection.checkpoint_name))["position"]
                if start >= read.end or start < read.start:  # done elsewhere / moved under us: not ours
                    return 0, start
                mine = [i for i, e in enumerate(read.events)
                        if e.position > start and e.topic in projection.handlers]
                events = [read.events[i] for i in mine]
                await apply_and_advance(conn, projection, tenant_id, events, [read.rows[i] for i in mine],
                                        start, read.end)
                return len(events), read.end
        except ProjectionError as exc:
            await record_error(conn, projection, tenant_id, exc)
            return exc


async def batches_together(db: Database, projections: Sequence[Projection], tenant_id: str,
                           batch_size: int = BATCH_SIZE) -> AsyncIterator[dict[Projection, Result]]:
    """Yields each shared batch's result per projection until all reach the head; a
    projection that failed is left out of the following batches."""
    live = list(projections)
    async with db.pool.acquire() as conn, conn.transaction():
        await apply_tenant(conn, tenant_id)
        for projection in live:
            await checkpoints.ensure(conn, tenant_id, projection.checkpoint_name)
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(projection: Projection, read: SharedRead) -> Result:
        async with gate:
            return await apply_shared(db, projection, tenant_id, read)

    while live:
        read = await read_shared(db, live, tenant_id, batch_size)
        # The busiest first: it is the long pole of the batch.
        busiest = sorted(live, key=lambda p: -sum(e.topic in p.handlers for e in read.events))
        results = dict(zip(busiest, await asyncio.gather(*(one(p, read) for p in busiest))))
        yield results
        live = [p for p in live if not isinstance(results[p], ProjectionError)]
        if not read.full:
            return


async def catch_up_together(db: Database, projections: Sequence[Projection], tenant_id: str,
                            batch_size: int = BATCH_SIZE) -> dict[str, Result]:
    """Every projection to the tenant's head; the last result per checkpoint name."""
    last: dict[str, Result] = {}
    async for results in batches_together(db, projections, tenant_id, batch_size):
        last |= {p.checkpoint_name: r for p, r in results.items()}
    return last
