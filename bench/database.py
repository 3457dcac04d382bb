"""The PostgreSQL server a benchmark run measures against.

Without DATABASE_URL one throw-away embedded server is started for the run; with it, a
fresh database is created on that server and dropped afterwards, so a benchmark never
writes into a database someone uses.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from uuid import uuid4

from infra.embedded import start_embedded
from infra.scratch_database import scratch_database
from infra.settings import Settings


@asynccontextmanager
async def bench_database(settings: Settings) -> AsyncIterator[str]:
    """Yields a superuser URL of an empty database."""
    server_url = settings.database.url
    if not server_url:
        yield await asyncio.to_thread(start_embedded, None)
        return
    async with scratch_database(server_url, f"thidua_bench_{uuid4().hex[:10]}") as url:
        yield url


def sibling_database(admin_url: str, label: str) -> AbstractAsyncContextManager[str]:
    """Another empty database on the same server (e.g. a second, smaller country)."""
    return scratch_database(admin_url, f"thidua_bench_{label}_{uuid4().hex[:6]}")
