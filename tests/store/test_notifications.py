"""Coalesced append notifications and the pool's reset around the append path."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from uuid import uuid4

import asyncpg
import pytest

from infra.database import Database
from infra.event_store import EventStore
from infra.settings import Settings
from tests.store.helpers import events

pytestmark = pytest.mark.store


async def test_every_concurrent_append_is_covered_by_a_later_notification(platform, admin_url):
    tenants = [f"t-{uuid4().hex[:12]}" for _ in range(3)]
    notified: dict[str, list[int]] = {t: [] for t in tenants}
    listener = await asyncpg.connect(admin_url)

    def on_notify(_conn, _pid, _channel, payload: str) -> None:
        tenant, _, position = payload.rpartition(":")
        if tenant in notified:
            notified[tenant].append(int(position))

    await listener.add_listener("thidua_events", on_notify)
    try:
        async def writer(tenant: str) -> list[int]:
            return [(await platform.store.append(tenant, uuid4(), 0, events("a", "b"))).last_position
                    for _ in range(15)]

        written = dict(zip(tenants, await asyncio.gather(*(writer(t) for t in tenants)), strict=True))
        for _ in range(100):
            if all(notified[t] and max(notified[t]) >= max(written[t]) for t in tenants):
                break
            await asyncio.sleep(0.05)
    finally:
        await listener.close()
    for tenant in tenants:
        positions = notified[tenant]
        assert positions and max(positions) == max(written[tenant]) == 30
        assert positions == sorted(positions), "one process notifies a tenant's positions in order"
        assert set(positions) <= set(written[tenant]), "only committed positions are announced"
        assert len(positions) <= len(written[tenant])


async def test_a_replayed_append_sends_no_notification(platform, admin_url, tenant_id):
    stream = uuid4()
    await platform.store.append(tenant_id, stream, 0, events("a"), idempotency_key="k1")
    await platform.store.notifier.aclose()  # the first append's notification is out
    received: asyncio.Queue[str] = asyncio.Queue()
    listener = await asyncpg.connect(admin_url)
    await listener.add_listener(f"thidua_events.{tenant_id}", lambda *a: received.put_nowait(a[3]))
    try:
        replay = await platform.store.append(tenant_id, stream, 0, events("a"), idempotency_key="k1")
        await platform.store.notifier.aclose()
        await asyncio.sleep(0.1)
    finally:
        await listener.close()
    assert replay.replayed and received.empty()


@pytest.fixture
async def one_connection_db(admin_url):
    settings = replace(Settings().database, pool_min_size=1, pool_max_size=1)
    db = await Database.open(admin_url, settings)
    yield db
    await db.close()


async def test_a_normally_released_connection_is_still_reset(one_connection_db):
    db = one_connection_db
    async with db.pool.acquire() as conn:
        await conn.execute("SET statement_timeout = '1234ms'")
    async with db.stateless_connection() as conn:
        assert await conn.fetchval("SHOW statement_timeout") != "1234ms"


async def test_the_append_path_leaves_no_tenant_setting_or_transaction_behind(one_connection_db, tenant_id):
    db = one_connection_db
    store = EventStore(db)
    await store.append(tenant_id, uuid4(), 0, events("a"))
    async with db.stateless_connection() as conn:
        await conn.execute("BEGIN")
        await conn.execute(f"SET LOCAL app.tenant_id = '{tenant_id}'")
    async with db.pool.acquire() as conn:
        assert not conn.is_in_transaction()
        assert not await conn.fetchval("SELECT current_setting('app.tenant_id', true)")
        assert await conn.fetchval("SELECT count(*) FROM events") == 0, "RLS: no tenant, no rows"
    await store.aclose()


async def test_a_tenant_transaction_leaves_no_tenant_setting_behind(one_connection_db, tenant_id):
    db, store = one_connection_db, EventStore(one_connection_db)
    await store.append(tenant_id, uuid4(), 0, events("a"))
    await store.aclose()
    async with db.tenant_transaction(tenant_id) as conn:
        assert await conn.fetchval("SELECT count(*) FROM events") == 1
    with pytest.raises(ZeroDivisionError):
        async with db.tenant_transaction(tenant_id) as conn:
            1 / 0
    async with db.pool.acquire() as conn:  # the pool's one connection, released without reset
        assert not conn.is_in_transaction()
        assert not await conn.fetchval("SELECT current_setting('app.tenant_id', true)")
        assert await conn.fetchval("SELECT count(*) FROM events") == 0, "RLS: no tenant, no rows"
