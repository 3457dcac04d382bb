"""Projection benchmark: the real ProjectionRunner catching every projection up over the
generated log (one runner in this process, or `thidua projections run --workers N`
processes), then a blue/green rebuild of every projection from position 0 while a reader
keeps reading the national rollup (failed and stale reads counted)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from bench.generator import Generated
from bench.thidua import running
from infra.platform import Platform

_BEHIND = """SELECT count(*) FROM tenant_heads h CROSS JOIN unnest($1::text[]) AS p(name)
  LEFT JOIN projection_checkpoints c ON c.tenant_id = h.tenant_id AND c.projection = p.name
 WHERE c.position IS NULL OR c.position < h.position"""


async def log_size(admin: asyncpg.Connection) -> int:
    return await admin.fetchval("SELECT coalesce(sum(position), 0)::bigint FROM tenant_heads")


async def catch_up_rate(platform: Platform, workers: int = 0, timeout_s: float = 3600) -> dict[str, float]:
    """Seconds until every projection reaches every tenant's head: by a runner in this
    process (workers=0) or by `workers` runner processes (their start-up included)."""
    from projections.registry import all_projections

    names = [p.checkpoint_name for p in all_projections()]
    admin = await asyncpg.connect(platform.db.admin_url)
    try:
        events = await log_size(admin)
        started = time.perf_counter()
        async with _runners(platform, workers):
            while await admin.fetchval(_BEHIND, names):
                if time.perf_counter() - started > timeout_s:
                    raise TimeoutError(f"projections not caught up after {timeout_s} s")
                await asyncio.sleep(0.05)
            seconds = time.perf_counter() - started
        return {"projection.events_per_s": round(events / seconds, 1), "projection.catch_up_s": round(seconds, 2)}
    finally:
        await admin.close()


@asynccontextmanager
async def _runners(platform: Platform, workers: int) -> AsyncIterator[None]:
    from projections.engine.runner import ProjectionRunner

    if workers:
        with running("projections", "run", "--workers", str(workers), database_url=platform.db.admin_url):
            yield
    else:
        async with ProjectionRunner(platform.db, poll_interval=0.2):
            yield


async def reset(admin: asyncpg.Connection, projections: list) -> None:
    """The projections back to empty, as before their first event."""
    for projection in projections:
        await admin.execute(f"TRUNCATE {', '.join(projection.tables)}")
        await admin.execute("DELETE FROM projection_checkpoints WHERE projection = $1", projection.checkpoint_name)


async def reset_all(platform: Platform) -> None:
    from projections.registry import all_projections

    admin = await asyncpg.connect(platform.db.admin_url)
    try:
        await reset(admin, all_projections())
    finally:
        await admin.close()


READ_EVERY_S = 0.05
"""The reader's pause between reads: enough reads to cover the switch (which holds readers
for one round trip of renames)."""


async def rebuild_all(platform: Platform, data: Generated) -> dict[str, float]:
    """Every projection rebuilt together (one read of the log feeds them all), timed, while a
    reader asks for the national rollup: a failed read raised, a stale one answered other
    figures than before the rebuild (nothing is written meanwhile, so any change is wrong)."""
    from projections.engine.rebuild import rebuild
    from projections.registry import projection_classes

    admin = await asyncpg.connect(platform.db.admin_url)
    try:
        events = await log_size(admin)
    finally:
        await admin.close()
    reader = RollupReader(platform, data)
    reader.start()
    started = time.perf_counter()
    try:
        await rebuild(platform.db, list(projection_classes().values()))
        seconds = time.perf_counter() - started
    finally:
        reader.stop()
    return {"projection.rebuild_s": round(seconds, 2), "projection.rebuild_events": events,
            "projection.rebuild_reads": reader.reads, "projection.rebuild_failed_reads": reader.failed,
            "projection.rebuild_stale_reads": reader.stale,
            "projection.rebuild_read_max_ms": round(reader.slowest_s * 1000, 1)}


class RollupReader:
    """The national rollup read again and again, as the API reads it (application role,
    its own pool), beside a rebuild. In a thread with its own event loop, so the rebuild's
    loop is not slowed by the reads' Python work, nor the reads by the rebuild's."""

    def __init__(self, platform: Platform, data: Generated):
        from projections.queries import PlanRef

        self.platform, self.node = platform, data.national_unit_id
        self.root = PlanRef(data.national_tenant, data.national_plan_id)
        self.reads = self.failed = self.stale = 0
        self.slowest_s = 0.0
        self._stop, self._ready = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), name="rebuild-reader")
        self._error: BaseException | None = None

    def start(self) -> None:
        self._thread.start()
        self._ready.wait()
        if self._error is not None:
            raise self._error

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    async def _main(self) -> None:
        from infra.database import Database
        from projections.queries import NATIONAL, rollup

        try:
            db = await Database.open(self.platform.db.admin_url, self.platform.settings.database)
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            raise
        try:
            async def read() -> object:
                return (await rollup(db, self.root, self.node, tenant=NATIONAL))["metrics"]

            before = await read()
            self._ready.set()
            while not self._stop.is_set():
                started = time.perf_counter()
                try:
                    figures = await read()
                except Exception:  # counted: the benchmark reports failed reads
                    self.failed += 1
                else:
                    self.stale += figures != before
                self.reads += 1
                self.slowest_s = max(self.slowest_s, time.perf_counter() - started)
                await asyncio.sleep(READ_EVERY_S)
        finally:
            self._ready.set()
            await db.close()
