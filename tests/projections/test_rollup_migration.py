"""Migration 0007 converts counters written before it (a unit's own facts repeated at its own
node) into the current form in place: the same rows the projection writes today."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import asyncpg

from infra.platform import Platform
from projections.engine.batch import catch_up
from projections.registry import all_projections
from projections.rollup.projection import PHASE
from tests.projections import builders as b

MIGRATION = Path(__file__).parents[2] / "infra" / "migrations" / "0007_rollup_own_facts.sql"
# Zero rows left out: the conversion drops those at a holder's own node, whose leaf row
# carries the same key, while the projection keeps any key a delta touched.
_COUNTERS = ("SELECT plan_id, node_id, metric, value FROM rollup_counters WHERE tenant_id = $1 AND value <> 0"
             " ORDER BY 1, 2, 3")
_AS_BEFORE_0007 = """
INSERT INTO rollup_counters AS c (tenant_id, plan_id, node_id, metric, value)
SELECT l.tenant_id, l.plan_id, l.unit_id, l.metric, l.value
  FROM rollup_leaf l JOIN rollup_units u ON u.tenant_id = l.tenant_id AND u.unit_id = l.unit_id
 WHERE l.tenant_id = $1 AND u.path[1] = u.unit_id
    ON CONFLICT (tenant_id, plan_id, node_id, metric) DO UPDATE SET value = c.value + excluded.value"""


def conversion() -> str:
    """The migration's data statements (its index statements have run already)."""
    sql = MIGRATION.read_text()
    return sql[sql.index("UPDATE rollup_counters"):]


async def test_counters_written_before_0007_are_converted_to_what_the_projection_writes_now(
        platform: Platform, tenant_id: str) -> None:
    repo = platform.repository
    province = b.unit(tenant_id, "province_federation", "LĐLĐ tỉnh Đồng Nai", b.external_parent())
    commune = b.unit(tenant_id, "commune_union", "CĐ xã Long Thành", province)
    kept, merged = (b.unit(tenant_id, "grassroots_union", name, commune) for name in ("CĐCS A", "CĐCS B"))
    await repo.save(tenant_id, province, commune, kept, merged)
    plan = b.plan(tenant_id, province.id)
    await repo.save(tenant_id, plan)
    for unit, members in ((kept, 7), (merged, 5)):
        await repo.save(tenant_id, b.report(tenant_id, plan.id, unit.id, date(2025, 1, 5), members=members))
    merged.merge_into(kept, date(2025, 2, 1))
    await repo.save(tenant_id, merged)
    for projection in all_projections():
        await catch_up(platform.db, projection, tenant_id)

    admin = await asyncpg.connect(platform.db.admin_url)
    try:
        now = await admin.fetch(_COUNTERS, tenant_id)
        await admin.execute(_AS_BEFORE_0007, tenant_id)
        before = await admin.fetch(_COUNTERS, tenant_id)
        await admin.execute(conversion())
        assert await admin.fetch(_COUNTERS, tenant_id) == now
    finally:
        await admin.close()
    # Before, the kept unit's node held its own 7 members too; now only the merged unit's 5.
    # (Counters carry the phase of their fact after the metric: projection.PHASE.)
    members = ({(r["plan_id"], r["node_id"], r["metric"].split(PHASE)[0]): r["value"] for r in rows}
               for rows in (before, now))
    assert [m[(plan.id, kept.id, "members_supported")] for m in members] == [12, 5]
