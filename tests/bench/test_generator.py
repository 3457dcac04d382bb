"""The national data generator: seeded shape, real domain events, written through the store."""

from __future__ import annotations

from uuid import uuid4

from bench.generator import generate
from bench.national import FULL, QUICK, Scale, shape
from domain.plan import Plan

TINY = Scale(grassroots=120, upper_unions=49, report_days=2, nominations_per_upper=1)


def test_full_scale_has_49_member_tenants_1000_upper_unions_and_100000_grassroots_units():
    tenants = shape(FULL)
    assert len(tenants) == 49
    assert sum(len(t.grassroots_per_upper) for t in tenants) == 1_000
    assert sum(sum(t.grassroots_per_upper) for t in tenants) == 100_000
    assert [t.kind for t in tenants].count("province_federation") == 34


def test_same_seed_gives_the_same_country_and_another_seed_a_different_one():
    assert shape(QUICK) == shape(QUICK)
    assert shape(QUICK) != shape(Scale(grassroots=1_000, upper_unions=98, seed=7))


async def test_generated_events_are_the_domain_events_and_load_as_aggregates(platform, admin):
    prefix = f"g{uuid4().hex[:6]}-"

    data = await generate(platform, TINY, prefix)

    rows = await admin.fetch("SELECT topic, count(*) AS n FROM events WHERE tenant_id LIKE $1 || '%'"
                             " GROUP BY topic", prefix)
    counts = {r["topic"].rsplit(".", 1)[-1]: r["n"] for r in rows}
    assert counts["UnitRegistered"] == 120
    assert counts["ReportSubmitted"] == 120 * 2
    assert counts["AwardDecided"] == 49
    assert counts["PlanLaunched"] == 50
    assert sum(counts.values()) == data.events
    tenant = data.tenants[0]
    plan = await platform.repository.get(tenant, data.plan_ids[tenant])
    assert isinstance(plan, Plan) and plan.status == "launched"
    assert plan.parent_links[0].plan_id == data.national_plan_id
