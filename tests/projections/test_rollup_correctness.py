"""What a rollup counts: each unit once per root campaign, units only of the cascade's
tenants, plans "căn cứ" (based on) the root by default, every metric present, registrations
by phase, NOT_FOUND for what does not exist, and how fresh the answer is."""

from __future__ import annotations

import asyncio
from datetime import date
from uuid import uuid4

import pytest

from infra.platform import Platform
from projections.queries import NATIONAL, PlanRef, rollup
from projections.rollup.errors import RollupNotFound
from projections.rollup.reads import COUNTS
from tests.projections import builders as b

TODAY = date(2025, 1, 20)


async def _campaign(platform: Platform, project, nat: str, province_tenant: str, outsider: str):
    """National plan; a province plan implementing it and a district plan implementing the
    province's; a sector plan "based on" the national one; an outside tenant with no plan."""
    repo = platform.repository
    national = b.unit(nat, "national_body", "Tổng LĐLĐ", None)
    province = b.unit(province_tenant, "province_federation", "LĐLĐ tỉnh Tây Ninh", national)
    district = b.unit(province_tenant, "commune_union", "LĐLĐ huyện Gò Dầu", province)
    units = [b.unit(province_tenant, "grassroots_union", f"CĐCS {i}", district) for i in range(3)]
    department = b.unit(outsider, "province_federation", "Sở LĐTBXH", national)
    division = b.unit(outsider, "commune_union", "Phòng", department)
    outside_units = [b.unit(outsider, "grassroots_union", f"Tổ {i}", division) for i in range(4)]
    await repo.save(nat, national)
    await repo.save(province_tenant, province, district, *units)
    await repo.save(outsider, department, division, *outside_units)
    root = b.plan(nat, national.id)
    province_plan = b.plan(province_tenant, province.id, parent=(nat, root.id))
    district_plan = b.plan(province_tenant, district.id, parent=(province_tenant, province_plan.id))
    sector_plan = b.plan(province_tenant, province.id, parent=(nat, root.id), relation="based_on")
    await repo.save(nat, root)
    await repo.save(province_tenant, province_plan, district_plan, sector_plan)
    return root, national, province, units, (province_plan, district_plan, sector_plan)


async def test_a_unit_registered_for_several_plans_of_one_campaign_counts_once(
        platform: Platform, project, tenant_id: str, other_tenant_id: str) -> None:
    nat, outsider = other_tenant_id, f"t-{uuid4().hex[:12]}"
    root, national, province, units, (p_plan, d_plan, s_plan) = await _campaign(
        platform, project, nat, tenant_id, outsider)
    repo = platform.repository
    # Unit 0: the province's plan, then the district's (two phases) and the sector's.
    await repo.save(tenant_id, b.registration(tenant_id, p_plan.id, units[0].id, phase="Đợt 1"),
                    b.registration(tenant_id, d_plan.id, units[0].id, phase="Đợt 1"),
                    b.registration(tenant_id, d_plan.id, units[0].id, phase="Đợt 2"),
                    b.registration(tenant_id, s_plan.id, units[0].id, phase="Đợt 1"),
                    b.registration(tenant_id, d_plan.id, units[1].id, phase="Đợt 2"))
    await project(nat, tenant_id, outsider)

    m = (await rollup(platform.db, PlanRef(nat, root.id), national.id, tenant=NATIONAL, today=TODAY))["metrics"]
    # 2 of 3 units registered, though 5 registrations; the outside tenant's 4 units are not in scope.
    assert (m["units_registered"], m["registrations"], m["units_in_scope"]) == (2, 5, 3)
    assert m["registration_rate"] == round(2 / 3, 4)
    assert m["registrations_by_phase"] == {"Đợt 1": 3, "Đợt 2": 2}
    # Only implements: the sector plan (based on) is left out, still one count per unit.
    only = await rollup(platform.db, PlanRef(nat, root.id), national.id, tenant=NATIONAL, today=TODAY,
                        relations=["implements"])
    assert (only["metrics"]["units_registered"], only["metrics"]["registrations"]) == (2, 4)
    # The district's plan alone: unit 0 registered for the province's first, still counts here.
    district = await rollup(platform.db, PlanRef(tenant_id, d_plan.id), national.id, tenant=NATIONAL, today=TODAY)
    assert (district["metrics"]["units_registered"], district["metrics"]["registrations"]) == (2, 3)
    # The outside tenant is no child of the national node in this campaign.
    got = await rollup(platform.db, PlanRef(nat, root.id), national.id, tenant=NATIONAL, today=TODAY)
    assert [c["node_id"] for c in got["children"]] == [province.id]


async def test_every_metric_is_present_and_unknown_plans_or_nodes_are_not_found(
        platform: Platform, project, tenant_id: str, other_tenant_id: str) -> None:
    nat, outsider = other_tenant_id, f"t-{uuid4().hex[:12]}"
    root, national, province, units, _ = await _campaign(platform, project, nat, tenant_id, outsider)
    await project(nat, tenant_id, outsider)
    got = await rollup(platform.db, PlanRef(nat, root.id), national.id, tenant=NATIONAL, today=TODAY)
    for metrics in [got["metrics"], *(c["metrics"] for c in got["children"])]:
        assert set(COUNTS) <= set(metrics) and all(metrics[k] == 0 for k in COUNTS if k != "units_in_scope")
        assert metrics["registration_rate"] == 0.0 and metrics["nominations_by_state"] == {}
    with pytest.raises(RollupNotFound):
        await rollup(platform.db, PlanRef(nat, uuid4()), national.id, tenant=NATIONAL, today=TODAY)
    with pytest.raises(RollupNotFound):
        await rollup(platform.db, PlanRef(nat, root.id), uuid4(), tenant=NATIONAL, today=TODAY)
    with pytest.raises(RollupNotFound):
        await rollup(platform.db, PlanRef(nat, root.id), uuid4(), tenant=NATIONAL, as_of=TODAY)


async def test_a_rollup_says_how_fresh_it_is_and_waits_for_a_clients_own_write(
        platform: Platform, project, tenant_id: str, other_tenant_id: str) -> None:
    nat, outsider = other_tenant_id, f"t-{uuid4().hex[:12]}"
    root, national, province, units, (p_plan, _, _) = await _campaign(platform, project, nat, tenant_id, outsider)
    await project(nat, tenant_id, outsider)
    ref = PlanRef(nat, root.id)
    before = await rollup(platform.db, ref, national.id, tenant=NATIONAL, today=TODAY)
    fresh = {f.tenant_id: f for f in before["freshness"]}
    assert set(fresh) == {nat, tenant_id}  # the cascade's tenants
    assert all(f.lag_events == 0 and f.lag_seconds == 0.0 and f.position == f.head > 0 for f in fresh.values())

    await platform.repository.save(tenant_id, b.registration(tenant_id, p_plan.id, units[2].id))
    head = fresh[tenant_id].head + 1
    stale = await rollup(platform.db, ref, national.id, tenant=NATIONAL, today=TODAY,
                         after={tenant_id: head}, wait_s=0.05)
    lagging = {f.tenant_id: f for f in stale["freshness"]}[tenant_id]
    assert stale["includes_after"] is False and stale["metrics"]["units_registered"] == 0
    assert (lagging.position, lagging.head, lagging.lag_events) == (head - 1, head, 1) and lagging.lag_seconds > 0

    # The runner catches up while the read waits for the client's position.

    waiting = asyncio.create_task(rollup(platform.db, ref, national.id, tenant=NATIONAL, today=TODAY,
                                         after={tenant_id: head}, wait_s=5))
    await asyncio.sleep(0.1)
    assert not waiting.done()
    await project(tenant_id)
    after = await waiting
    assert after["includes_after"] is True and after["metrics"]["units_registered"] == 1


async def test_as_of_a_day_counts_only_the_facts_effective_by_then(
        platform: Platform, project, tenant_id: str, other_tenant_id: str) -> None:
    nat, outsider = other_tenant_id, f"t-{uuid4().hex[:12]}"
    root, national, province, units, (p_plan, _, _) = await _campaign(platform, project, nat, tenant_id, outsider)
    reg = b.registration(tenant_id, p_plan.id, units[0].id, targets={"hỗ trợ": 5})
    reg.record_result("hỗ trợ", 6, date(2025, 3, 1))
    nomination = b.nomination(tenant_id, p_plan.id, units[0].id, province.id)
    nomination._submit(date(2025, 2, 1), False)
    nomination._decide("1/QĐ", date(2025, 4, 1), "Chủ tịch", "province", "bang_khen")
    nomination._revoke("sai sót", date(2025, 6, 1))
    await platform.repository.save(tenant_id, reg, nomination,
                                   b.report(tenant_id, p_plan.id, units[0].id, date(2025, 2, 5), members=7))
    await project(nat, tenant_id, outsider)
    ref = PlanRef(nat, root.id)

    async def at(day: date) -> dict:
        return (await rollup(platform.db, ref, national.id, tenant=NATIONAL, as_of=day))["metrics"]

    before = await at(date(2024, 12, 31))  # the units exist from 2025-01-01
    assert before["units_in_scope"] == 0 and before["registrations"] == 0
    jan = await at(date(2025, 1, 10))
    assert (jan["units_in_scope"], jan["units_registered"], jan["targets_met"], jan["reports"]) == (3, 1, 0, 0)
    assert jan["nominations_by_state"] == {}  # drafted when recorded (today), submitted in February
    march = await at(date(2025, 3, 15))
    assert (march["targets_met"], march["reports"], march["members_supported"]) == (1, 1, 7)
    assert march["nominations_by_state"] == {"submitted": 1} and march["awards_by_form"] == {}
    april = await at(date(2025, 4, 30))
    assert april["awards_by_form"] == {"bang_khen": 1} and april["nominations_by_state"] == {"decided": 1}
    assert (await at(date(2025, 7, 1)))["awards_by_form"] == {}
    now = (await rollup(platform.db, ref, national.id, tenant=NATIONAL))["metrics"]
    assert now["awards_by_form"] == {} and now["nominations_by_state"] == {"revoked": 1}
