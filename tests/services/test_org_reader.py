"""The per-process org timeline cache sees every org event committed before each call."""

from __future__ import annotations

import asyncio

from infra.platform import open_platform
from infra.settings import Settings
from services.org_units import create_unit, rename_unit
from tenants.org_reader import load_timeline
from tests.services.conftest import CTX, FOUNDED


async def test_a_cached_timeline_catches_up_with_units_written_by_another_process(platform, admin_url, org):
    await load_timeline(platform, org.tenant)  # cached now, without the unit below
    async with open_platform(Settings(), admin_url) as other_process:
        new = (await create_unit(other_process, org.tenant, CTX, kind="grassroots_union",
                                 name="CĐCS mới", parent_id=org.district, effective=FOUNDED)).id
        await rename_unit(other_process, org.tenant, CTX, new, name="CĐCS đổi tên", effective=FOUNDED)
    timeline = await load_timeline(platform, org.tenant)
    assert timeline.view(new).name == "CĐCS đổi tên"
    assert timeline.parent_as_of(new, FOUNDED) == org.district


async def test_concurrent_loads_apply_each_event_once(platform, org):
    timelines = await asyncio.gather(*(load_timeline(platform, org.tenant) for _ in range(8)))
    fresh = await load_timeline(platform, org.tenant)
    assert all(t is fresh for t in timelines)
    assert sorted(fresh.children(org.district, FOUNDED)) == sorted(org.unions)
