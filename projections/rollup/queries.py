"""Rollup reads: every SQL statement a rollup needs, in the caller's transaction (one snapshot).

1. PLANS: the plans of the cascade (root included) with what `reports_due` needs; the caller
   turns them into reporting days due per plan (domain schedule rules, in Python).
2. NOW or AS_OF: one row per child (NULL = the node itself) with its name and its figures
   summed in SQL over the cascade's plans: parallel arrays of metric names and values, and
   `reports_due` = sum over plans of (days due of the plan x units registered to it). Summing
   here, not in Python, returns ~children rows instead of children x plans x metrics.
   Plan-independent facts (units in scope: the nil plan) count only for the cascade's
   tenants, and only their units are children: a tenant with no plan in it is not in scope.
Before 2, NODE_KNOWN (an unknown plan or node is NOT_FOUND, not a rollup of zeros); after
it, the freshness of each of the cascade's tenants (freshness.py), in the same snapshot.

"As now" reads only the rows of the node and its children: their rollup_counters (the
facts of the units below them) through rollup_counters_by_node (node_id, plan_id):
`node_id = ANY(node + children) AND plan_id = ANY(cascade plans + nil)`, and the rollup_leaf
rows of those that hold their own facts (migration 0007). Rows read = (1 + children) x plans x
metrics, whatever the number of grassroots units. The sets are given as arrays, not as
`OR x IN (subquery)`: an OR over a sub-select can only be a filter, and it made PostgreSQL
scan every counter row. Children come from rollup_units by its path[2] expression index, the
node's own row by its path[1] one. "As of D" reads the dated counters of the node and its
children on day D (rollup_counters_dated: each key's running total on its last day <= D)
and the dated leaf rows of those active on D: the same shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from uuid import UUID

import asyncpg

from projections.read_models.plan_schedule import due_days
from projections.read_models.scope import CASCADE_CTE
from projections.rollup.errors import RollupNotFound
from projections.rollup.freshness import TenantFreshness, read_freshness
from projections.rollup.projection import PHASE
from projections.rollup.store import NIL_PLAN

PLANS = CASCADE_CTE + """
SELECT c.tenant_id, c.plan_id, p.plan_id IS NOT NULL AS known, p.report_days, p.grace_days,
       coalesce(p.period_start, p.launched_on, p.issued_on) AS start,
       coalesce(p.period_end, p.end_condition_met_on) AS end_on, p.closed_on, p.phases, c.depth
  FROM cascade c LEFT JOIN plans p USING (tenant_id, plan_id)"""

NODE_KNOWN = "SELECT EXISTS (SELECT FROM org_units WHERE unit_id = $1)"

# Both statements: $1 node, $2 nil plan, $3 cascade tenants, $4 cascade plans, $5 days due per
# plan (pairwise, no duplicates), {due}: the metric counting the units the days are due from
# (units_registered; in a phase, its registrations). `figures(child, tenant_id, plan_id,
# metric, value)` is theirs. The days due are looked up only for those rows (one per child
# and plan): a join with the unnest was planned as a nested loop over every counter row.
_SUMS = """,
per_metric AS (
    SELECT f.child, f.metric, sum(f.value)::bigint AS value,
           sum(f.value * (SELECT d.days FROM unnest($3::text[], $4::uuid[], $5::int[]) d(tenant_id, plan_id, days)
                           WHERE d.tenant_id = f.tenant_id AND d.plan_id = f.plan_id))
               FILTER (WHERE f.metric = {due}) AS due
      FROM figures f GROUP BY 1, 2),
per_child AS (
    SELECT child, array_agg(metric) AS metrics, array_agg(value) AS vals,
           coalesce(sum(due), 0)::bigint AS due
      FROM per_metric GROUP BY 1)
"""
_NAME = "coalesce((SELECT o.name FROM org_units o WHERE o.unit_id = {0} LIMIT 1), '')"

_NOW = """WITH kids AS MATERIALIZED (
    SELECT u.tenant_id, u.unit_id FROM rollup_units u
     WHERE u.path[2] = $1 AND u.path[1] = u.unit_id AND u.tenant_id = ANY ($3::text[])),
holders AS (
    SELECT tenant_id, unit_id FROM kids
    UNION ALL
    SELECT u.tenant_id, u.unit_id FROM rollup_units u WHERE u.path[1] = $1 AND u.unit_id = $1),
figures AS (
    SELECT CASE WHEN c.node_id = $1 THEN NULL ELSE c.node_id END AS child,
           c.tenant_id, c.plan_id, c.metric, c.value
      FROM rollup_counters c
     WHERE c.node_id = ANY (ARRAY(SELECT $1::uuid UNION ALL SELECT unit_id FROM kids))
       AND c.plan_id = ANY ($4::uuid[] || $2::uuid)
       AND ((c.plan_id = $2 AND c.tenant_id = ANY ($3::text[]))
            OR (c.tenant_id, c.plan_id) IN (SELECT * FROM unnest($3::text[], $4::uuid[])))
    UNION ALL
    SELECT CASE WHEN l.unit_id = $1 THEN NULL ELSE l.unit_id END, l.tenant_id, l.plan_id, l.metric, l.value
      FROM holders h JOIN rollup_leaf l ON l.tenant_id = h.tenant_id AND l.unit_id = h.unit_id
     WHERE (l.plan_id = $2 AND l.tenant_id = ANY ($3::text[]))
        OR (l.tenant_id, l.plan_id) IN (SELECT * FROM unnest($3::text[], $4::uuid[])))""" + _SUMS + """
SELECT NULL::uuid AS child, NULL::text AS name, p.metrics, p.vals, p.due FROM per_child p WHERE p.child IS NULL
UNION ALL
SELECT k.unit_id, """ + _NAME.format("k.unit_id") + """, p.metrics, p.vals, p.due
  FROM kids k LEFT JOIN per_child p ON p.child = k.unit_id"""
NOW = _NOW.replace("{due}", "$6::text")

# $7 day D. The node's and its children's dated counters (spans.py, migration 0017) as of D:
# for each of their keys, the running total of its last day <= D (running_totals.py,
# migration 0027), kept with the key when nothing came after D, else looked up (one index
# probe): the figures of everything under each of them on day D; and the dated leaf
# rows of those that hold their own history on D, their own plan facts (migration 0026).
# As the present-time read, on the tree of D (domain Succession.path_on): a child is a unit
# under the node on D, or dissolved by then with the node its last parent (its history stays
# with it); a unit merged or split by D is no child, its successor carries its history. Of
# the cascade's tenants. Rows read = (1 + children) x plans x metrics, one per key whatever
# the days with a fact, and the leaf rows of the node and its children (few: their own).
_HOLDS_ITS_OWN = "o.active_from <= $7 AND NOT (o.ended_on <= $7 AND cardinality(o.successor_ids) > 0)"
_AS_OF = """WITH kids AS MATERIALIZED (
    SELECT DISTINCT v.tenant_id, v.unit_id FROM org_unit_versions v
      JOIN org_units o ON o.tenant_id = v.tenant_id AND o.unit_id = v.unit_id
     WHERE v.parent_id = $1 AND v.valid_from <= $7 AND v.tenant_id = ANY ($3::text[])
       AND (v.valid_to IS NULL OR v.valid_to > $7
            OR (v.valid_to = o.ended_on AND cardinality(o.successor_ids) = 0))),
holders AS (
    SELECT tenant_id, unit_id FROM kids
    UNION
    SELECT o.tenant_id, o.unit_id FROM org_units o WHERE o.unit_id = $1 AND """ + _HOLDS_ITS_OWN + """),
figures AS (
    SELECT CASE WHEN k.node_id = $1 THEN NULL ELSE k.node_id END AS child,
           k.tenant_id, k.plan_id, k.metric, CASE WHEN k.last_day <= $7 THEN k.last_total ELSE c.total END AS value
      FROM rollup_counters_dated_keys k
      LEFT JOIN LATERAL (
           SELECT c.total FROM rollup_counters_dated c
            WHERE k.last_day > $7 AND c.node_id = k.node_id AND c.plan_id = k.plan_id
              AND c.tenant_id = k.tenant_id AND c.metric = k.metric AND c.day <= $7
            ORDER BY c.day DESC LIMIT 1) c ON true
     WHERE k.node_id = ANY (ARRAY(SELECT $1::uuid UNION ALL SELECT unit_id FROM kids))
       AND k.plan_id = ANY ($4::uuid[] || $2::uuid) AND (k.last_day <= $7 OR c.total IS NOT NULL)
       AND ((k.plan_id = $2 AND k.tenant_id = ANY ($3::text[]))
            OR (k.tenant_id, k.plan_id) IN (SELECT * FROM unnest($3::text[], $4::uuid[])))
    UNION ALL
    SELECT CASE WHEN l.unit_id = $1 THEN NULL ELSE l.unit_id END, l.tenant_id, l.plan_id, f.key, f.value::bigint
      FROM holders h JOIN rollup_leaf_dated l ON l.tenant_id = h.tenant_id AND l.unit_id = h.unit_id
     CROSS JOIN LATERAL jsonb_each_text(l.figures) f
     WHERE l.day <= $7 AND (l.tenant_id, l.plan_id) IN (SELECT * FROM unnest($3::text[], $4::uuid[])))""" + _SUMS + """
SELECT NULL::uuid AS child, NULL::text AS name, p.metrics, p.vals, p.due FROM per_child p WHERE p.child IS NULL
UNION ALL
SELECT k.unit_id, """ + _NAME.format("k.unit_id") + """, p.metrics, p.vals, p.due
  FROM kids k LEFT JOIN per_child p ON p.child = k.unit_id"""
AS_OF = _AS_OF.replace("{due}", "$6::text")

Figures = tuple[dict[str, int], int]
"""Metric -> value summed over the cascade's plans, and reports due."""


@dataclass(frozen=True)
class RollupRead:
    plans: list[asyncpg.Record]
    """The cascade: tenant_id, plan_id, report_days, grace_days, start, end_on, closed_on."""
    figures: dict[UUID | None, Figures]
    """Child node (None = the node itself) -> its figures; a child without counters is absent."""
    children: dict[UUID, str]
    """Child node -> name: every child of the cascade's tenants, now or on day D."""
    freshness: list[TenantFreshness]
    """Per tenant of the cascade: the log position the figures count, in the same snapshot."""


async def read_rollup(conn: asyncpg.Connection, root_tenant: str, root_plan: UUID, node: UUID,
                      relations: list[str], as_of: date | None,
                      today: date | None = None, phase: str | None = None) -> RollupRead:
    plans = await conn.fetch(PLANS, root_tenant, root_plan, relations)
    if len(plans) == 1 and not plans[0]["known"]:  # no such plan, and nothing links to it
        raise RollupNotFound(f"no plan {root_tenant}/{root_plan}")
    if not await conn.fetchval(NODE_KNOWN, node):
        raise RollupNotFound(f"no org unit {node}")
    if phase is not None and phase not in _phase_windows(next(r for r in plans if r["depth"] == 0)):
        raise RollupNotFound(f"plan {root_tenant}/{root_plan} has no phase {phase!r}")
    day = as_of or today or date.today()
    due = {(r["tenant_id"], r["plan_id"]): _due(r, day, phase) for r in plans}
    args = ([t for t, _ in due], [p for _, p in due], list(due.values()),
            "units_registered" if phase is None else f"registrations{PHASE}{phase}")
    if as_of is None:
        fetched = await conn.fetch(NOW, node, NIL_PLAN, *args)
    else:
        fetched = await conn.fetch(AS_OF, node, NIL_PLAN, *args, as_of)
    figures = {r[0]: (dict(zip(r[2], r[3])), r[4]) for r in fetched if r[2] is not None}
    fresh = await read_freshness(conn, args[0])
    return RollupRead(plans, figures, {r[0]: r[1] for r in fetched if r[0] is not None}, fresh)


def _phase_windows(plan: asyncpg.Record) -> dict[str, tuple[date, date]]:
    """The plan's phases by name: first and last day."""
    phases = json.loads(plan["phases"]) if plan["phases"] else []
    return {p["name"]: (date.fromisoformat(p["start"]), date.fromisoformat(p["end"])) for p in phases}


def _due(plan: asyncpg.Record, day: date, phase: str | None) -> int:
    """Reporting days of the plan due by `day`: in its whole period, or in the phase's days
    (0 for a plan of the cascade without that phase)."""
    if phase is None:
        return due_days(plan, day)
    window = _phase_windows(plan).get(phase)
    if window is None or plan["start"] is None:
        return 0
    start = max(plan["start"], window[0])
    end_on = min(d for d in (window[1], plan["end_on"]) if d is not None)
    return due_days({**plan, "start": start, "end_on": end_on}, day) if start <= end_on else 0


async def rollup_rows(conn: asyncpg.Connection, root_tenant: str, root_plan: UUID, node: UUID,
                      relations: list[str], as_of: date | None) -> RollupRead:
    """The raw-SQL floor of reads.rollup (bench/rollup.py): the same statements, nothing else."""
    return await read_rollup(conn, root_tenant, root_plan, node, relations, as_of)
