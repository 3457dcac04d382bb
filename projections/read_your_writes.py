"""Read-your-writes for the pages: after a command, wait (briefly) until the read models
have applied its position, so the page drawn next shows what was just written."""

from __future__ import annotations

import asyncio
import time

from infra.database import Database
from projections.registry import all_projections

_APPLIED = "SELECT applied FROM thidua_projection_freshness($1, ARRAY[$2::text])"
POLL_S = 0.02


async def wait_until_projected(db: Database, tenant: str, position: int, *, projections: list[str] | None = None,
                               timeout_s: float = 5.0) -> bool:
    """True once every projection named (all of them by default) has applied the tenant's log
    up to `position`; False after `timeout_s` (the page then shows what is there, no error)."""
    names = projections or [projection.name for projection in all_projections()]
    deadline = time.monotonic() + timeout_s
    while True:
        async with db.pool.acquire() as conn:
            applied = [await conn.fetchval(_APPLIED, name, tenant) for name in names]
        if all(value is not None and value >= position for value in applied):
            return True
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(POLL_S)
