"""The typed rollup over HTTP: read-your-writes by a command's position, freshness, and the
coded errors (NOT_FOUND, BAD_INPUT) instead of a rollup of zeros."""

from __future__ import annotations

from uuid import uuid4

from tests.api.conftest import codes, gql
from tests.api.test_commands import TARGETS, _launched_plan, province  # noqa: F401  (fixture)
from tests.api.test_read_queries import registered  # noqa: F401  (fixture)
from tests.api.story import create_unit, post
from tests.projections.helpers import start_runner

ROLLUP = """query($t: String!, $plan: UUID!, $node: UUID!, $after: [LogPosition!], $wait: Int! = 2000) {
  rollup(planTenant: $t, planId: $plan, node: $node, after: $after, waitMs: $wait) {
    metrics { registrations unitsRegistered registrationsByPhase { name count } }
    freshness { tenant position head lagEvents lagSeconds } includesAfter } }"""


async def test_a_client_reads_its_own_write_by_the_position_the_command_replied(
        client, platform, registered, token, tenant_id):
    national = token("national", "national")
    args = {"t": tenant_id, "plan": registered["plan"], "node": str(registered["district"])}
    unit = await create_unit(client, registered["officer"], registered["district"], "grassroots_union",
                             "CĐCS Trường THCS Thanh Phước")
    response, body = await post(client, "/registrations", registered["officer"], {
        "plan_id": registered["plan"], "unit_id": str(unit), "phase": "90 ngày nước rút",
        "on": "2021-10-06", "targets": TARGETS})
    assert response.status_code == 201, body
    after = [{"tenant": tenant_id, "position": body["position"]}]

    # No runner (one ran for the fixture): the answer says it does not include the write, and how far behind it is.
    _, stale = await gql(client, ROLLUP, national, **args, after=after, wait=50)
    rollup = stale["data"]["rollup"]
    fresh = {f["tenant"]: f for f in rollup["freshness"]}[tenant_id]
    assert rollup["includesAfter"] is False and rollup["metrics"]["registrations"] <= 1
    assert fresh["head"] == body["position"] and fresh["lagEvents"] >= 1 and fresh["lagSeconds"] > 0

    # A runner in its own process, as `thidua serve` runs it: the read waits for its catch-up.
    runner = start_runner(platform.db.admin_url)
    try:
        _, waited = await gql(client, ROLLUP, national, **args, after=after, wait=10_000)
    finally:
        runner.terminate()
        runner.wait(timeout=10)
    rollup = waited["data"]["rollup"]
    assert rollup["includesAfter"] is True, rollup
    assert (rollup["metrics"]["registrations"], rollup["metrics"]["unitsRegistered"]) == (2, 2)
    assert rollup["metrics"]["registrationsByPhase"] == [{"name": "90 ngày nước rút", "count": 2}]
    assert {f["tenant"]: f for f in rollup["freshness"]}[tenant_id]["position"] >= body["position"]


async def test_unknown_plans_or_nodes_and_bad_waits_are_coded_errors(client, registered, token, tenant_id):
    national = token("national", "national")
    args = {"t": tenant_id, "plan": registered["plan"], "node": str(registered["district"])}
    _, body = await gql(client, ROLLUP, national, **{**args, "node": str(uuid4())})
    assert codes(body) == ["NOT_FOUND"] and body["data"] is None
    _, body = await gql(client, ROLLUP, national, **{**args, "plan": str(uuid4())})
    assert codes(body) == ["NOT_FOUND"]
    _, body = await gql(client, ROLLUP, national, **args, wait=60_000)
    assert codes(body) == ["BAD_INPUT"]
    _, body = await gql(client, ROLLUP, national, **args, after=[{"tenant": tenant_id, "position": -1}])
    assert codes(body) == ["BAD_INPUT"]
    _, body = await gql(client, ROLLUP, national, **args, after=[{"tenant": "Not A Tenant!", "position": 1}])
    assert codes(body) == ["BAD_INPUT"]
