"""Auditors over HTTP: filtered history with metadata, pages by position, recorded reads, reach."""

from __future__ import annotations

import json
from uuid import uuid4

import pytest

from audit.reads import list_reads
from infra.records import NewEvent
from tests.api.conftest import codes, gql

PAGE = """query($t: String, $f: HistoryFilterInput, $after: Int!, $limit: Int!) {
  historyPage(tenant: $t, filter: $f, after: $after, limit: $limit) {
    tenant nextAfter
    entries { position streamId version topic body actor traceId idempotencyKey metadata recordedAt hash } } }"""
READS = "query($t: String) { auditReads(tenant: $t) { auditor what readAt detail } }"


def _event(kind: str, n: int) -> NewEvent:
    return NewEvent(f"tests.auditor:{kind}", json.dumps({"n": n}))


@pytest.fixture
async def log(platform, tenant_id):
    """Four appends: two actors, two event types, one idempotency key; returns the append results."""
    stream = uuid4()
    results = []
    for n, (kind, actor) in enumerate([("Drafted", "can-bo-a"), ("Registered", "can-bo-b"),
                                       ("Registered", "can-bo-a"), ("Registered", "can-bo-b")]):
        results.append(await platform.store.append(
            tenant_id, stream, n, [_event(kind, n)], {"actor": actor, "trace_id": f"trace-{n}"},
            idempotency_key=f"key-{n}"))
    return {"stream": stream, "appends": results}


def auditor_of(token, *tenants: str, subject: str = "kiem-toan-nguyen") -> str:
    return token("kiem-toan", "auditor", audit_tenants=list(tenants), subject=subject)


async def test_an_auditor_reads_filtered_history_with_positions_and_metadata(client, token, tenant_id, log):
    auditor = auditor_of(token, tenant_id)
    response, body = await gql(client, PAGE, auditor, t=tenant_id, after=0, limit=10,
                               f={"eventType": "Registered", "actor": "can-bo-b"})
    assert response.status_code == 200, body
    entries = body["data"]["historyPage"]["entries"]
    assert [e["position"] for e in entries] == [2, 4]
    assert entries[0]["streamId"] == str(log["stream"]) and entries[0]["topic"] == "tests.auditor:Registered"
    assert (entries[0]["actor"], entries[0]["traceId"], entries[0]["idempotencyKey"]) == ("can-bo-b", "trace-1", "key-1")
    assert entries[1]["body"] == {"n": 3} and len(entries[1]["hash"]) == 64
    assert body["data"]["historyPage"]["nextAfter"] is None


async def test_history_filters_by_stream_and_time_range(client, token, tenant_id, log):
    auditor = auditor_of(token, tenant_id)
    since, until = log["appends"][1].recorded_at.isoformat(), log["appends"][3].recorded_at.isoformat()
    _, body = await gql(client, PAGE, auditor, t=tenant_id, after=0, limit=10,
                        f={"since": since, "until": until, "streamId": str(log["stream"])})
    assert [e["position"] for e in body["data"]["historyPage"]["entries"]] == [2, 3]
    _, other = await gql(client, PAGE, auditor, t=tenant_id, after=0, limit=10, f={"streamId": str(uuid4())})
    assert other["data"]["historyPage"]["entries"] == []


async def test_history_pages_by_position(client, token, tenant_id, log):
    auditor, seen, after = auditor_of(token, tenant_id), [], 0
    while after is not None:
        _, body = await gql(client, PAGE, auditor, t=tenant_id, after=after, limit=3)
        page = body["data"]["historyPage"]
        seen += [e["position"] for e in page["entries"]]
        after = page["nextAfter"]
    assert seen == [1, 2, 3, 4]


async def test_each_auditor_read_is_recorded_with_the_tokens_subject(client, platform, token, tenant_id, log):
    auditor = auditor_of(token, tenant_id, subject="kt-tran-thi-b")
    await gql(client, PAGE, auditor, t=tenant_id, after=1, limit=2, f={"actor": "can-bo-a"})
    await gql(client, "query($t: String) { history(tenant: $t) { position } }", auditor, t=tenant_id)
    reads = await list_reads(platform.db, tenant_id)
    assert [(r.auditor, r.what) for r in reads] == [("kt-tran-thi-b", "history")] * 2
    assert {r.detail["after"] for r in reads} == {0, 1}
    assert any(r.detail["filter"] == {"actor": "can-bo-a"} for r in reads)
    _, body = await gql(client, READS, auditor, t=tenant_id)
    listed = body["data"]["auditReads"]
    assert [(r["auditor"], r["what"]) for r in listed] == [("kt-tran-thi-b", "history")] * 2
    assert listed[0]["readAt"] >= listed[1]["readAt"]


QUERIES = {
    "history": "query($t: String) { history(tenant: $t) { position } }",
    "historyPage": "query($t: String) { historyPage(tenant: $t) { nextAfter } }",
    "aggregateState": "query($t: String, $s: UUID!) { aggregateState(tenant: $t, streamId: $s) { version } }",
    "auditReads": READS,
    "verifyChain": "query($t: String) { verifyChain(tenant: $t) { ok } }",
}


async def test_a_tenant_not_granted_answers_not_found_and_nothing_is_recorded(
        client, platform, token, tenant_id, other_tenant_id, log):
    auditor = auditor_of(token, other_tenant_id)
    for name, query in QUERIES.items():
        response, body = await gql(client, query, auditor, t=tenant_id, s=str(log["stream"]))
        assert (response.status_code, codes(body)) == (404, ["NOT_FOUND"]), name
        assert "can-bo" not in response.text and str(log["stream"]) not in response.text
    assert await list_reads(platform.db, tenant_id) == []


@pytest.mark.parametrize("role", ["viewer", "officer", "national"])
async def test_other_roles_cannot_read_history_or_state(client, token, tenant_id, log, role):
    caller = token(tenant_id, role, audit_tenants=[tenant_id])
    for name, query in QUERIES.items():
        response, body = await gql(client, query, caller, t=tenant_id, s=str(log["stream"]))
        assert (response.status_code, codes(body)) == (403, ["FORBIDDEN"]), (role, name)


async def test_a_platform_admin_reads_any_tenant_and_is_recorded_too(client, platform, token, tenant_id, log):
    admin = token("nen-tang", "platform_admin", subject="quan-tri-1")
    _, body = await gql(client, QUERIES["history"], admin, t=tenant_id)
    assert [e["position"] for e in body["data"]["history"]] == [1, 2, 3, 4]
    assert [(r.auditor, r.what) for r in await list_reads(platform.db, tenant_id)] == [("quan-tri-1", "history")]


async def test_a_naive_time_or_oversize_page_is_bad_input(client, token, tenant_id, log):
    auditor = auditor_of(token, tenant_id)
    response, body = await gql(client, PAGE, auditor, t=tenant_id, after=0, limit=10,
                               f={"since": "2025-07-01T00:00:00"})
    assert codes(body) == ["BAD_INPUT"] and response.status_code == 400
    _, body = await gql(client, PAGE, auditor, t=tenant_id, after=0, limit=100_000)
    assert codes(body) == ["BAD_INPUT"]
