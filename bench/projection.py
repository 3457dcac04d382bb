"""Projection benchmark: the real ProjectionRunner catching every projection up over the
generated log (one runner in this process, or `thidua projections run --workers N`
processes), then a full rebuild of every projection from position 0."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

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


async def rebuild_all(platform: Platform) -> dict[str, float]:
    from projections.engine.rebuild import rebuild
    from projections.registry import projection_classes

    admin = await asyncpg.connect(platform.db.admin_url)
    try:
        events = await log_size(admin)
    finally:
        await admin.close()
    started = time.perf_counter()
    for cls in projection_classes().values():
        await rebuild(platform.db, cls)
    return {"projection.rebuild_s": round(time.perf_counter() - started, 2), "projection.rebuild_events": events}
