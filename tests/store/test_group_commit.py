"""Group commit: concurrent appends share calls and transactions, never outcomes."""

from __future__ import annotations

import asyncio
import json
from contextlib import asynccontextmanager
from uuid import uuid4

import asyncpg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infra.errors import ConcurrencyError
from infra.hash_chain import verify_tenant
from infra.records import NewEvent, StreamAppend
from tests.log import read_log
from tests.store.helpers import events

pytestmark = pytest.mark.store


@asynccontextmanager
async def counted_calls(store, in_flight: int = 1):
    """The units of every call the store sends, with `in_flight` calls at once."""
    group, calls = store.group_commit, []
    send, limit = group._send, group.max_in_flight

    async def counting(units):
        calls.append(len(units))
        return await send(units)

    group._send, group.max_in_flight = counting, in_flight
    try:
        yield calls
    finally:
        group._send, group.max_in_flight = send, limit


async def test_concurrent_appends_of_several_tenants_share_calls(platform, tenant_id, other_tenant_id):
    async def writer(tenant: str) -> None:
        stream = uuid4()
        for version in range(3):
            await platform.store.append(tenant, stream, version, events(f"e{version}"))

    async with counted_calls(platform.store) as calls:
        await asyncio.gather(*(writer(t) for t in [tenant_id, other_tenant_id] * 12))
    assert sum(calls) == 72 and len(calls) < 72
    for tenant in (tenant_id, other_tenant_id):
        log = await read_log(platform, tenant, limit=1_000)
        assert [e.position for e in log] == list(range(1, 37))
        assert (await verify_tenant(platform.db, tenant)).ok


async def test_a_conflict_in_a_shared_call_fails_only_its_own_append(platform, tenant_id):
    taken = uuid4()
    await platform.store.append(tenant_id, taken, 0, events("first"))
    async with counted_calls(platform.store) as calls:
        results = await asyncio.gather(
            platform.store.append(tenant_id, uuid4(), 0, events("fill")),
            *(platform.store.append(tenant_id, uuid4(), 0, events(f"ok{i}")) for i in range(3)),
            platform.store.append(tenant_id, taken, 0, events("stale")),
            return_exceptions=True,
        )
    assert calls == [5]
    assert isinstance(results[-1], ConcurrencyError) and results[-1].actual == 1
    assert all(not isinstance(r, Exception) for r in results[:-1])
    assert sorted(e.topic for e in await read_log(platform, tenant_id)) == sorted(
        ["tests:first", "tests:fill", "tests:ok0", "tests:ok1", "tests:ok2"])


async def test_a_multi_stream_append_with_one_stale_stream_writes_none_of_its_streams(platform, tenant_id):
    taken, fresh = uuid4(), uuid4()
    await platform.store.append(tenant_id, taken, 0, events("first"))
    async with counted_calls(platform.store) as calls:
        together, alone = await asyncio.gather(
            platform.store.append_streams(tenant_id, [StreamAppend(fresh, 0, events("a")),
                                                      StreamAppend(taken, 0, events("b"))]),
            platform.store.append(tenant_id, uuid4(), 0, events("c")),
            return_exceptions=True,
        )
    assert isinstance(together, ConcurrencyError) and together.stream_id == taken
    assert not isinstance(alone, Exception) and calls == [2]
    assert await platform.store.read_stream(tenant_id, fresh) == []


async def test_an_append_the_server_refuses_fails_alone(platform, tenant_id):
    bad = [NewEvent("tests:bad", "{not json")]
    async with counted_calls(platform.store) as calls:
        results = await asyncio.gather(
            platform.store.append(tenant_id, uuid4(), 0, events("fill")),
            platform.store.append(tenant_id, uuid4(), 0, events("a")),
            platform.store.append(tenant_id, uuid4(), 0, bad),
            platform.store.append(tenant_id, uuid4(), 0, events("b")),
            return_exceptions=True,
        )
    assert isinstance(results[2], asyncpg.PostgresError)
    assert [isinstance(r, Exception) for r in results] == [False, False, True, False]
    assert calls == [4, 1, 1, 1, 1]  # the refused call, then each unit alone
    log = await read_log(platform, tenant_id)
    assert sorted(e.topic for e in log) == ["tests:a", "tests:b", "tests:fill"]
    assert (await verify_tenant(platform.db, tenant_id)).ok


async def test_one_idempotency_key_twice_in_a_shared_call_appends_once(platform, tenant_id):
    async with counted_calls(platform.store) as calls:
        fill, first, again = await asyncio.gather(
            platform.store.append(tenant_id, uuid4(), 0, events("fill")),
            platform.store.append(tenant_id, uuid4(), 0, events("a"), idempotency_key="k-1"),
            platform.store.append(tenant_id, uuid4(), 0, events("a"), idempotency_key="k-1"),
        )
    assert calls == [3]
    assert not first.replayed and again.replayed
    assert (again.first_position, again.last_position, again.version) == (
        first.first_position, first.last_position, first.version)
    assert (await platform.store.head(tenant_id)).position == 2


async def test_an_append_cancelled_before_it_was_sent_is_not_written(platform, tenant_id):
    async with counted_calls(platform.store) as calls:
        first = asyncio.ensure_future(platform.store.append(tenant_id, uuid4(), 0, events("a")))
        waiting = asyncio.ensure_future(platform.store.append(tenant_id, uuid4(), 0, events("b")))
        later = asyncio.ensure_future(platform.store.append(tenant_id, uuid4(), 0, events("c")))
        await asyncio.sleep(0)  # all three wait for the call that starts on the next turn
        waiting.cancel()
        await asyncio.gather(first, later, waiting, return_exceptions=True)
    assert waiting.cancelled() and calls == [2]
    assert sorted(e.topic for e in await read_log(platform, tenant_id)) == ["tests:a", "tests:c"]
    assert (await verify_tenant(platform.db, tenant_id)).ok


async def test_each_stream_once_per_append(platform, tenant_id):
    stream = uuid4()
    with pytest.raises(ValueError, match="once"):
        await platform.store.append_streams(
            tenant_id, [StreamAppend(stream, 0, events("a")), StreamAppend(stream, 1, events("b"))])


def _text(max_size: int, min_size: int = 0) -> st.SearchStrategy[str]:
    """Any text PostgreSQL can hold (no NUL), escapes and Vietnamese included."""
    return st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
                   min_size=min_size, max_size=max_size)


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-10**15, 10**15) | _text(12)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text(6), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_json, metadata=st.dictionaries(_text(6), _json, max_size=3),
       topic=_text(20, min_size=1), position=st.integers(1, 2**40))
async def test_the_canonical_text_is_the_jsonb_array_the_chain_was_defined_by(admin, body, metadata, topic, position):
    """Migration 0006 respelled thidua_canonical for speed; the bytes must not change."""
    row = await admin.fetchrow(
        "SELECT thidua_canonical('t-1', $1, $2, 3, $3, 1, $4, $5::text::jsonb, $6::text::jsonb) AS now,"
        " jsonb_build_array('t-1', $1, $2::text, 3, $3, 1,"
        "   (extract(epoch FROM $4::timestamptz) * 1000000)::bigint, $5::text::jsonb, $6::text::jsonb)::text AS defined",
        position, uuid4(), topic, _moment(position),
        json.dumps(body, default=str), json.dumps(metadata, default=str),
    )
    assert row["now"] == row["defined"]


def _moment(seed: int):
    from datetime import datetime, timedelta, timezone

    return datetime(2020, 1, 1, tzinfo=timezone.utc) + timedelta(microseconds=seed * 7919)


async def test_closing_waits_for_appends_not_yet_sent(platform, tenant_id):
    pending = [asyncio.ensure_future(platform.store.append(tenant_id, uuid4(), 0, events(f"e{i}")))
               for i in range(3)]
    await asyncio.sleep(0)  # submitted; their call starts on the next turn
    await platform.store.group_commit.aclose()
    assert all(task.done() for task in pending)
    assert (await platform.store.head(tenant_id)).position == 3
