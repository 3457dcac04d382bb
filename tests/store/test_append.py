from __future__ import annotations

import asyncio
from uuid import uuid4

import pytest

from infra.errors import ConcurrencyError
from infra.hash_chain import verify_tenant
from tests.log import read_log
from tests.store.helpers import events

pytestmark = pytest.mark.store


async def test_append_assigns_positions_and_versions(platform, tenant_id):
    stream = uuid4()
    first = await platform.store.append(tenant_id, stream, 0, events("a", "b"))
    second = await platform.store.append(tenant_id, stream, 2, events("c"))
    assert (first.first_position, first.last_position, first.version) == (1, 2, 2)
    assert (second.first_position, second.last_position, second.version) == (3, 3, 3)
    stored = await platform.store.read_stream(tenant_id, stream)
    assert [(e.position, e.version, e.topic) for e in stored] == [
        (1, 1, "tests:a"), (2, 2, "tests:b"), (3, 3, "tests:c")
    ]


async def test_32_concurrent_writers_get_gap_free_positions_and_a_valid_chain(platform, tenant_id):
    async def writer() -> None:
        stream = uuid4()
        for version in range(5):
            await platform.store.append(tenant_id, stream, version, events(f"e{version}"))

    await asyncio.gather(*(writer() for _ in range(32)))
    log = await read_log(platform, tenant_id, limit=10_000)
    assert [e.position for e in log] == list(range(1, 32 * 5 + 1))
    report = await verify_tenant(platform.db, tenant_id)
    assert report.ok and report.head_position == 160


async def test_writers_racing_for_one_version_exactly_one_wins(platform, tenant_id):
    stream = uuid4()
    results = await asyncio.gather(
        *(platform.store.append(tenant_id, stream, 0, events("x", "y")) for _ in range(16)),
        return_exceptions=True,
    )
    winners = [r for r in results if not isinstance(r, Exception)]
    conflicts = [r for r in results if isinstance(r, ConcurrencyError)]
    assert len(winners) == 1 and len(conflicts) == 15
    assert all(c.actual == 2 and c.expected == 0 for c in conflicts)
    assert len(await platform.store.read_stream(tenant_id, stream)) == 2
    assert (await platform.store.head(tenant_id)).position == 2


async def test_conflict_writes_nothing(platform, tenant_id):
    stream = uuid4()
    await platform.store.append(tenant_id, stream, 0, events("a"))
    with pytest.raises(ConcurrencyError, match="expected 0"):
        await platform.store.append(tenant_id, stream, 0, events("b", "c"))
    assert [e.topic for e in await read_log(platform, tenant_id)] == ["tests:a"]


async def test_idempotent_retry_appends_nothing_twice(platform, tenant_id):
    stream = uuid4()
    first = await platform.store.append(tenant_id, stream, 0, events("a"), idempotency_key="k-1")
    again = await platform.store.append(tenant_id, stream, 0, events("a"), idempotency_key="k-1")
    assert not first.replayed and again.replayed
    assert (again.first_position, again.last_position, again.version) == (1, 1, 1)
    assert len(await read_log(platform, tenant_id)) == 1
    [stored] = await platform.store.read_stream(tenant_id, stream)
    assert stored.metadata["idempotency_key"] == "k-1"


async def test_concurrent_retries_with_one_key_append_once(platform, tenant_id):
    stream = uuid4()
    results = await asyncio.gather(*(
        platform.store.append(tenant_id, stream, 0, events("a"), idempotency_key="same")
        for _ in range(8)
    ))
    assert sum(not r.replayed for r in results) == 1
    assert len(await read_log(platform, tenant_id)) == 1


async def test_append_to_several_streams_is_all_or_nothing(platform, tenant_id):
    from infra.records import StreamAppend

    taken, fresh = uuid4(), uuid4()
    await platform.store.append(tenant_id, taken, 0, events("a"))
    with pytest.raises(ConcurrencyError):
        await platform.store.append_streams(tenant_id, [
            StreamAppend(fresh, 0, events("b")), StreamAppend(taken, 0, events("c")),
        ])
    assert await platform.store.read_stream(tenant_id, fresh) == []
    assert (await platform.store.head(tenant_id)).position == 1


async def test_metadata_is_stored_with_each_event(platform, tenant_id):
    meta = {"actor": "officer-1", "trace_id": "ab" * 16, "correlation_id": "c-1"}
    await platform.store.append(tenant_id, uuid4(), 0, events("a", "b"), meta)
    assert all(e.metadata == meta for e in await read_log(platform, tenant_id))
