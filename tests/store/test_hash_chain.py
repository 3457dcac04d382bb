from __future__ import annotations

from uuid import uuid4

import pytest

from infra.hash_chain import verify_tenant
from tests.store.helpers import events

pytestmark = pytest.mark.store


async def _ten_events(platform, tenant_id: str) -> None:
    for i in range(5):
        await platform.store.append(tenant_id, uuid4(), 0, events(f"a{i}", f"b{i}"))


async def test_untouched_chain_verifies(platform, tenant_id):
    await _ten_events(platform, tenant_id)
    report = await verify_tenant(platform.db, tenant_id)
    assert report.ok and report.head_position == 10
    assert report.head_hash == (await platform.store.head(tenant_id)).hash


async def test_altered_body_is_named_by_position(platform, admin, tenant_id):
    await _ten_events(platform, tenant_id)
    await admin.execute(
        "UPDATE events SET body = '{\"name\": \"forged\"}' WHERE tenant_id = $1 AND position = 6",
        tenant_id,
    )
    report = await verify_tenant(platform.db, tenant_id)
    assert not report.ok and report.first_bad_position == 6 and report.head_position == 5


async def test_deleted_row_is_named_by_position(platform, admin, tenant_id):
    await _ten_events(platform, tenant_id)
    await admin.execute("DELETE FROM events WHERE tenant_id = $1 AND position = 4", tenant_id)
    report = await verify_tenant(platform.db, tenant_id)
    assert not report.ok and report.first_bad_position == 4


async def test_two_swapped_rows_are_detected_at_the_first(platform, admin, tenant_id):
    await _ten_events(platform, tenant_id)
    async with admin.transaction():
        await admin.execute("UPDATE events SET position = -1 WHERE tenant_id = $1 AND position = 3", tenant_id)
        await admin.execute("UPDATE events SET position = 3 WHERE tenant_id = $1 AND position = 7", tenant_id)
        await admin.execute("UPDATE events SET position = 7 WHERE tenant_id = $1 AND position = -1", tenant_id)
    report = await verify_tenant(platform.db, tenant_id)
    assert not report.ok and report.first_bad_position == 3


async def test_truncated_tail_disagrees_with_the_head(platform, admin, tenant_id):
    await _ten_events(platform, tenant_id)
    await admin.execute("DELETE FROM events WHERE tenant_id = $1 AND position = 10", tenant_id)
    report = await verify_tenant(platform.db, tenant_id)
    assert not report.ok and report.first_bad_position == 10


async def test_altered_timestamp_is_detected(platform, admin, tenant_id):
    await _ten_events(platform, tenant_id)
    await admin.execute(
        "UPDATE events SET recorded_at = recorded_at - interval '1 day'"
        " WHERE tenant_id = $1 AND position = 2", tenant_id,
    )
    report = await verify_tenant(platform.db, tenant_id)
    assert report.first_bad_position == 2
