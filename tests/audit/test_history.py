from __future__ import annotations

from datetime import datetime, timedelta
from uuid import uuid4

import asyncpg
import pytest

from audit.errors import AuditInputError
from audit.history import HistoryFilter, read_history
from audit.reads import list_reads
from tests.audit.conftest import event, ten_events


async def test_whole_history_comes_with_positions_and_metadata(platform, tenant_id):
    await ten_events(platform, tenant_id)
    await platform.store.append(tenant_id, uuid4(), 0, [event("C")],
                                metadata={"actor": "cb-1", "trace_id": "t-x"}, idempotency_key="k-1")
    page = await read_history(platform.db, tenant_id, auditor="kt")
    assert [e.position for e in page.entries] == list(range(1, 12)) and page.next_after is None
    last = page.entries[-1]
    assert (last.actor, last.trace_id, last.idempotency_key) == ("cb-1", "t-x", "k-1")
    assert last.body == {"name": "C"} and last.hash == (await platform.store.head(tenant_id)).hash.hex()


async def test_filters_by_stream_topic_and_actor(platform, tenant_id):
    streams = await ten_events(platform, tenant_id)
    db = platform.db
    by_stream = await read_history(db, tenant_id, auditor="kt", filter=HistoryFilter(stream_id=streams[2]))
    assert [e.position for e in by_stream.entries] == [5, 6]
    by_topic = await read_history(db, tenant_id, auditor="kt", filter=HistoryFilter(topic="tests.audit:B1"))
    by_class = await read_history(db, tenant_id, auditor="kt", filter=HistoryFilter(topic="B1"))
    assert [e.position for e in by_topic.entries] == [e.position for e in by_class.entries] == [4]
    by_actor = await read_history(db, tenant_id, auditor="kt", filter=HistoryFilter(actor="user-1"))
    assert [e.position for e in by_actor.entries] == [3, 4, 7, 8]


async def test_filters_by_time_range(platform, tenant_id):
    await ten_events(platform, tenant_id)
    times = [e.recorded_at for e in (await read_history(platform.db, tenant_id, auditor="kt")).entries]
    window = HistoryFilter(since=times[2], until=times[6])  # since inclusive, until exclusive
    page = await read_history(platform.db, tenant_id, auditor="kt", filter=window)
    assert [e.position for e in page.entries] == [3, 4, 5, 6]


async def test_pages_follow_positions(platform, tenant_id):
    await ten_events(platform, tenant_id)
    seen, after = [], 0
    while after is not None:
        page = await read_history(platform.db, tenant_id, auditor="kt", after=after, limit=4)
        seen += [e.position for e in page.entries]
        after = page.next_after
    assert seen == list(range(1, 11))


async def test_every_read_is_recorded_in_the_tenant_only(platform, tenant_id, other_tenant_id):
    await ten_events(platform, tenant_id)
    await read_history(platform.db, tenant_id, auditor="kiem-toan-1", filter=HistoryFilter(actor="user-1"))
    await read_history(platform.db, tenant_id, auditor="kiem-toan-2", after=3, limit=2)
    reads = await list_reads(platform.db, tenant_id)
    assert [(r.auditor, r.what) for r in reads] == [("kiem-toan-2", "history"), ("kiem-toan-1", "history")]
    assert reads[0].detail == {"filter": {}, "after": 3, "limit": 2}
    assert reads[1].detail["filter"] == {"actor": "user-1"}
    assert await list_reads(platform.db, other_tenant_id) == []


async def test_application_role_cannot_erase_the_record_of_reads(platform, tenant_id):
    await read_history(platform.db, tenant_id, auditor="kt")
    async with platform.db.tenant_transaction(tenant_id) as conn:
        with pytest.raises(asyncpg.InsufficientPrivilegeError):
            await conn.execute("DELETE FROM audit_reads WHERE tenant_id = $1", tenant_id)


@pytest.mark.parametrize("kwargs", [
    {"auditor": ""}, {"auditor": "kt", "limit": 0}, {"auditor": "kt", "limit": 5000},
    {"auditor": "kt", "after": -1},
    {"auditor": "kt", "filter": HistoryFilter(since=datetime(2025, 7, 1))},
])
async def test_bad_input_is_rejected_with_a_code_and_records_nothing(platform, tenant_id, kwargs):
    with pytest.raises(AuditInputError) as caught:
        await read_history(platform.db, tenant_id, **kwargs)
    assert caught.value.code == "BAD_INPUT"
    assert await list_reads(platform.db, tenant_id) == []


async def test_cli_history_prints_filtered_events(platform, cli, tenant_id):
    await ten_events(platform, tenant_id)
    since = (datetime.now().astimezone() - timedelta(hours=1)).isoformat()
    result = await cli("audit", "history", "--tenant", tenant_id, "--actor", "user-0",
                       "--type", "A2", "--since", since, "--auditor", "kt-cli")
    assert result.code == 0
    assert [line.split()[0] for line in result.out.splitlines()] == ["5"]
    assert "actor=user-0 trace=trace-2" in result.out
    assert (await list_reads(platform.db, tenant_id))[0].auditor == "kt-cli"
