"""`thidua projections run` outlives a database outage: its runner dies with the
connections and is replaced, and the read models catch up once PostgreSQL is back."""

from __future__ import annotations

import asyncio

import asyncpg

from infra.platform import open_platform
from projections.engine.supervised import supervise_runner
from tests.api.conftest import SETTINGS
from tests.projections import builders as b
from tests.projections.helpers import at_head, wait_for


async def test_the_runner_is_replaced_after_an_outage_and_catches_up(dedicated_server, tenant_id):
    url = dedicated_server.get_uri()
    async with open_platform(SETTINGS, url) as platform:
        supervisor = asyncio.create_task(supervise_runner(platform.db))
        try:
            await platform.repository.save(tenant_id, b.unit(tenant_id, "province_federation", "LĐLĐ tỉnh Cà Mau",
                                                             b.external_parent()))
            await wait_for(lambda: _caught_up(url, tenant_id), timeout=30)

            await asyncio.to_thread(dedicated_server.stop)
            await asyncio.sleep(1.5)  # the runner's poll meets the dead database
            await asyncio.to_thread(dedicated_server.start)

            await wait_for(lambda: _saved_after_outage(platform, tenant_id), timeout=30, every=0.5)
            await wait_for(lambda: _caught_up(url, tenant_id), timeout=30)
            assert not supervisor.done()
        finally:
            supervisor.cancel()
            await asyncio.gather(supervisor, return_exceptions=True)


async def _saved_after_outage(platform, tenant_id: str) -> bool:
    """The pool hands out dead connections for a while after the restart: retry."""
    try:
        await platform.repository.save(tenant_id, b.unit(tenant_id, "province_federation", "LĐLĐ tỉnh Bạc Liêu",
                                                         b.external_parent()))
        return True
    except Exception:  # noqa: BLE001 (any failure of a dead pooled connection)
        return False


async def _caught_up(url: str, tenant: str) -> bool:
    """On a connection of its own: the database may have just come back."""
    try:
        admin = await asyncpg.connect(url)
    except OSError:
        return False
    try:
        return await at_head(admin, tenant, "org_tree")
    finally:
        await admin.close()
