"""Projection benchmark: the real ProjectionRunner catching every projection up over the
generated log (one runner in this process, or `thidua projections run --workers N`
processes), then a blue/green rebuild of every projection from position 0 while a reader
keeps reading the national rollup (failed and stale reads counted)."""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from multiprocessing.synchronize import Event as EventType

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


async def analyze(platform: Platform) -> None:
    """Planner statistics for what was just loaded, as autovacuum gathers them soon after a
    bulk load. A server may run without autovacuum (this machine's PostgreSQL 15 does): with
    no statistics it planned the national rollup from defaults, p99 26 ms against 11 ms."""
    admin = await asyncpg.connect(platform.db.admin_url)
    try:
        await admin.execute("ANALYZE")
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


async def rebuild_all(platform: Platform, data: Generated, processes: int) -> dict[str, float]:
    """Every projection rebuilt together (one read of the log feeds them all) by `processes`
    processes, timed, while a reader asks for the national rollup: a failed read raised, a
    stale one answered other figures than before the rebuild (nothing is written meanwhile,
    so any change is wrong)."""
    from projections.engine.rebuild import rebuild
    from projections.registry import projection_classes

    admin = await asyncpg.connect(platform.db.admin_url)
    try:
        events = await log_size(admin)
    finally:
        await admin.close()
    with RollupReader(platform, data) as reader:
        started = time.perf_counter()
        await rebuild(platform.db, list(projection_classes().values()), processes=processes)
        seconds = time.perf_counter() - started
    return {"projection.rebuild_s": round(seconds, 2), "projection.rebuild_events": events,
            "projection.rebuild_reads": reader.reads, "projection.rebuild_failed_reads": reader.failed,
            "projection.rebuild_stale_reads": reader.stale,
            "projection.rebuild_read_max_ms": round(reader.slowest_s * 1000, 1)}


class RollupReader:
    """The national rollup read again and again, as the API reads it (application role, its
    own pool), in a process of its own as the API server is: a thread of the measured
    process would take the interpreter lock from it (measured at 10,000 grassroots units:
    the rebuild 1.36x the catch-up with the reader in a thread, 1.17x with it in a process).
    `changing`: the figures may change meanwhile (a catch-up), so none is stale."""

    def __init__(self, platform: Platform, data: Generated, changing: bool = False):
        from projections.queries import PlanRef

        context = multiprocessing.get_context("spawn")  # no copy of this process's loop and pool
        self._stop, self._ready = context.Event(), context.Event()
        self._results = context.Queue()
        self._process = context.Process(
            target=_read_in_process, name="rollup-reader",
            args=(platform.db.admin_url, platform.settings.database,
                  PlanRef(data.national_tenant, data.national_plan_id), data.national_unit_id, changing,
                  self._stop, self._ready, self._results))
        self.reads = self.failed = self.stale = 0
        self.slowest_s = 0.0

    def __enter__(self) -> RollupReader:
        self._process.start()
        while not self._ready.wait(0.1):
            if not self._process.is_alive():
                raise RuntimeError("the rollup reader could not start")
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        counted = self._results.get(timeout=60)
        self._process.join()
        if isinstance(counted, BaseException):
            raise counted
        self.reads, self.failed, self.stale, self.slowest_s = counted


def _read_in_process(admin_url: str, settings: object, root: object, node: object, changing: bool,
                     stop: EventType, ready: EventType, results: multiprocessing.Queue) -> None:
    try:
        results.put(asyncio.run(_read_until(admin_url, settings, root, node, changing, stop, ready)))
    except BaseException as exc:  # the parent raises it
        results.put(RuntimeError(f"rollup reader: {exc!r}"))
    finally:
        ready.set()


async def _read_until(admin_url: str, settings: object, root: object, node: object, changing: bool,
                      stop: EventType, ready: EventType) -> tuple[int, int, int, float]:
    from infra.database import Database
    from projections.queries import NATIONAL, rollup
    from projections.rollup.errors import RollupNotFound

    reads = failed = stale = 0
    slowest = 0.0
    db = await Database.open(admin_url, settings)
    try:
        async def read() -> object:
            return (await rollup(db, root, node, tenant=NATIONAL))["metrics"]

        before = None if changing else await read()
        ready.set()
        while not stop.is_set():
            started = time.perf_counter()
            try:
                figures = await read()
            except RollupNotFound:  # from empty read models: the plan is not projected yet
                failed += not changing
            except Exception:  # counted: the benchmark reports failed reads
                failed += 1
            else:
                stale += not changing and figures != before
            reads += 1
            slowest = max(slowest, time.perf_counter() - started)
            await asyncio.sleep(READ_EVERY_S)
    finally:
        await db.close()
    return reads, failed, stale, slowest
