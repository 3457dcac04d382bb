"""Read-your-writes for the pages: after a command, wait (briefly) until the read models
have applied its position, so the page drawn next shows what was just written."""

from __future__ import annotations

import asyncio
import time

from infra.database import Database
from projections.registry import projection_classes

# The least position the named projections have applied for the tenant, in one round trip.
_APPLIED = ("SELECT min(f.applied) FROM unnest($1::text[]) AS p(name),"
            " LATERAL thidua_projection_freshness(p.name, ARRAY[$2::text]) AS f")
POLL_S = 0.02


async def wait_until_projected(db: Database, tenant: str, position: int, *, projections: list[str] | None = None,
                               timeout_s: float = 5.0) -> bool:
    """True once every projection named (all of them by default) has applied the tenant's log
    up to `position`; False after `timeout_s` (the page then shows what is there, no error)."""
    names = projections or list(projection_classes())
    deadline = time.monotonic() + timeout_s
    while True:
        applied = await db.pool.fetchval(_APPLIED, names, tenant)
        if applied is not None and applied >= position:
            return True
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(POLL_S)
