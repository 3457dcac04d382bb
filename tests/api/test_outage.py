"""PostgreSQL stopped under a running server: clean 503s, then recovery by itself."""

from __future__ import annotations

import asyncio
import time
from uuid import uuid4

from litestar.testing import AsyncTestClient

from api.app import create_app
from infra.platform import open_platform
from infra.records import NewEvent
from tests.api.conftest import SETTINGS, codes, gql

HISTORY = "query($t: String) { history(tenant: $t) { topic } }"


async def _until_ok(client, token: str, tenant: str, within_s: float = 30.0):
    deadline = time.monotonic() + within_s
    while True:
        response, body = await gql(client, HISTORY, token, t=tenant)
        if response.status_code == 200 or time.monotonic() > deadline:
            return response, body
        await asyncio.sleep(0.5)


async def test_requests_during_an_outage_fail_cleanly_and_the_service_recovers(dedicated_server, token, tenant_id):
    url = dedicated_server.get_uri()
    async with open_platform(SETTINGS, url) as platform:  # an acknowledged event before the outage
        await platform.store.append(tenant_id, uuid4(), 0, [NewEvent("tests:before", "{}")], {}, None)
    auditor = token(tenant_id, "auditor", audit_tenants=[tenant_id])

    async with AsyncTestClient(app=create_app(SETTINGS, url)) as client:
        ok, _ = await gql(client, HISTORY, auditor, t=tenant_id)
        assert ok.status_code == 200

        await asyncio.to_thread(dedicated_server.stop)
        for _ in range(3):  # pooled connections die one by one: every request fails the same way
            response, body = await gql(client, HISTORY, auditor, t=tenant_id)
            assert response.status_code == 503
            assert response.headers["Retry-After"].isdigit()
            assert codes(body) == ["UNAVAILABLE"]
            assert "asyncpg" not in response.text and "Traceback" not in response.text
        health = await client.get("/health")
        assert health.status_code == 503

        await asyncio.to_thread(dedicated_server.start)
        response, body = await _until_ok(client, auditor, tenant_id)
        assert response.status_code == 200, body
        assert [e["topic"] for e in body["data"]["history"]] == ["tests:before"]


WRITERS, ROUNDS = 32, 4


async def test_writers_through_a_restart_get_answers_or_503_and_every_acknowledged_write_is_stored_once(
        dedicated_server, token, tenant_id):
    """32 writers create units while PostgreSQL restarts: each request is answered 201/200
    or 503 (never 500), and a 503'd request retried with its key is stored exactly once."""
    from tests.api.story import create_unit, ensure_national_platform, provision

    url = dedicated_server.get_uri()
    async with open_platform(SETTINGS, url) as platform:
        await ensure_national_platform(platform)
    async with AsyncTestClient(app=create_app(SETTINGS, url)) as client:
        root = await provision(client, token(tenant_id, "platform_admin"), tenant_id)
        officer = token(tenant_id, "officer")
        district = await create_unit(client, officer, root, "district_federation", "LĐLĐ huyện Gò Dầu")
        statuses: list[int] = []

        async def create(key: str) -> dict | None:
            response = await client.post("/api/v1/org-units", json={
                "kind": "grassroots_union", "name": f"CĐCS {key}", "parent_id": str(district),
                "effective": "2020-01-01"}, headers={"Authorization": f"Bearer {officer}", "Idempotency-Key": key})
            statuses.append(response.status_code)
            return response.json() if response.status_code in (200, 201) else None

        async def writer(n: int) -> list[str]:
            keys = [f"w{n}-r{r}" for r in range(ROUNDS)]
            for key in keys:
                await create(key)
                await asyncio.sleep(0.05)
            return keys

        writing = asyncio.gather(*(writer(n) for n in range(WRITERS)))
        await asyncio.sleep(0.1)
        await asyncio.to_thread(dedicated_server.stop)
        await asyncio.sleep(0.5)
        await asyncio.to_thread(dedicated_server.start)
        keys = [key for batch in await writing for key in batch]

        ids = []
        for key in keys:  # every key again, until answered: acknowledged before or now, never twice
            deadline = time.monotonic() + 30
            while (reply := await create(key)) is None and time.monotonic() < deadline:
                await asyncio.sleep(0.5)
            assert reply is not None, key
            ids.append(reply["id"])

    assert set(statuses) <= {200, 201, 503}, sorted(set(statuses))
    assert 503 in statuses and 201 in statuses  # the restart did fall among the writes
    assert len(set(ids)) == len(keys)
    async with open_platform(SETTINGS, url) as platform, platform.db.tenant_transaction(tenant_id) as conn:
        stored = await conn.fetchval("SELECT count(*) FROM events WHERE tenant_id = $1 AND stream_id = ANY($2::uuid[])",
                                     tenant_id, ids)
    assert stored == len(keys)
