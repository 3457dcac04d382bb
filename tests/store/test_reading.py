from __future__ import annotations

import asyncio
import json
import random
from datetime import datetime, timezone
from uuid import uuid4

import pytest

from tests.log import read_log
from tests.store.helpers import events

pytestmark = pytest.mark.store


async def _slow_append(platform, tenant_id: str, index: int) -> None:
    """An append (the store's function) whose transaction stays open a little after the
    events are written."""
    async with platform.db.pool.acquire() as conn, conn.transaction():
        await conn.fetch(
            "SELECT * FROM thidua_append_units($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            [tenant_id], ["{}"], [None], [1], [uuid4()], [0], [1],
            [f"tests:w{index}"], [1], [json.dumps({"i": index})],
        )
        await asyncio.sleep(random.uniform(0, 0.01))


async def test_tailing_reader_never_skips_an_event(platform, tenant_id):
    total, seen, position = 120, [], 0
    random.seed(7)

    async def tail() -> None:
        nonlocal position
        while len(seen) < total:
            batch = await read_log(platform, tenant_id, position, limit=7)
            seen.extend(e.topic for e in batch)
            position = batch[-1].position if batch else position
            await asyncio.sleep(0)

    writers = [_slow_append(platform, tenant_id, i) for i in range(total)]
    await asyncio.wait_for(asyncio.gather(tail(), *writers), timeout=60)
    assert sorted(seen) == sorted(f"tests:w{i}" for i in range(total))
    assert len(seen) == len(set(seen))


async def test_read_stream_by_version_range_and_as_of_a_timestamp(platform, tenant_id):
    stream = uuid4()
    await platform.store.append(tenant_id, stream, 0, events("a", "b"))
    between = datetime.now(timezone.utc)
    await asyncio.sleep(0.01)
    await platform.store.append(tenant_id, stream, 2, events("c", "d"))
    read = platform.store.read_stream
    assert [e.version for e in await read(tenant_id, stream, after_version=1, to_version=3)] == [2, 3]
    assert [e.topic for e in await read(tenant_id, stream, as_of=between)] == ["tests:a", "tests:b"]


async def test_head_reports_position_and_last_hash(platform, tenant_id):
    await platform.store.append(tenant_id, uuid4(), 0, events("a", "b", "c"))
    head = await platform.store.head(tenant_id)
    last = (await read_log(platform, tenant_id))[-1]
    assert (head.position, head.hash) == (3, last.hash)


async def test_head_of_an_empty_tenant_is_the_genesis(platform, tenant_id):
    head = await platform.store.head(tenant_id)
    assert (head.position, head.hash) == (0, bytes(32))


async def test_listeners_are_notified_after_a_committed_append(platform, admin_url, tenant_id):
    import asyncpg

    received: asyncio.Queue[tuple[str, str]] = asyncio.Queue()

    def ours(_conn, _pid, channel: str, payload: str) -> None:
        # The shared channel also carries other tenants' appends (earlier tests' late flushes).
        if channel.endswith(tenant_id) or payload.startswith(f"{tenant_id}:"):
            received.put_nowait((channel, payload))

    listener = await asyncpg.connect(admin_url)
    await listener.add_listener("thidua_events", ours)
    await listener.add_listener(f"thidua_events.{tenant_id}", ours)
    try:
        await platform.store.append(tenant_id, uuid4(), 0, events("a", "b"))
        got = {await asyncio.wait_for(received.get(), 5) for _ in range(2)}
    finally:
        await listener.close()
    assert got == {("thidua_events", f"{tenant_id}:2"), (f"thidua_events.{tenant_id}", "2")}
