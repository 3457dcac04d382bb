"""The rollup projection keeps a tenant's tree between batches: only while the checkpoint is
where this instance left it; another runner's batch in between makes it reload."""

from __future__ import annotations

from datetime import date

from infra.platform import Platform
from projections.engine.batch import catch_up
from projections.queries import NATIONAL, PlanRef, rollup
from projections.registry import all_projections
from projections.rollup.projection import RollupsProjection
from tests.projections import builders as b


async def test_a_move_applied_by_another_runner_is_seen_by_a_runner_that_kept_the_old_tree(
        platform: Platform, tenant_id: str, other_tenant_id: str) -> None:
    repo, db, nat_tenant = platform.repository, platform.db, other_tenant_id
    national = b.unit(nat_tenant, "national_body", "Tổng LĐLĐ", None)
    province = b.unit(tenant_id, "province_federation", "LĐLĐ tỉnh Bình Phước", national)
    east = b.unit(tenant_id, "commune_union", "CĐ xã Phú Riềng", province)
    west = b.unit(tenant_id, "commune_union", "CĐ xã Bù Nho", province)
    unit = b.unit(tenant_id, "grassroots_union", "CĐCS A", east)
    await repo.save(nat_tenant, national)
    await repo.save(tenant_id, province, east, west, unit)
    root = b.plan(nat_tenant, national.id)
    child = b.plan(tenant_id, province.id, parent=(nat_tenant, root.id))
    await repo.save(nat_tenant, root)
    await repo.save(tenant_id, child)
    await repo.save(tenant_id, b.report(tenant_id, child.id, unit.id, date(2025, 1, 5), members=10))
    for projection in all_projections():
        for tenant in (nat_tenant, tenant_id):
            await catch_up(db, projection, tenant, 3)
    mine, theirs = RollupsProjection(), RollupsProjection()
    await catch_up(db, mine, tenant_id, 3)  # already caught up: `mine` now keeps the tree

    unit.move(west, date(2025, 2, 1))
    await repo.save(tenant_id, unit)
    await catch_up(db, theirs, tenant_id, 3)  # another runner applies the move
    await repo.save(tenant_id, b.report(tenant_id, child.id, unit.id, date(2025, 2, 5), members=5))
    await catch_up(db, mine, tenant_id, 3)

    ref = PlanRef(nat_tenant, root.id)
    for node, members in ((west.id, 15), (east.id, 0), (province.id, 15)):
        got = await rollup(db, ref, node, tenant=NATIONAL, today=date(2025, 3, 1))
        assert got["metrics"]["members_supported"] == members, node
