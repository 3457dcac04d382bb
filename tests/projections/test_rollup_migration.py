"""Migration 0007 converts counters written before it (a unit's own facts repeated at its own
node) into the current form in place: the same rows the projection writes today."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from uuid import UUID

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


async def _project_a_merger(platform: Platform, tenant_id: str, members: dict[date, tuple[int, int]],
                            merged_on: date) -> tuple[UUID, UUID]:
    """Two grassroots units of a commune union report (day -> members of the kept one and of
    the merged one), one merges into the other; every projection caught up. (plan, kept)"""
    repo = platform.repository
    province = b.unit(tenant_id, "province_federation", "LĐLĐ tỉnh Đồng Nai", b.external_parent())
    commune = b.unit(tenant_id, "commune_union", "CĐ xã Long Thành", province)
    kept, merged = (b.unit(tenant_id, "grassroots_union", name, commune) for name in ("CĐCS A", "CĐCS B"))
    await repo.save(tenant_id, province, commune, kept, merged)
    plan = b.plan(tenant_id, province.id)
    await repo.save(tenant_id, plan)
    for day, (kept_members, merged_members) in members.items():
        for unit, count in ((kept, kept_members), (merged, merged_members)):
            await repo.save(tenant_id, b.report(tenant_id, plan.id, unit.id, day, members=count))
    merged.merge_into(kept, merged_on)
    await repo.save(tenant_id, merged)
    for projection in all_projections():
        await catch_up(platform.db, projection, tenant_id)
    return plan.id, kept.id


async def test_counters_written_before_0007_are_converted_to_what_the_projection_writes_now(
        platform: Platform, tenant_id: str) -> None:
    plan, kept = await _project_a_merger(platform, tenant_id, {date(2025, 1, 5): (7, 5)}, date(2025, 2, 1))

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
    assert [m[(plan, kept, "members_supported")] for m in members] == [12, 5]


MIGRATION_0027 = Path(__file__).parents[2] / "infra" / "migrations" / "0027_rollup_dated_running_totals.sql"
_DATED = ("SELECT plan_id, node_id, metric, day, total FROM rollup_counters_dated WHERE tenant_id = $1"
          " ORDER BY 1, 2, 3, 4")
_DATED_KEYS = ("SELECT plan_id, node_id, metric, last_day, last_total FROM rollup_counters_dated_keys"
               " WHERE tenant_id = $1 ORDER BY 1, 2, 3")
_AS_BEFORE_0027 = """
UPDATE rollup_counters_dated c SET total = c.total - s.before
  FROM (SELECT node_id, plan_id, tenant_id, metric, day, coalesce(lag(total) OVER (
            PARTITION BY node_id, plan_id, tenant_id, metric ORDER BY day), 0) AS before
          FROM rollup_counters_dated) s
 WHERE (c.node_id, c.plan_id, c.tenant_id, c.metric, c.day) = (s.node_id, s.plan_id, s.tenant_id, s.metric, s.day);
ALTER TABLE rollup_counters_dated RENAME COLUMN total TO value;
DROP TABLE rollup_counters_dated_keys;
"""


async def test_dated_deltas_written_before_0027_become_the_running_totals_the_projection_writes_now(
        platform: Platform, tenant_id: str) -> None:
    await _project_a_merger(platform, tenant_id, {date(2025, 1, 5): (7, 7), date(2025, 1, 15): (4, 4),
                                                  date(2025, 1, 25): (2, 2)}, date(2025, 1, 20))

    admin = await asyncpg.connect(platform.db.admin_url)
    converting = admin.transaction()  # rolled back: the session's database keeps today's schema
    await converting.start()
    try:
        now, keys = await admin.fetch(_DATED, tenant_id), await admin.fetch(_DATED_KEYS, tenant_id)
        assert len({r["day"] for r in now}) >= 3 and keys
        await admin.execute(_AS_BEFORE_0027)
        await admin.execute(MIGRATION_0027.read_text())
        assert await admin.fetch(_DATED, tenant_id) == now
        assert await admin.fetch(_DATED_KEYS, tenant_id) == keys
    finally:
        await converting.rollback()
        await admin.close()
