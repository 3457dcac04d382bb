"""Rollup reads: every SQL statement a rollup needs, two per read, in the caller's transaction.

1. PLANS: the plans of the cascade (root included) with what `reports_due` needs.
2. NOW or AS_OF: the figures per (child, tenant, plan, metric), plus one row per child
   carrying its name (metric NULL).

"As now" reads only the rollup_counters rows of the node and its children, through
rollup_counters_by_node (node_id, plan_id): `node_id = ANY(node + children) AND plan_id =
ANY(cascade plans + nil)`. Rows read = (1 + children) x plans x metrics, whatever the number
of grassroots units. The sets are given as arrays, not as `OR x IN (subquery)`: an OR over a
sub-select can only be a filter, and it made PostgreSQL scan every counter row. Children come
from rollup_units by its path[2] expression index. "As of D" walks the org tree of day D below
the node and sums leaf facts: cost proportional to the units under the node (see queries.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from uuid import UUID

import asyncpg

from projections.rollup_store import NIL_PLAN
from projections.scope import CASCADE_CTE

Rows = list[tuple[UUID | None, str, UUID, str, int]]  # child (None = node), tenant, plan, metric, value

PLANS = CASCADE_CTE + """
SELECT c.tenant_id, c.plan_id, p.report_days, p.grace_days,
       coalesce(p.period_start, p.launched_on, p.issued_on) AS start,
       coalesce(p.period_end, p.end_condition_met_on) AS end_on, p.closed_on
  FROM cascade c LEFT JOIN plans p USING (tenant_id, plan_id)"""

# $1 node, $2 nil plan, $3 cascade tenants, $4 cascade plans (pairwise).
_NAME = "coalesce((SELECT o.name FROM org_units o WHERE o.unit_id = {0} LIMIT 1), '')"

NOW = """WITH kids AS MATERIALIZED (
    SELECT u.unit_id FROM rollup_units u WHERE u.path[2] = $1 AND u.path[1] = u.unit_id)
SELECT CASE WHEN c.node_id = $1 THEN NULL ELSE c.node_id END AS child,
       c.tenant_id, c.plan_id, c.metric, c.value, NULL::text AS name
  FROM rollup_counters c
 WHERE c.node_id = ANY (ARRAY(SELECT $1::uuid UNION ALL SELECT unit_id FROM kids))
   AND c.plan_id = ANY ($4::uuid[] || $2::uuid)
   AND (c.plan_id = $2 OR (c.tenant_id, c.plan_id) IN (SELECT * FROM unnest($3::text[], $4::uuid[])))
UNION ALL
SELECT k.unit_id, NULL, NULL, NULL, NULL, """ + _NAME.format("k.unit_id") + " FROM kids k"

# $5 day D, $6 the grassroots level: a unit that is the node, or sits below it, on day D.
AS_OF = """WITH RECURSIVE sub(tenant_id, unit_id, child, level) AS (
    SELECT v.tenant_id, v.unit_id, NULL::uuid, v.level FROM org_unit_versions v
     WHERE v.unit_id = $1 AND v.valid_from <= $5 AND (v.valid_to IS NULL OR v.valid_to > $5)
    UNION ALL
    SELECT v.tenant_id, v.unit_id, v.unit_id, v.level FROM org_unit_versions v
     WHERE v.parent_id = $1 AND v.valid_from <= $5 AND (v.valid_to IS NULL OR v.valid_to > $5)
    UNION ALL
    SELECT v.tenant_id, v.unit_id, s.child, v.level FROM org_unit_versions v JOIN sub s
        ON v.parent_id = s.unit_id AND s.child IS NOT NULL
     WHERE v.valid_from <= $5 AND (v.valid_to IS NULL OR v.valid_to > $5)),
facts AS (
    SELECT s.child, l.tenant_id, l.plan_id, l.metric, sum(l.value)::bigint AS value
      FROM sub s JOIN rollup_leaf l ON l.tenant_id = s.tenant_id AND l.unit_id = s.unit_id
     WHERE l.plan_id <> $2 AND (l.tenant_id, l.plan_id) IN (SELECT * FROM unnest($3::text[], $4::uuid[]))
     GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT s.child, s.tenant_id, $2, 'units', count(*) FROM sub s WHERE s.level = $6 GROUP BY 1, 2)
SELECT child, tenant_id, plan_id, metric, value, NULL::text AS name FROM facts
UNION ALL
SELECT k.child, NULL, NULL, NULL, NULL, """ + _NAME.format("k.child") + """
  FROM (SELECT DISTINCT child FROM facts WHERE child IS NOT NULL) k"""


@dataclass(frozen=True)
class RollupRead:
    plans: list[asyncpg.Record]
    """The cascade: tenant_id, plan_id, report_days, grace_days, start, end_on, closed_on."""
    rows: Rows
    children: dict[UUID, str]
    """Child node -> name: every current child (as now), or every child with figures (as of D)."""


async def read_rollup(conn: asyncpg.Connection, root_tenant: str, root_plan: UUID, node: UUID,
                      relations: list[str], as_of: date | None, grassroots_level: int) -> RollupRead:
    plans = await conn.fetch(PLANS, root_tenant, root_plan, relations)
    cascade = ([r["tenant_id"] for r in plans], [r["plan_id"] for r in plans])
    if as_of is None:
        fetched = await conn.fetch(NOW, node, NIL_PLAN, *cascade)
    else:
        fetched = await conn.fetch(AS_OF, node, NIL_PLAN, *cascade, as_of, grassroots_level)
    rows = [(r[0], r[1], r[2], r[3], r[4]) for r in fetched if r[3] is not None]
    return RollupRead(plans, rows, {r[0]: r[5] for r in fetched if r[3] is None})


async def rollup_rows(conn: asyncpg.Connection, root_tenant: str, root_plan: UUID, node: UUID,
                      relations: list[str], as_of: date | None, grassroots_level: int) -> RollupRead:
    """The raw-SQL floor of queries.rollup (bench/rollup.py): the same statements, nothing else."""
    return await read_rollup(conn, root_tenant, root_plan, node, relations, as_of, grassroots_level)


def group(rows: Rows) -> dict[UUID | None, dict[tuple[str, UUID], dict[str, int]]]:
    """child (None = the node) -> (tenant, plan) -> metric -> value."""
    out: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for child, tenant, plan, metric, value in rows:
        out[child][(tenant, plan)][metric] += value
    return out
