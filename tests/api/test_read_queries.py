from __future__ import annotations

import asyncio
from uuid import UUID

import pytest

from projections import queries
from projections.engine.runner import ProjectionRunner
from tests.api.conftest import codes, gql
from tests.api.story import post
from tests.api.test_commands import TARGETS, _launched_plan, province  # noqa: F401  (fixture)
from tests.projections import typed_rollup

TREE = "query($unit: UUID!) { orgTree(unit: $unit) { name kind depth } }"
REGS = """query($plan: UUID!) {
  registrations(planId: $plan) { nodes { unitId targets { indicator amount } workItems initiatives } } }"""
ROLLUP = """query($t: String!, $plan: UUID!, $node: UUID!) {
  rollup(planTenant: $t, planId: $plan, node: $node) { nodeId %s children { name %s } } }""" % (
    (typed_rollup.METRICS,) * 2)


@pytest.fixture
async def registered(client, platform, province, tenant_id):
    plan_id = await _launched_plan(client, province)
    response, body = await post(client, "/registrations", province["officer"], {
        "plan_id": plan_id, "unit_id": str(province["grassroots"]), "phase": "90 ngày nước rút",
        "on": "2021-10-05", "targets": TARGETS, "work_items": ["Trao 200 suất quà", "Hỗ trợ tiêm vắc xin"],
        "initiatives": ["ATM gạo"]})
    assert response.status_code == 201, body
    await _caught_up(platform, tenant_id, plan_id)
    return {**province, "plan": plan_id}


async def _caught_up(platform, tenant: str, plan_id: str, within_s: float = 20.0) -> None:
    """Run the projection runner until the registration shows in the read model."""
    async with ProjectionRunner(platform.db, poll_interval=0.05):
        deadline = asyncio.get_running_loop().time() + within_s
        while asyncio.get_running_loop().time() < deadline:
            if await queries.registrations(platform.db, tenant, UUID(plan_id)):
                return
            await asyncio.sleep(0.1)
    raise TimeoutError("projections did not catch up")


async def test_a_viewer_reads_its_org_tree_and_registrations(client, registered, token, tenant_id):
    viewer = token(tenant_id, "viewer")
    _, tree = await gql(client, TREE, viewer, unit=str(registered["root"]))
    assert [u["depth"] for u in tree["data"]["orgTree"]] == [0, 1, 2]
    _, regs = await gql(client, REGS, viewer, plan=registered["plan"])
    assert [r["unitId"] for r in regs["data"]["registrations"]["nodes"]] == [str(registered["grassroots"])]
    registration = regs["data"]["registrations"]["nodes"][0]
    assert registration["targets"] == [{"indicator": "members_supported", "amount": "100"}]
    assert registration["workItems"] == ["Trao 200 suất quà", "Hỗ trợ tiêm vắc xin"]
    assert registration["initiatives"] == ["ATM gạo"]


async def test_another_tenants_viewer_sees_nothing_of_it(client, registered, token, other_tenant_id):
    stranger = token(other_tenant_id, "viewer")
    _, tree = await gql(client, TREE, stranger, unit=str(registered["root"]))
    assert tree["data"]["orgTree"] == []
    _, regs = await gql(client, REGS, stranger, plan=registered["plan"])
    assert regs["data"]["registrations"]["nodes"] == []
    response, _ = await gql(client, REGS, stranger, plan=registered["plan"])
    assert registered["plan"] not in response.text


async def test_the_national_role_reads_rollups_but_no_personal_data(client, registered, token, tenant_id):
    national = token("national", "national")
    response, body = await gql(client, ROLLUP, national, t=tenant_id, plan=registered["plan"],
                               node=str(registered["district"]))
    assert response.status_code == 200, body
    assert body["data"]["rollup"]["nodeId"] == str(registered["district"])
    response, body = await gql(client, REGS, national, plan=registered["plan"])
    assert codes(body) == ["FORBIDDEN"]
    response, body = await gql(client, "query($plan: UUID!) { nominations(planId: $plan) { nodes { id } } }", national,
                               plan=registered["plan"])
    assert codes(body) == ["FORBIDDEN"]
