"""Auditors over HTTP: an aggregate, the org tree and a rollup as of a moment; chain verification."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from uuid import UUID, uuid4

import pytest

from audit.jsonable import aggregate_to_dict
from audit.reads import list_reads
from domain.organisation import OrgUnit, UnitKind
from infra.records import NewEvent
from projections import queries
from projections.engine.runner import ProjectionRunner
from projections.read_models.scope import PlanRef
from services.context import CommandContext
from services.org_units import merge_unit
from tests.api.conftest import codes, gql
from tests.api.test_commands import province  # noqa: F401  (fixture)
from tests.api.test_read_queries import registered  # noqa: F401  (fixture)
from tests.projections import typed_rollup

STATE = """query($t: String, $s: UUID!, $at: DateTime, $v: Int) {
  aggregateState(tenant: $t, streamId: $s, asOf: $at, version: $v) { streamId aggregateType version state } }"""
TREE = "query($t: String, $u: UUID!, $d: Date) { orgTree(tenant: $t, unit: $u, asOf: $d) { id name depth } }"
ROLLUP = """query($t: String, $pt: String!, $p: UUID!, $n: UUID!, $d: Date) {
  rollup(tenant: $t, planTenant: $pt, planId: $p, node: $n, asOf: $d) { nodeId %s children { nodeId %s } } }""" % (
    (typed_rollup.METRICS,) * 2)
VERIFY = "query($t: String) { verifyChain(tenant: $t) { ok headPosition headHash firstBadPosition reason } }"
MERGED_ON = date(2025, 7, 1)


def auditor_of(token, *tenants: str) -> str:
    return token("kiem-toan", "auditor", audit_tenants=list(tenants), subject="kt-le-van-c")


@pytest.fixture
async def merged(platform, tenant_id):
    """Bình Phước merged into Đồng Nai on 2025-07-01 (through the org unit service)."""
    root = OrgUnit.create(tenant_id=tenant_id, kind=UnitKind.NATIONAL_BODY, name="Tổng Liên đoàn Lao động Việt Nam",
                          parent=None, effective=date(1929, 7, 28))
    bp = OrgUnit.create(tenant_id=tenant_id, kind=UnitKind.PROVINCE_FEDERATION, name="LĐLĐ tỉnh Bình Phước",
                        parent=root, effective=date(1997, 1, 1))
    dn = OrgUnit.create(tenant_id=tenant_id, kind=UnitKind.PROVINCE_FEDERATION, name="LĐLĐ tỉnh Đồng Nai",
                        parent=root, effective=date(1976, 1, 1))
    created = await platform.repository.save(tenant_id, root, bp, dn)
    await merge_unit(platform, tenant_id, CommandContext(actor="can-bo-to-chuc"), bp.id, successor_id=dn.id,
                     effective=MERGED_ON)
    merge_event = (await platform.store.read_stream(tenant_id, bp.id))[-1]
    return {"root": root.id, "bp": bp, "dn": dn.id, "created_at": created.recorded_at,
            "merged_at": merge_event.recorded_at}


async def test_state_as_of_a_moment_equals_the_state_then_across_a_merge(client, platform, token, tenant_id, merged):
    auditor, bp = auditor_of(token, tenant_id), merged["bp"]
    before = aggregate_to_dict(bp)  # the unit as created, never merged in memory
    after = aggregate_to_dict(await platform.repository.get(tenant_id, bp.id))
    for moment, expected in [(merged["created_at"], before), (merged["merged_at"], after)]:
        response, body = await gql(client, STATE, auditor, t=tenant_id, s=str(bp.id), at=moment.isoformat())
        assert response.status_code == 200, body
        assert body["data"]["aggregateState"]["state"] == expected
    assert before["end"] is None and after["end"] == "merged" and after["successor_ids"] == [str(merged["dn"])]
    _, by_version = await gql(client, STATE, auditor, t=tenant_id, s=str(bp.id), v=1)
    assert by_version["data"]["aggregateState"]["state"] == before
    assert by_version["data"]["aggregateState"]["aggregateType"].endswith(":OrgUnit")
    reads = await list_reads(platform.db, tenant_id)
    assert [(r.auditor, r.what) for r in reads] == [("kt-le-van-c", "state")] * 3


async def test_state_before_the_first_event_or_of_an_unknown_stream_is_not_found(client, token, tenant_id, merged):
    auditor = auditor_of(token, tenant_id)
    early = datetime(2000, 1, 1, tzinfo=UTC).isoformat()
    _, body = await gql(client, STATE, auditor, t=tenant_id, s=str(merged["bp"].id), at=early)
    assert codes(body) == ["NOT_FOUND"]
    _, body = await gql(client, STATE, auditor, t=tenant_id, s=str(uuid4()))
    assert codes(body) == ["NOT_FOUND"]
    _, body = await gql(client, STATE, auditor, t=tenant_id, s=str(merged["bp"].id), at=early, v=1)
    assert codes(body) == ["BAD_INPUT"]


async def _caught_up(platform, ready, within_s: float = 20.0) -> None:
    """Run the projection runner until `ready()` (an async predicate over the read models)."""
    async with ProjectionRunner(platform.db, poll_interval=0.05):
        deadline = asyncio.get_running_loop().time() + within_s
        while asyncio.get_running_loop().time() < deadline:
            if await ready():
                return
            await asyncio.sleep(0.1)
    raise TimeoutError("projections did not catch up")


async def test_an_auditor_reads_the_org_tree_as_of_a_date_across_the_merge(
        client, platform, token, tenant_id, other_tenant_id, merged):
    async def tree_ready() -> bool:
        return len(await queries.org_tree(platform.db, merged["root"], as_of=MERGED_ON, tenant=tenant_id)) == 2

    await _caught_up(platform, tree_ready)
    auditor = auditor_of(token, tenant_id)
    _, before = await gql(client, TREE, auditor, t=tenant_id, u=str(merged["root"]), d="2025-06-30")
    _, after = await gql(client, TREE, auditor, t=tenant_id, u=str(merged["root"]), d="2025-07-01")
    assert sorted(u["name"] for u in before["data"]["orgTree"]) == [
        "LĐLĐ tỉnh Bình Phước", "LĐLĐ tỉnh Đồng Nai", "Tổng Liên đoàn Lao động Việt Nam"]
    assert sorted(u["name"] for u in after["data"]["orgTree"]) == [
        "LĐLĐ tỉnh Đồng Nai", "Tổng Liên đoàn Lao động Việt Nam"]
    reads = await list_reads(platform.db, tenant_id)
    assert {(r.what, r.detail["as_of"]) for r in reads} == {("org_tree", "2025-06-30"), ("org_tree", "2025-07-01")}

    stranger = auditor_of(token, other_tenant_id)
    for tenant in (tenant_id, None):
        response, body = await gql(client, TREE, stranger, t=tenant, u=str(merged["root"]), d="2025-06-30")
        assert (response.status_code, codes(body)) == (404, ["NOT_FOUND"])


async def test_an_auditor_reads_a_rollup_as_of_a_date_for_a_granted_tenant(
        client, platform, token, tenant_id, other_tenant_id, registered):
    plan, node = UUID(registered["plan"]), registered["district"]
    async def as_of_rollup() -> dict:
        return await queries.rollup(platform.db, PlanRef(tenant_id, plan), node, as_of=date(2021, 10, 10),
                                    tenant=tenant_id)

    async def rollup_ready() -> bool:
        return (await as_of_rollup())["metrics"]["units_registered"] == 1

    await _caught_up(platform, rollup_ready)
    expected = await as_of_rollup()
    response, body = await gql(client, ROLLUP, auditor_of(token, tenant_id), t=tenant_id, pt=tenant_id,
                               p=str(plan), n=str(node), d="2021-10-10")
    assert response.status_code == 200, body
    rollup = typed_rollup.rollup(body["data"]["rollup"])
    assert rollup["metrics"]["units_registered"] == expected["metrics"]["units_registered"] == 1
    assert [c["nodeId"] for c in rollup["children"]] == [str(c["node_id"]) for c in expected["children"]]
    assert [r.what for r in await list_reads(platform.db, tenant_id)] == ["rollup"]
    response, body = await gql(client, ROLLUP, auditor_of(token, other_tenant_id), t=tenant_id, pt=tenant_id,
                               p=str(plan), n=str(node), d="2021-10-10")
    assert codes(body) == ["NOT_FOUND"] and "units_registered" not in response.text


async def test_verify_chain_reports_the_head_then_names_a_tampered_position(client, platform, admin, token, tenant_id):
    for n in range(3):
        await platform.store.append(tenant_id, uuid4(), 0, [NewEvent("tests.auditor:Noted", f'{{"n": {n}}}')], {})
    auditor = auditor_of(token, tenant_id)
    _, body = await gql(client, VERIFY, auditor, t=tenant_id)
    head = await platform.store.head(tenant_id)
    assert body["data"]["verifyChain"] == {"ok": True, "headPosition": 3, "headHash": head.hash.hex(),
                                           "firstBadPosition": None, "reason": ""}
    await admin.execute("UPDATE events SET body = '{\"n\": 99}' WHERE tenant_id = $1 AND position = 2", tenant_id)
    _, body = await gql(client, VERIFY, auditor, t=tenant_id)
    report = body["data"]["verifyChain"]
    assert (report["ok"], report["firstBadPosition"], report["headPosition"]) == (False, 2, 1)
    assert "hash" in report["reason"]
    assert [r.detail["ok"] for r in await list_reads(platform.db, tenant_id)] == [False, True]
