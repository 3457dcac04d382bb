"""`rollup(phase: ...)` over GraphQL against projected data: every metric family counted for
that phase only (registrations and their targets and results, reports, nominations, awards),
units in scope the same in every phase, the phases adding up to the totals, now and as of a
day; a phase the root plan does not have is NOT_FOUND."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from infra.platform import Platform
from projections.engine.batch import catch_up
from projections.registry import all_projections
from tests.api.conftest import codes, gql
from tests.projections import builders as b
from tests.projections.typed_rollup import METRICS, metrics

PHASES = [("Đợt 1", date(2025, 1, 1), date(2025, 3, 31)), ("Đợt 2", date(2025, 4, 1), date(2025, 6, 30))]
QUERY = """query($t: String!, $plan: UUID!, $node: UUID!, $phase: String, $asOf: Date) {
  rollup(planTenant: $t, planId: $plan, node: $node, phase: $phase, asOf: $asOf) { %s } }""" % METRICS


@pytest.fixture
async def campaign(platform: Platform, tenant_id: str, other_tenant_id: str) -> dict:
    """A national plan in two phases, a province's plan implementing it, three grassroots
    units: A in phase 1, B in phase 2, C in both (registrations, results, reports,
    nominations); A's nomination decided, C's phase-2 one submitted."""
    repo, nat, prov = platform.repository, other_tenant_id, tenant_id
    national = b.unit(nat, "national_body", "Tổng LĐLĐ", None)
    province = b.unit(prov, "province_federation", "LĐLĐ tỉnh Tây Ninh", national)
    a, bb, c = (b.unit(prov, "grassroots_union", f"CĐCS {n}", province) for n in "ABC")
    root = b.plan(nat, national.id, phases=PHASES)
    plan = b.plan(prov, province.id, parent=(nat, root.id), phases=PHASES)
    await repo.save(nat, national, root)
    await repo.save(prov, province, a, bb, c, plan)
    registrations = [
        b.registration(prov, plan.id, a.id, phase="Đợt 1", targets={"x": 5, "y": 9}, initiatives=1),
        b.registration(prov, plan.id, bb.id, phase="Đợt 2", late=True, targets={"x": 3}),
        b.registration(prov, plan.id, c.id, phase="Đợt 1", targets={"x": 1}),
        b.registration(prov, plan.id, c.id, phase="Đợt 2", targets={"x": 2, "y": 2, "z": 2}, initiatives=2)]
    registrations[0].record_result("x", 6, date(2025, 2, 1))  # met (phase 1)
    registrations[3].record_result("y", 2, date(2025, 5, 1))  # met (phase 2)
    registrations[3].record_result("z", 1, date(2025, 5, 1))  # not met
    await repo.save(prov, *registrations)
    await repo.save(prov, b.report(prov, plan.id, a.id, date(2025, 2, 5), members=4, models={"ATM gạo": 1}),
                    b.report(prov, plan.id, c.id, date(2025, 3, 5), late=True, members=1),
                    b.report(prov, plan.id, bb.id, date(2025, 5, 5), members=10, funds=500,
                             models={"Bếp ăn": 2}),
                    b.report(prov, plan.id, c.id, date(2025, 6, 15), members=3, initiatives=1))
    decided = b.nomination(prov, plan.id, a.id, province.id, form="bang_khen", phase="Đợt 1")
    decided._submit(date(2025, 3, 1), False)
    decided._receive(date(2025, 3, 2))
    decided._decide("QĐ 1", date(2025, 3, 20), "Chủ tịch", "province_chair", "bang_khen")
    submitted = b.nomination(prov, plan.id, c.id, province.id, form="giay_khen", phase="Đợt 2")
    submitted._submit(date(2025, 6, 1), False)
    await repo.save(prov, decided, submitted)
    for projection in all_projections():
        for tenant in (nat, prov):
            await catch_up(platform.db, projection, tenant)
    return {"t": nat, "plan": str(root.id), "node": str(national.id), "province": str(province.id)}


async def _rollup(client, token, campaign: dict, phase: str | None, as_of: str | None = None,
                  node: str | None = None) -> dict:
    _, body = await gql(client, QUERY, token("national", "national"), t=campaign["t"], plan=campaign["plan"],
                        node=node or campaign["node"], phase=phase, asOf=as_of)
    assert not body.get("errors"), body
    return metrics(body["data"]["rollup"]["metrics"])


async def test_every_metric_family_is_counted_for_the_phase_asked(client, token, campaign) -> None:
    one, two = [await _rollup(client, token, campaign, p) for p in ("Đợt 1", "Đợt 2")]
    # registrations, their targets and results
    assert (one["registrations"], one["units_registered"], one["registrations_late"]) == (2, 2, 0)
    assert (two["registrations"], two["units_registered"], two["registrations_late"]) == (2, 2, 1)
    assert (one["targets_registered"], one["targets_met"], one["initiatives_registered"]) == (3, 1, 1)
    assert (two["targets_registered"], two["targets_met"], two["initiatives_registered"]) == (4, 1, 2)
    assert one["registrations_by_phase"] == {"Đợt 1": 2} and two["registrations_by_phase"] == {"Đợt 2": 2}
    # reports, by the phase their reporting day falls in
    assert (one["reports"], one["reports_on_time"], one["reports_late"]) == (2, 1, 1)
    assert (one["members_supported"], one["models_by_type"]) == (5, {"ATM gạo": 1})
    assert (two["reports"], two["members_supported"], two["funds_mobilised"], two["initiatives"]) == (2, 13, 500, 1)
    assert two["models_by_type"] == {"Bếp ăn": 2}
    # nominations and awards
    assert one["nominations_by_state"] == {"decided": 1} and one["awards_by_form"] == {"bang_khen": 1}
    assert two["nominations_by_state"] == {"submitted": 1} and two["awards_by_form"] == {}
    # units in scope do not depend on the phase; the rate follows the phase's units
    assert one["units_in_scope"] == two["units_in_scope"] == 3
    assert one["registration_rate"] == round(2 / 3, 4)


async def test_the_phases_add_up_to_the_totals_now_and_as_of_a_day(client, token, campaign) -> None:
    for as_of in (None, "2025-03-31"):
        total = await _rollup(client, token, campaign, None, as_of)
        phases = [await _rollup(client, token, campaign, p, as_of) for p in ("Đợt 1", "Đợt 2")]
        for metric in ("registrations", "registrations_late", "targets_registered", "targets_met", "reports",
                       "reports_late", "members_supported", "funds_mobilised", "initiatives"):
            assert total[metric] == sum(p[metric] for p in phases), (metric, as_of)
        for group in ("models_by_type", "nominations_by_state", "awards_by_form", "registrations_by_phase"):
            summed = Counter()
            for p in phases:
                summed.update(p[group])
            assert total[group] == dict(summed), (group, as_of)
        # a unit registered in both phases counts once in the totals, once in each phase
        assert (total["units_registered"], [p["units_registered"] for p in phases]) == (3, [2, 2])
    early = await _rollup(client, token, campaign, "Đợt 2", "2025-03-31")
    assert (early["registrations"], early["reports"]) == (2, 0)  # registered on DAY0, no phase-2 report yet


async def test_a_phase_the_plan_does_not_have_is_not_found(client, token, campaign) -> None:
    _, body = await gql(client, QUERY, token("national", "national"), t=campaign["t"], plan=campaign["plan"],
                        node=campaign["node"], phase="Đợt 9")
    assert codes(body) == ["NOT_FOUND"] and body["data"] is None
