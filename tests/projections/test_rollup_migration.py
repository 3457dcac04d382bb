"""Migrations 0007 and 0026 convert counters written before them (a unit's own facts repeated
at its own node: the present-time counters, then the dated ones) into the current form in
place: the same rows the projection writes today."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from uuid import UUID

import asyncpg

from infra.platform import Platform
from projections.engine.batch import catch_up
from projections.registry import all_projections
from projections.rollup.projection import PHASE
from projections.rollup.spans import node_deltas, spans_from_json
from tests.projections import builders as b

MIGRATIONS = Path(__file__).parents[2] / "infra" / "migrations"
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
    sql = (MIGRATIONS / "0007_rollup_own_facts.sql").read_text()
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


_DATED = ("SELECT plan_id, node_id, metric, day, value FROM rollup_counters_dated WHERE tenant_id = $1"
          " AND value <> 0 ORDER BY 1, 2, 3, 4")


async def _as_before_0026(admin: asyncpg.Connection, tenant: str) -> None:
    """Each unit's own plan facts added back at its own span, as the projection did before
    0026 (spread in Python by spans.py, not by the migration's SQL)."""
    spans = {r["unit_id"]: spans_from_json(json.loads(r["spans"])) for r in await admin.fetch(
        "SELECT unit_id, spans FROM rollup_units WHERE tenant_id = $1", tenant)}
    rows = []
    for unit, unit_spans in spans.items():
        facts = [(r["plan_id"], metric, r["day"], value) for r in await admin.fetch(
            "SELECT plan_id, day, figures FROM rollup_leaf_dated WHERE tenant_id = $1 AND unit_id = $2",
            tenant, unit) for metric, value in json.loads(r["figures"]).items()]
        own = [span for span in unit_spans if span[0] == str(unit)]
        rows += [(tenant, UUID(plan), UUID(node), metric, day, value)
                 for (plan, node, metric, day), value in node_deltas(own, facts).items()]
    await admin.executemany(
        "INSERT INTO rollup_counters_dated AS c VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT"
        " (node_id, plan_id, tenant_id, metric, day) DO UPDATE SET value = c.value + excluded.value", rows)


async def test_dated_counters_written_before_0026_are_converted_to_what_the_projection_writes_now(
        platform: Platform, tenant_id: str) -> None:
    repo = platform.repository
    province = b.unit(tenant_id, "province_federation", "LĐLĐ tỉnh Đồng Nai", b.external_parent())
    commune = b.unit(tenant_id, "commune_union", "CĐ xã Long Thành", province)
    kept, merged = (b.unit(tenant_id, "grassroots_union", name, commune, on=date(2025, 1, 3))
                    for name in ("CĐCS A", "CĐCS B"))
    await repo.save(tenant_id, province, commune, kept, merged)
    plan = b.plan(tenant_id, province.id)
    await repo.save(tenant_id, plan)
    # A fact dated before its unit existed counts from the unit's first day; the merged unit's
    # span at itself ends on the merge (its report after it counts only at its successor's).
    for unit, day, members in ((kept, date(2025, 1, 1), 7), (merged, date(2025, 1, 5), 5),
                               (merged, date(2025, 3, 5), 4), (kept, date(2025, 3, 5), 2)):
        await repo.save(tenant_id, b.report(tenant_id, plan.id, unit.id, day, members=members))
    merged.merge_into(kept, date(2025, 2, 1))
    await repo.save(tenant_id, merged)
    for projection in all_projections():
        await catch_up(platform.db, projection, tenant_id)

    sql = (MIGRATIONS / "0026_rollup_dated_own_facts.sql").read_text()
    sql = sql[sql.index("WITH own AS"):]  # the conversion (the table and function exist already)
    admin = await asyncpg.connect(platform.db.admin_url)
    try:
        now = await admin.fetch(_DATED, tenant_id)
        await _as_before_0026(admin, tenant_id)
        before = await admin.fetch(_DATED, tenant_id)
        await admin.execute(sql)
        assert await admin.fetch(_DATED, tenant_id) == now
    finally:
        await admin.close()
    members = [{(r["node_id"], r["day"]): r["value"] for r in rows if r["metric"].split(PHASE)[0] == "members_supported"}
               for rows in (before, now)]
    # Before, each unit's own node held its own members from its first day (the merged
    # unit's until the merge); now neither does: those are their dated leaf rows.
    own = {(kept.id, date(2025, 1, 3)): 7, (kept.id, date(2025, 3, 5)): 2,
           (merged.id, date(2025, 1, 5)): 5, (merged.id, date(2025, 2, 1)): -5}
    assert {key: members[0].get(key) for key in own} == own
    assert not {key for key in members[1] if key[0] in (kept.id, merged.id)}
