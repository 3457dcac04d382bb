"""Live rollups over a real WebSocket (graphql-transport-ws) against a real uvicorn server and
PostgreSQL: a write pushes the new figures once the rollup counts it; the same authorisation
as the `rollup` query; a disconnected client leaves nothing behind."""

from __future__ import annotations

import asyncio
import json
from contextlib import asynccontextmanager
from uuid import uuid4

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from api.app import create_app
from projections.engine.runner import ProjectionRunner
from tests.api.conftest import SETTINGS, codes, gql
from tests.api.live_server import serving
from tests.api.story import create_unit, post, provision
from tests.api.test_commands import TARGETS, _launched_plan, province  # noqa: F401  (fixture)
from tests.api.test_read_queries import registered  # noqa: F401  (fixture)
from tests.projections.helpers import at_head, wait_for

PROTOCOL = "graphql-transport-ws"
LIVE = """subscription($t: String!, $plan: UUID!, $node: UUID!, $phase: String) {
  rollupChanged(planTenant: $t, planId: $plan, node: $node, phase: $phase) {
    nodeId metrics { registrations unitsRegistered unitsInScope } freshness { tenant position } } }"""
ROLLUP = """query($t: String!, $plan: UUID!, $node: UUID!) {
  rollup(planTenant: $t, planId: $plan, node: $node) { metrics { registrations } } }"""


@pytest.fixture
async def registered_rolled_up(client, platform, registered, token, tenant_id):
    """`registered`, once the rollup's own read models know the plan (the fixture waits only
    for the registrations' read model)."""
    args = {"t": tenant_id, "plan": registered["plan"], "node": str(registered["district"])}
    async with ProjectionRunner(platform.db, poll_interval=0.05):
        for _ in range(400):
            _, body = await gql(client, ROLLUP, token("national", "national"), **args)
            if body.get("data") and body["data"]["rollup"]["metrics"]["registrations"] == 1:
                return registered
            await asyncio.sleep(0.05)
    raise TimeoutError(f"the rollup did not count the fixture's registration: {body}")


@pytest.fixture
async def server(admin_url):
    app = create_app(SETTINGS, admin_url)
    async with serving(app) as address:
        yield address, app


@asynccontextmanager
async def subscribed(address: str, variables: dict, payload: dict | None = None, headers: dict | None = None):
    """A connection, acknowledged, with one subscription (id "1") started."""
    async with connect(f"ws://{address}/graphql", subprotocols=[PROTOCOL], additional_headers=headers,
                       open_timeout=10) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": payload or {}}))
        assert json.loads(await asyncio.wait_for(ws.recv(), 10))["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe",
                                  "payload": {"query": LIVE, "variables": variables}}))
        yield ws


async def message(ws, timeout: float = 15.0) -> dict:
    return json.loads(await asyncio.wait_for(ws.recv(), timeout))


async def silence(ws, seconds: float) -> bool:
    try:
        extra = await message(ws, timeout=seconds)
    except TimeoutError:
        return True
    raise AssertionError(f"unexpected message: {extra}")


async def refusal(ws) -> list[str]:
    """The codes of a refused subscription, which must then end without any data."""
    reply = await message(ws)
    assert reply["type"] == "next" and reply["payload"]["data"] is None, reply
    assert (await message(ws)) == {"id": "1", "type": "complete"}
    return [e["extensions"]["code"] for e in reply["payload"]["errors"]]


def national(token) -> dict:
    return {"Authorization": f"Bearer {token('national', 'national')}"}


async def test_a_registration_pushes_the_nodes_new_figures_once_the_rollup_counts_it(
        client, platform, admin, registered_rolled_up, token, tenant_id, server):
    registered = registered_rolled_up
    address, app = server
    args = {"t": tenant_id, "plan": registered["plan"], "node": str(registered["district"])}
    async with subscribed(address, args, national(token)) as ws:
        first = await message(ws)
        assert first["type"] == "next" and first["id"] == "1", first
        assert first["payload"]["data"]["rollupChanged"]["metrics"]["registrations"] == 1
        unit = await create_unit(client, registered["officer"], registered["district"], "grassroots_union",
                                 "CĐCS Trường THCS Thanh Phước")
        response, body = await post(client, "/registrations", registered["officer"], {
            "plan_id": registered["plan"], "unit_id": str(unit), "phase": "90 ngày nước rút",
            "on": "2021-10-06", "targets": TARGETS})
        assert response.status_code == 201, body

        async with ProjectionRunner(platform.db, poll_interval=0.05):
            pushed = await message(ws)
            while pushed["payload"]["data"]["rollupChanged"]["metrics"]["registrations"] < 2:
                pushed = await message(ws)  # the new unit alone (unitsInScope) may come first
            rollup = pushed["payload"]["data"]["rollupChanged"]
            assert rollup["metrics"] == {"registrations": 2, "unitsRegistered": 2, "unitsInScope": 2}
            assert {f["tenant"]: f["position"] for f in rollup["freshness"]}[tenant_id] >= body["position"]

            # Once everything written is counted and pushed, a write elsewhere wakes the hub
            # but leaves these figures as they are: nothing is pushed.
            await wait_for(lambda: at_head(admin, tenant_id, "rollups"))
            for _ in range(10):  # what was still on its way
                if await _quiet(ws, 1.0):
                    break
            hub = app.state.live_rollups
            rounds = hub.rounds
            other = f"t-{uuid4().hex[:12]}"
            await provision(client, token(other, "platform_admin"), other)
            await wait_for(lambda: _true(hub.rounds > rounds))
            assert await silence(ws, 1.0), "pushed with figures unchanged"


async def _quiet(ws, seconds: float) -> bool:
    try:
        await message(ws, timeout=seconds)
    except TimeoutError:
        return True
    return False


async def _true(value: bool) -> bool:
    return value


async def test_the_subscription_has_the_rollup_querys_authorisation(client, registered_rolled_up, token, tenant_id,
                                                                     server):
    registered = registered_rolled_up
    address, _ = server
    args = {"t": tenant_id, "plan": registered["plan"], "node": str(registered["district"])}
    other_viewer = token(f"t-{uuid4().hex[:12]}", "viewer")
    _, answer = await gql(client, ROLLUP, other_viewer, **args)
    refused = codes(answer)
    assert refused and answer["data"] is None

    for payload, headers, code in (
            ({"Authorization": f"Bearer {other_viewer}"}, None, refused),  # no reach: the query's own refusal
            (None, None, ["UNAUTHENTICATED"]),  # no credentials at all
            ({"Authorization": "Bearer not-a-token"}, None, ["UNAUTHENTICATED"]),
            ({"Authorization": 42}, None, ["UNAUTHENTICATED"]),
            # connection_init's credentials replace the handshake's header
            ({"Authorization": f"Bearer {other_viewer}"}, national(token), refused)):
        async with subscribed(server[0], args, payload, headers) as ws:
            assert await refusal(ws) == code

    # The bearer header of the handshake also works, as for HTTP.
    async with subscribed(address, args, headers=national(token)) as ws:
        assert (await message(ws))["type"] == "next"


async def test_a_page_of_another_site_cannot_open_a_socket_with_the_users_cookies(server):
    address, _ = server
    with pytest.raises(InvalidStatus) as refused:
        async with connect(f"ws://{address}/graphql", subprotocols=[PROTOCOL], origin="http://evil.example"):
            pass
    assert refused.value.response.status_code == 403


async def test_disconnected_subscribers_are_forgotten(registered_rolled_up, token, tenant_id, server):
    registered = registered_rolled_up
    address, app = server
    hub = app.state.live_rollups
    args = {"t": tenant_id, "plan": registered["plan"], "node": str(registered["district"])}
    async with subscribed(address, args, national(token)) as one, subscribed(address, args, national(token)) as two:
        await message(one), await message(two)
        assert hub.subscribers == 2 and len(hub._watchers) == 1  # one read serves both
        async with subscribed(address, {**args, "node": str(registered["grassroots"])}, national(token)) as three:
            await message(three)
            assert hub.subscribers == 3 and len(hub._watchers) == 2
        await _until(lambda: hub.subscribers == 2)
        await one.send(json.dumps({"id": "1", "type": "complete"}))  # the client stops one subscription
        await _until(lambda: hub.subscribers == 1)
    await _until(lambda: hub.subscribers == 0 and not hub._watchers)


async def test_an_unknown_node_is_not_found_and_streams_nothing(registered_rolled_up, token, tenant_id, server):
    args = {"t": tenant_id, "plan": registered_rolled_up["plan"], "node": str(uuid4())}
    async with subscribed(server[0], args, national(token)) as ws:
        assert await refusal(ws) == ["NOT_FOUND"]
    await _until(lambda: server[1].state.live_rollups.subscribers == 0)


async def _until(condition, within_s: float = 10.0) -> None:
    for _ in range(int(within_s / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    assert condition()


async def test_a_phase_streams_that_phase_and_an_unknown_phase_is_not_found(registered_rolled_up, token, tenant_id,
                                                                          server):
    args = {"t": tenant_id, "plan": registered_rolled_up["plan"], "node": str(registered_rolled_up["district"])}
    async with subscribed(server[0], {**args, "phase": "90 ngày nước rút"}, national(token)) as ws:
        first = await message(ws)
        assert first["payload"]["data"]["rollupChanged"]["metrics"]["registrations"] == 1
    async with subscribed(server[0], {**args, "phase": "giai đoạn không có"}, national(token)) as ws:
        assert await refusal(ws) == ["NOT_FOUND"]
