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
