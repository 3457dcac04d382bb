"""The demo loads into an empty database through the services, once."""

from __future__ import annotations

from demo import ids, load_demo
from projections import queries
from projections.read_models.scope import PlanRef
from tenants import registry

TENANTS = {ids.NATIONAL, ids.BINH_PHUOC, ids.TAY_NINH, ids.KIEN_GIANG, ids.GIAO_DUC, ids.SO_LDTBXH}


async def event_count(platform) -> int:
    conn = await __import__("asyncpg").connect(platform.db.admin_url)
    try:
        return await conn.fetchval("SELECT count(*) FROM events")
    finally:
        await conn.close()


async def test_demo_loads_every_tenant_with_its_plans_into_an_empty_database(demo_platform):
    platform, loaded = demo_platform
    assert loaded is not None and loaded.written > 100
    assert {t.tenant_id for t in await registry.list_tenants(platform.db)} == TENANTS
    assert loaded.plans[f"{ids.NATIONAL}/130"] == ids.NATIONAL_PLAN
    assert len(loaded.plans) == 10


async def test_loading_the_demo_again_writes_nothing(demo_platform):
    platform, _ = demo_platform
    before = await event_count(platform)
    assert await load_demo(platform) is None  # the registry is not empty
    again = await load_demo(platform, force=True)  # every step replays its idempotency key
    assert again is not None and again.written == 0
    assert await event_count(platform) == before


async def test_registrations_reports_and_awards_show_in_the_read_models(caught_up):
    platform = caught_up
    seed_001 = ids.plan_id(ids.TAY_NINH, "seed_001")
    assert len(await queries.registrations(platform.db, ids.TAY_NINH, seed_001)) == 5
    nominations = await queries.nominations(platform.db, ids.TAY_NINH, seed_001)
    statuses = sorted(n["status"] for n in nominations)
    assert statuses == ["decided", "decided", "decided", "submitted", "voted"]
    quota = await queries.quota_use(platform.db, ids.TAY_NINH, seed_001)
    assert [(q["used"], q["quota_limit"]) for q in quota] == [(3, 4)]


async def test_national_rollup_breaks_the_covid_campaign_down_by_province(caught_up):
    rollup = await queries.rollup(caught_up.db, PlanRef(ids.NATIONAL, ids.NATIONAL_PLAN), ids.NATIONAL_ROOT)
    by_name = {c["name"]: c["metrics"] for c in rollup["children"]}
    for province in ("Liên đoàn Lao động tỉnh Bình Phước", "Liên đoàn Lao động tỉnh Tây Ninh",
                     "Liên đoàn Lao động tỉnh Kiên Giang"):
        assert by_name[province]["registrations"] > 0, (province, by_name)
    assert rollup["metrics"]["registrations"] == sum(m.get("registrations", 0) for m in by_name.values())
    assert by_name["Liên đoàn Lao động tỉnh Tây Ninh"]["awards_by_form"] == {"bk_bch_ldld_tinh": 3}
