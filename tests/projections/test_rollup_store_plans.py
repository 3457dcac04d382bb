"""The rollup store's own reads go through the primary key under row-level security, as the
application's role runs them: a condition PostgreSQL cannot use as an index condition there
(one calling a function not marked leakproof) turns a read of a few rows into a table scan."""

from __future__ import annotations

from infra.platform import Platform
from projections.read_models.scope import read_scope
from projections.rollup.store import RollupStore
from tests.projections.helpers import plan_nodes
from tests.projections.test_rollup_reads import country


async def test_loading_the_stored_running_totals_reads_each_key_by_the_primary_key(
        platform: Platform, project, tenant_id: str, other_tenant_id: str) -> None:
    await country(platform, project, other_tenant_id, tenant_id, grassroots=4)
    store = RollupStore({"rollup_counters_dated": "rollup_counters_dated"})
    async with read_scope(platform.db, tenant_id) as conn:
        keys = await conn.fetch("SELECT plan_id, node_id, metric, last_day FROM rollup_counters_dated_keys"
                                " WHERE tenant_id = $1", tenant_id)
        assert keys, "the country has dated facts"
        args = [list(column) for column in zip(*keys)]
        loaded = await conn.fetch(store.load_totals_query, tenant_id, *args)
        assert len({r["i"] for r in loaded}) == len(keys)  # each key's last row, at least
        # Without seq scans allowed, a condition no index can serve still shows up as a Seq Scan.
        await conn.execute("SET LOCAL enable_seqscan = off")
        nodes = plan_nodes(await conn.fetchval("EXPLAIN (FORMAT JSON) " + store.load_totals_query, tenant_id, *args))
    assert not [n for n in nodes if n["Node Type"] == "Seq Scan"], nodes
    # Both reads (the last row before the first day, and the rows from it on) seek one key.
    conditions = [n["Index Cond"] for n in nodes if "Index Cond" in n]
    assert len(conditions) == 2 and all("node_id = " in c and "metric = " in c for c in conditions), conditions
