from __future__ import annotations

from datetime import date

from infra.platform import Platform
from projections.queries import NATIONAL, PlanRef, rollup
from tests.projections import builders as b


async def test_rollup_counts_a_province_cascade_at_every_level(platform: Platform, project, tenant_id: str,
                                                               other_tenant_id: str) -> None:
    repo, nat_tenant = platform.repository, other_tenant_id
    national = b.unit(nat_tenant, "national_body", "Tổng LĐLĐ", None)
    province = b.unit(tenant_id, "province_federation", "LĐLĐ tỉnh Bình Phước", national)
    commune = b.unit(tenant_id, "commune_union", "CĐ xã Phú Riềng", province)
    g1 = b.unit(tenant_id, "grassroots_union", "CĐCS A", commune, enterprise=True)
    g2 = b.unit(tenant_id, "grassroots_union", "CĐCS B", commune)
    await repo.save(nat_tenant, national)
    await repo.save(tenant_id, province, commune, g1, g2)
    root = b.plan(nat_tenant, national.id)
    child = b.plan(tenant_id, province.id, parent=(nat_tenant, root.id))
    await repo.save(nat_tenant, root)
    await repo.save(tenant_id, child)
    reg = b.registration(tenant_id, child.id, g1.id, late=True, targets={"hỗ trợ": 5}, initiatives=2)
    reg.record_result("hỗ trợ", 6, date(2025, 3, 1))
    await repo.save(tenant_id, reg,
                    b.report(tenant_id, child.id, g1.id, date(2025, 1, 5), members=12, funds=5_000_000,
                             models={"ATM gạo": 1}))
    await project(tenant_id, nat_tenant)

    result = await rollup(platform.db, PlanRef(nat_tenant, root.id), national.id, tenant=NATIONAL,
                          today=date(2025, 1, 20))
    m = result["metrics"]
    assert (m["units_in_scope"], m["units_registered"], m["registrations_late"]) == (2, 1, 1)
    assert (m["targets_registered"], m["targets_met"], m["registration_rate"]) == (1, 1, 0.5)
    assert (m["members_supported"], m["funds_mobilised"], m["models_by_type"]) == (12, 5_000_000, {"ATM gạo": 1})
    assert (m["reports_due"], m["reports_on_time"], m["reports_missing"]) == (2, 1, 1)
    assert [c["node_id"] for c in result["children"]] == [province.id]
    assert result["children"][0]["metrics"]["units_registered"] == 1
