"""The rollup read side: index-served, flat in the number of grassroots units, consistent
between a node's breakdown and its children's own rollups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import uuid4

import asyncpg
import pytest

from domain.organisation import OrgUnit
from infra.platform import Platform
from projections.queries import NATIONAL, PlanRef, rollup
from projections.read_models.scope import IMPLEMENTS, read_scope
from projections.rollup import queries as rollup_queries
from projections.rollup.errors import RollupNotFound
from projections.rollup.store import NIL_PLAN
from tests.projections import builders as b
from tests.projections.helpers import plan_nodes

TODAY = date(2025, 1, 20)


@dataclass
class Country:
    root: PlanRef
    national: OrgUnit
    province: OrgUnit
    commune: OrgUnit  # with grassroots units
    empty_commune: OrgUnit


async def country(platform: Platform, project, nat_tenant: str, tenant: str, grassroots: int) -> Country:
    """national → province → two communes sharing `grassroots` units (all registered, one
    report each) and a third commune with no units at all."""
    repo = platform.repository
    national = b.unit(nat_tenant, "national_body", "Tổng LĐLĐ", None)
    province = b.unit(tenant, "province_federation", "LĐLĐ tỉnh Bình Phước", national)
    communes = [b.unit(tenant, "commune_union", f"CĐ xã {i}", province) for i in range(2)]
    empty = b.unit(tenant, "commune_union", "CĐ xã không có đơn vị", province)
    units = [b.unit(tenant, "grassroots_union", f"CĐCS {i}", communes[i % 2]) for i in range(grassroots)]
    await repo.save(nat_tenant, national)
    await repo.save(tenant, province, *communes, empty, *units)
    root = b.plan(nat_tenant, national.id)
    child = b.plan(tenant, province.id, parent=(nat_tenant, root.id))
    await repo.save(nat_tenant, root)
    await repo.save(tenant, child)
    for i, u in enumerate(units):
        await repo.save(tenant, b.registration(tenant, child.id, u.id, late=i % 3 == 0),
                        b.report(tenant, child.id, u.id, date(2025, 1, 5), members=i, funds=1000 * i))
    await project(tenant, nat_tenant)
    return Country(PlanRef(nat_tenant, root.id), national, province, communes[0], empty)


async def _explain_now(conn: asyncpg.Connection, c: Country, node: OrgUnit | None = None) -> list[dict]:
    return plan_nodes(await conn.fetchval("EXPLAIN (ANALYZE, FORMAT JSON) " + rollup_queries.NOW,
                                          (node or c.national).id, NIL_PLAN, *await _cascade(conn, c),
                                          "units_registered"))


async def _cascade(conn: asyncpg.Connection, c: Country) -> tuple[list, list, list]:
    plans = await conn.fetch(rollup_queries.PLANS, c.root.tenant_id, c.root.plan_id, IMPLEMENTS)
    return [r["tenant_id"] for r in plans], [r["plan_id"] for r in plans], [1] * len(plans)


async def _counter_rows_needed(conn: asyncpg.Connection, c: Country) -> int:
    """The counter rows of the node and its children for the cascade's plans (and the nil
    plan), counted plainly: what an index-served read must examine, and nothing more."""
    tenants, plans, _ = await _cascade(conn, c)
    return await conn.fetchval(
        """SELECT count(*) FROM rollup_counters k
            WHERE (k.node_id = $1 OR k.node_id IN (SELECT unit_id FROM rollup_units WHERE path[2] = $1
                                                    AND path[1] = unit_id))
              AND (k.plan_id = $2 OR (k.tenant_id, k.plan_id) IN (SELECT * FROM unnest($3::text[], $4::uuid[])))""",
        c.national.id, NIL_PLAN, tenants, plans)


async def _leaf_rows_needed(conn: asyncpg.Connection, c: Country, node: OrgUnit) -> int:
    """The leaf rows of the node's children that hold their own facts (the node has none)."""
    tenants, plans, _ = await _cascade(conn, c)
    return await conn.fetchval(
        """SELECT count(*) FROM rollup_leaf l JOIN rollup_units u USING (tenant_id, unit_id)
            WHERE u.path[2] = $1 AND u.path[1] = u.unit_id
              AND (l.plan_id = $2 OR (l.tenant_id, l.plan_id) IN (SELECT * FROM unnest($3::text[], $4::uuid[])))""",
        node.id, NIL_PLAN, tenants, plans)


async def _explain_counting(conn: asyncpg.Connection, c: Country, table: str,
                            node: OrgUnit | None = None) -> tuple[list[dict], int]:
    """The plan of the read, and the rows of `table` it examined (fetched, whether or not a
    filter or recheck then dropped them). Counted from the transaction's own table
    statistics, not from EXPLAIN: its "Actual Rows" is an average per loop, rounded to an
    integer before PostgreSQL 18, so rows x loops misses by one on a two-loop index scan."""
    before = await _rows_fetched(conn, table)
    nodes = await _explain_now(conn, c, node)
    return nodes, await _rows_fetched(conn, table) - before


async def _rows_fetched(conn: asyncpg.Connection, table: str) -> int:
    return await conn.fetchval(
        "SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) FROM pg_stat_xact_all_tables"
        " WHERE relid = $1::regclass", table)


async def test_a_national_rollup_reads_counters_children_and_names_through_indexes(
        platform: Platform, project, tenant_id: str, other_tenant_id: str) -> None:
    c = await country(platform, project, other_tenant_id, tenant_id, grassroots=4)
    async with read_scope(platform.db, NATIONAL) as conn:
        # Without seq scans allowed, a filter no index can serve still shows up as a Seq Scan.
        await conn.execute("SET LOCAL enable_seqscan = off")
        nodes = await _explain_now(conn, c)
    scans = {(n["Node Type"], n.get("Relation Name")) for n in nodes if "Relation Name" in n}
    assert {t for kind, t in scans if kind == "Seq Scan"} == set(), scans
    assert {"rollup_counters", "rollup_units", "org_units"} <= {t for _, t in scans}


async def test_a_national_rollup_reads_only_the_counter_rows_it_returns_whatever_the_units(
        platform: Platform, project) -> None:
    small = await country(platform, project, f"t-{uuid4().hex[:12]}", f"t-{uuid4().hex[:12]}", grassroots=2)
    large = await country(platform, project, f"t-{uuid4().hex[:12]}", f"t-{uuid4().hex[:12]}", grassroots=6)
    # The read sums the counters in SQL, so it returns one row per child, not the counter
    # rows it read: compare what the index scan examined with the rows a plain count needs.
    examined, needed = [], []
    for c in (small, large):
        async with read_scope(platform.db, NATIONAL) as conn:
            await conn.execute("SET LOCAL enable_seqscan = off")
            examined.append((await _explain_counting(conn, c, "rollup_counters"))[1])
            await conn.execute("SET LOCAL enable_seqscan = on")
            needed.append(await _counter_rows_needed(conn, c))
    assert examined == needed and needed[0] == needed[1] > 0
    # Below a commune, the children's own facts are their leaf rows: read through an index too.
    for c in (small, large):
        async with read_scope(platform.db, NATIONAL) as conn:
            await conn.execute("SET LOCAL enable_seqscan = off")
            nodes, leaf_rows = await _explain_counting(conn, c, "rollup_leaf", c.commune)
            await conn.execute("SET LOCAL enable_seqscan = on")
            assert leaf_rows == await _leaf_rows_needed(conn, c, c.commune) > 0
            assert not [n for n in nodes if n["Node Type"] == "Seq Scan"], nodes
    figures = [await rollup(platform.db, c.root, c.national.id, today=TODAY) for c in (small, large)]
    assert [f["metrics"]["units_in_scope"] for f in figures] == [2, 6]


async def test_each_childs_breakdown_equals_that_childs_own_rollup_now_and_as_of_a_day(
        platform: Platform, project, tenant_id: str, other_tenant_id: str) -> None:
    c = await country(platform, project, other_tenant_id, tenant_id, grassroots=5)
    for as_of in (None, TODAY):
        for node in (c.national.id, c.province.id):
            got = await rollup(platform.db, c.root, node, as_of=as_of, today=TODAY)
            assert got["plans"] and got["children"], (node, as_of)
            for child in got["children"]:
                own = await rollup(platform.db, c.root, child["node_id"], as_of=as_of, today=TODAY)
                assert child["metrics"] == own["metrics"], (node, as_of, child["name"])
    now = await rollup(platform.db, c.root, c.province.id, today=TODAY)
    names = {ch["name"]: ch["metrics"]["units_in_scope"] for ch in now["children"]}
    # every child is listed by name, the one without any figures too, now and as of a day
    assert names == {"CĐ xã 0": 3, "CĐ xã 1": 2, "CĐ xã không có đơn vị": 0}
    as_of = await rollup(platform.db, c.root, c.province.id, as_of=TODAY, today=TODAY)
    assert {ch["name"]: ch["metrics"]["units_in_scope"] for ch in as_of["children"]} == names
    assert now["metrics"] == as_of["metrics"]


async def test_a_tenant_scoped_rollup_reads_only_that_tenants_counters(
        platform: Platform, project, tenant_id: str, other_tenant_id: str) -> None:
    c = await country(platform, project, other_tenant_id, tenant_id, grassroots=3)
    national = await rollup(platform.db, c.root, c.province.id, today=TODAY)
    own = await rollup(platform.db, c.root, c.province.id, tenant=tenant_id, today=TODAY)
    assert own["metrics"]["units_registered"] == national["metrics"]["units_registered"] == 3
    # Another tenant sees neither the plan nor the node: NOT_FOUND, not a rollup of zeros.
    with pytest.raises(RollupNotFound):
        await rollup(platform.db, c.root, c.province.id, tenant=f"t-{uuid4().hex[:12]}", today=TODAY)

