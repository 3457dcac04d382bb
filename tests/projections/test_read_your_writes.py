"""A page drawn after a command waits until the read models have applied the command's position."""

from __future__ import annotations

from datetime import date

from projections.engine.runner import ProjectionRunner
from projections.read_your_writes import wait_until_projected
from services.context import SYSTEM
from services.tenants import provision_tenant
from tests.api.story import ensure_national_platform


async def test_waits_for_the_position_then_gives_up_on_one_not_written(platform, tenant_id):
    await ensure_national_platform(platform)
    await provision_tenant(platform, SYSTEM, tenant_id=tenant_id, name="LĐLĐ thử", kind="province_federation",
                           effective=date(2024, 1, 1))
    first = 1  # the tenant's first event
    assert not await wait_until_projected(platform.db, tenant_id, first, timeout_s=0.1), \
        "no runner yet: nothing is applied"
    async with ProjectionRunner(platform.db, poll_interval=0.02):
        assert await wait_until_projected(platform.db, tenant_id, first, timeout_s=120), \
            "a runner over a shared database catches up every tenant first: a generous wait"
        assert not await wait_until_projected(platform.db, tenant_id, first + 1_000, timeout_s=0.2)
