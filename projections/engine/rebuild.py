"""Rebuild projections without downtime (blue/green): build the next version beside the live
one, switch when it has caught up, drop the old one.

1. Under a per-projection lock (one rebuild of a projection at a time), the tables of builds
   that never switched are dropped, and version N+1's tables are created beside version N's
   (`versions.py`).
2. Every new version catches up every tenant from position 0 as the runner does it: one read
   and decode of a tenant's log per batch feeding all the projections being rebuilt, two
   tenants at once, in `processes` processes sharing the tenants (`build_catch_up.py`).
   Meanwhile the live version keeps serving and the runner keeps advancing it. Once caught
   up, the new tables are settled: autovacuum off on them until the switch, statistics taken.
3. The switch (`switch.py`) puts the new tables under the live names in one transaction once
   every new checkpoint is at or past the live one, finishing a gap of up to FINISH_INSIDE
   events inside it; if the runner got further ahead meanwhile, the build catches up again first
   (the last attempt finishes any gap inside the switch).
4. A build that fails (a handler raises, the switch cannot get its locks) drops its tables and
   leaves the live version as it was; a killed one leaves them to the next rebuild, which
   drops them first. Either way the rebuild can simply be started again.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence

import asyncpg

from infra.database import Database
from infra.gc_policy import relax_for_batches
from projections.engine import versions
from projections.engine.base import Projection
from projections.engine.batch import BATCH_SIZE
from projections.engine.build_catch_up import catch_up
from projections.engine.switch import Built, Busy, NotCaughtUp, switch

log = logging.getLogger(__name__)
SWITCH_ATTEMPTS = 20
"""Catch up then try the switch this many times; the last one finishes any gap inside it."""
FINISH_INSIDE = 2000
"""Events of a tenant's log the switch may still apply itself, with the runner held: about
one runner batch (the runner would wait that long for a batch of its own anyway)."""


class RebuildRunning(RuntimeError):
    """Another rebuild of the same projection holds its lock."""


async def rebuild(db: Database, classes: type[Projection] | Sequence[type[Projection]],
                  batch_size: int = BATCH_SIZE, processes: int = 1) -> dict[str, dict[str, int]]:
    """Rebuild one projection class or several together (one read of the log feeds them all,
    and one transaction switches them all), the log's tenants shared by `processes`
    processes (this one and children) for the first catch-up. Returns, per projection, the log position per
    tenant its new version serves from. Raises ProjectionError when a handler fails on the new
    version, RebuildRunning or switch.Busy; the live versions then serve on, unchanged."""
    relax_for_batches()
    classes = [classes] if isinstance(classes, type) else list(classes)
    admin = await asyncpg.connect(db.admin_url)
    try:
        await _lock(admin, classes)
        started = time.perf_counter()
        built = await _prepare(admin, classes)
        log.info("rebuild: tables of %s made in %.2f s", ", ".join(f"{b.live.name} v{b.version}" for b in built),
                 time.perf_counter() - started)
        try:
            return await _catch_up_and_switch(db, admin, built, batch_size, processes)
        except BaseException:
            await _discard(admin, built)
            raise
    finally:
        await admin.close()  # the rebuild lock goes with the session, also when killed


async def _lock(admin: asyncpg.Connection, classes: list[type[Projection]]) -> None:
    names = [cls.name for cls in classes]
    held = await admin.fetchval(
        "SELECT array_agg(n) FROM unnest($1::text[]) AS n WHERE pg_try_advisory_lock(hashtextextended('rebuild/' || n, 0))",
        names) or []
    if len(held) < len(names):
        busy = sorted(set(names) - set(held))
        raise RebuildRunning(f"a rebuild of {', '.join(busy)} is already running")


async def _prepare(admin: asyncpg.Connection, classes: list[type[Projection]]) -> list[Built]:
    built = []
    async with admin.transaction():  # one commit for all the DDL
        for cls in classes:
            await versions.drop_leftovers(admin, cls)
            version = await versions.live_version(admin, cls.name) + 1
            fresh = cls(versions.suffix(version))
            await versions.create_tables(admin, cls.tables, versions.suffix(version))
            built.append(Built(cls, fresh, version))
    return built


async def _catch_up_and_switch(db: Database, admin: asyncpg.Connection, built: list[Built],
                               batch_size: int, processes: int) -> dict[str, dict[str, int]]:
    for attempt in range(1, SWITCH_ATTEMPTS + 1):
        started = time.perf_counter()
        # Later attempts catch up what the runner wrote meanwhile: too little to start processes for.
        await catch_up(db, [b.fresh for b in built], await _heads(admin), batch_size,
                       processes if attempt == 1 else 1)
        log.info("rebuild: caught up in %.2f s (attempt %d)", time.perf_counter() - started, attempt)
        if attempt == 1:  # later attempts add too little to change the statistics
            await versions.settle(admin, [t for b in built for t in b.fresh.t.values()])
        started = time.perf_counter()
        try:
            gap = None if attempt == SWITCH_ATTEMPTS else FINISH_INSIDE
            reached = await switch(admin, built, max_gap=gap, batch_size=batch_size)
            log.info("rebuild: switched in %.3f s", time.perf_counter() - started)
            return reached
        except (NotCaughtUp, Busy) as exc:
            if attempt == SWITCH_ATTEMPTS:
                raise
            log.info("switch attempt %d gave way: %s", attempt, exc)
            await asyncio.sleep(0.01 * attempt)  # let a live batch in flight commit
    raise AssertionError("unreachable")


async def _heads(admin: asyncpg.Connection) -> dict[str, int]:
    return dict(await admin.fetch("SELECT tenant_id, position FROM tenant_heads ORDER BY tenant_id"))


async def _discard(admin: asyncpg.Connection, built: list[Built]) -> None:
    """A failed build's tables and checkpoints go; the live version was never touched."""
    try:
        for b in built:
            await versions.drop_leftovers(admin, b.live)
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
        pass  # the connection went with the failure: the next rebuild drops them first
