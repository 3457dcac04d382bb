"""Projection benchmark: the real ProjectionRunner catching every projection up over the
generated log, then a full rebuild of every projection from position 0."""

from __future__ import annotations

import asyncio
import time

import asyncpg

from infra.platform import Platform

_BEHIND = """SELECT count(*) FROM tenant_heads h CROSS JOIN unnest($1::text[]) AS p(name)
  LEFT JOIN projection_checkpoints c ON c.tenant_id = h.tenant_id AND c.projection = p.name
 WHERE c.position IS NULL OR c.position < h.position"""


async def log_size(admin: asyncpg.Connection) -> int:
    return await admin.fetchval("SELECT coalesce(sum(position), 0)::bigint FROM tenant_heads")


async def catch_up_rate(platform: Platform, timeout_s: float = 3600) -> dict[str, float]:
    from projections.registry import all_projections
    from projections.runner import ProjectionRunner

    projections = all_projections()
    names = [p.checkpoint_name for p in projections]
    admin = await asyncpg.connect(platform.db.admin_url)
    try:
        events = await log_size(admin)
        started = time.perf_counter()
        async with ProjectionRunner(platform.db, projections, poll_interval=0.2):
            while await admin.fetchval(_BEHIND, names):
                if time.perf_counter() - started > timeout_s:
                    raise TimeoutError(f"projections not caught up after {timeout_s} s")
                await asyncio.sleep(0.05)
            seconds = time.perf_counter() - started
        return {"projection.events_per_s": round(events / seconds, 1), "projection.catch_up_s": round(seconds, 2)}
    finally:
        await admin.close()


async def rebuild_all(platform: Platform) -> dict[str, float]:
    from projections.rebuild import rebuild
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
