"""Rollup reads: the node's metrics plus its breakdown by child, from pre-aggregated rows.

"As now" reads only rollup_counters rows of the node and its children (cost independent of
the number of grassroots units). "As of D" walks the org tree of day D below the node and
sums leaf facts: cost proportional to the units under the node (see docs in queries.py).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from uuid import UUID

import asyncpg

from projections.rollup_store import NIL_PLAN
from projections.scope import CASCADE_CTE

Rows = list[tuple[str, UUID, UUID | None, str, int]]  # tenant, plan, child (None = node), metric, value

_NOW = CASCADE_CTE + """
, kids AS (SELECT unit_id FROM rollup_units WHERE path[2] = $4 AND path[1] = unit_id)
SELECT c.tenant_id, c.plan_id, CASE WHEN c.node_id = $4 THEN NULL ELSE c.node_id END AS child,
       c.metric, c.value
  FROM rollup_counters c
 WHERE (c.node_id = $4 OR c.node_id IN (SELECT unit_id FROM kids))
   AND (c.plan_id = $5 OR (c.tenant_id, c.plan_id) IN (SELECT tenant_id, plan_id FROM cascade))"""

_AS_OF = CASCADE_CTE + """
, sub(tenant_id, unit_id, child, level) AS (
    SELECT v.tenant_id, v.unit_id, NULL::uuid, v.level FROM org_unit_versions v
     WHERE v.unit_id = $4 AND v.valid_from <= $6 AND (v.valid_to IS NULL OR v.valid_to > $6)
    UNION ALL
    SELECT v.tenant_id, v.unit_id, v.unit_id, v.level FROM org_unit_versions v
     WHERE v.parent_id = $4 AND v.valid_from <= $6 AND (v.valid_to IS NULL OR v.valid_to > $6)
    UNION ALL
    SELECT v.tenant_id, v.unit_id, s.child, v.level FROM org_unit_versions v JOIN sub s
        ON v.parent_id = s.unit_id AND s.child IS NOT NULL
     WHERE v.valid_from <= $6 AND (v.valid_to IS NULL OR v.valid_to > $6))
SELECT l.tenant_id, l.plan_id, s.child, l.metric, sum(l.value)::bigint
  FROM sub s JOIN rollup_leaf l ON l.tenant_id = s.tenant_id AND l.unit_id = s.unit_id
 WHERE l.plan_id <> $5 AND (l.tenant_id, l.plan_id) IN (SELECT tenant_id, plan_id FROM cascade)
 GROUP BY 1, 2, 3, 4
UNION ALL
SELECT s.tenant_id, $5, s.child, 'units', count(*) FROM sub s WHERE s.level = $7 GROUP BY 1, 3"""


async def rollup_rows(conn: asyncpg.Connection, root_tenant: str, root_plan: UUID, node: UUID,
                      relations: list[str], as_of: date | None, grassroots_level: int) -> Rows:
    if as_of is None:
        rows = await conn.fetch(_NOW, root_tenant, root_plan, relations, node, NIL_PLAN)
    else:
        # a unit that is not the node itself but sits below it, on day D
        rows = await conn.fetch(_AS_OF, root_tenant, root_plan, relations, node, NIL_PLAN, as_of,
                                grassroots_level)
    return [tuple(r) for r in rows]


def group(rows: Rows) -> dict[UUID | None, dict[tuple[str, UUID], dict[str, int]]]:
    """child (None = the node) -> (tenant, plan) -> metric -> value."""
    out: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for tenant, plan, child, metric, value in rows:
        out[child][(tenant, plan)][metric] += value
    return out
