"""Demo fixtures: fresh, empty databases on the session's server (the demo loads only into a
database with no tenant), the demo loaded once, and the projections caught up with it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from uuid import uuid4

import asyncpg
import pytest

import infra.scratch_database as scratch
from demo import DemoLoad, load_demo
from infra.platform import Platform, open_platform
from infra.settings import Settings
from projections.engine.runner import ProjectionRunner
from projections.engine.status import projection_status
from projections.registry import projection_classes


async def fresh_database(admin_url: str) -> str:
    return await scratch.create_database(admin_url, f"thidua_demo_{uuid4().hex[:10]}")


async def drop_database(admin_url: str, url: str) -> None:
    await scratch.drop_database(admin_url, url.rsplit("/", 1)[1])


@pytest.fixture(scope="session")
async def demo_url(admin_url: str) -> AsyncIterator[str]:
    url = await fresh_database(admin_url)
    yield url
    await drop_database(admin_url, url)


@pytest.fixture(scope="session")
async def demo_platform(demo_url: str) -> AsyncIterator[tuple[Platform, DemoLoad]]:
    async with open_platform(Settings(), demo_url) as platform:
        loaded = await load_demo(platform)
        yield platform, loaded


async def lagging(url: str) -> list:
    """(projection, tenant) pairs behind their tenant's head, or stopped by an error."""
    conn = await asyncpg.connect(url)
    try:
        rows = await projection_status(conn, list(projection_classes()))
    finally:
        await conn.close()
    return [(r.projection, r.tenant_id, r.position, r.head, r.error) for r in rows if r.lag or r.error]


async def wait_caught_up(url: str, within_s: float = 30.0) -> None:
    deadline = asyncio.get_running_loop().time() + within_s
    while behind := await lagging(url):
        if asyncio.get_running_loop().time() > deadline or any(b[-1] for b in behind):
            raise TimeoutError(f"projections behind: {behind}")
        await asyncio.sleep(0.1)


@pytest.fixture(scope="session")
async def caught_up(demo_platform, demo_url) -> Platform:
    platform, _ = demo_platform
    async with ProjectionRunner(platform.db, poll_interval=0.05):
        await wait_caught_up(demo_url)
    return platform
