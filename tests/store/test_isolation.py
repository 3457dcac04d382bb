from __future__ import annotations

from uuid import uuid4

import asyncpg
import pytest

from infra.errors import InvalidTenantError
from infra.migrations import APP_ROLE
from tests.log import read_log
from tests.store.helpers import events

pytestmark = pytest.mark.store


async def test_same_stream_id_in_two_tenants_never_crosses(platform, tenant_id, other_tenant_id):
    stream = uuid4()
    await platform.store.append(tenant_id, stream, 0, events("mine-1", "mine-2"))
    # Version 1 of the same stream id is still free in the other tenant.
    await platform.store.append(other_tenant_id, stream, 0, events("theirs"))
    mine = await platform.store.read_stream(tenant_id, stream)
    theirs = await platform.store.read_stream(other_tenant_id, stream)
    assert [e.topic for e in mine] == ["tests:mine-1", "tests:mine-2"]
    assert [e.topic for e in theirs] == ["tests:theirs"]
    assert [e.position for e in await read_log(platform, other_tenant_id)] == [1]


async def test_without_a_tenant_setting_row_level_security_shows_nothing(platform, tenant_id):
    await platform.store.append(tenant_id, uuid4(), 0, events("a"))
    for table in ("events", "tenant_heads", "idempotency_keys", "snapshots"):
        assert await platform.db.pool.fetchval(f"SELECT count(*) FROM {table}") == 0


async def test_a_query_scoped_to_one_tenant_sees_only_its_rows(platform, tenant_id, other_tenant_id):
    await platform.store.append(tenant_id, uuid4(), 0, events("a"))
    await platform.store.append(other_tenant_id, uuid4(), 0, events("b", "c"))
    async with platform.db.tenant_transaction(tenant_id) as conn:
        tenants = await conn.fetch("SELECT DISTINCT tenant_id FROM events")
    assert [r["tenant_id"] for r in tenants] == [tenant_id]


async def test_application_role_is_not_privileged_and_cannot_rewrite_history(platform, admin, tenant_id):
    role = await admin.fetchrow(
        "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1", APP_ROLE
    )
    assert (role["rolsuper"], role["rolbypassrls"]) == (False, False)
    assert await platform.db.pool.fetchval("SELECT current_user") == APP_ROLE
    await platform.store.append(tenant_id, uuid4(), 0, events("a"))
    for statement in ("UPDATE events SET body = '{}'", "DELETE FROM events"):
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            async with platform.db.tenant_transaction(tenant_id) as conn:
                await conn.execute(statement)


@pytest.mark.parametrize("bad", ["", "UPPER", "a'; DROP TABLE events; --", "x" * 80, "ä"])
async def test_invalid_tenant_ids_are_refused(platform, bad):
    with pytest.raises(InvalidTenantError):
        await platform.store.append(bad, uuid4(), 0, events("a"))
