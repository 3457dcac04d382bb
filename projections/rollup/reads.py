"""The rollup and the leaderboard the API reads: a node's figures and its children's, summed
over the plans of a cascade, with the derived figures added.

"As now" vs "as of D":
- as now: rollup_counters rows of the node and of its children, summed over the plans of the
  cascade; cost O(cascade plans × (1 + children) × metrics), the same at 1,000 or 100,000
  grassroots units. A merged unit's history counts in its successor.
- as of D: the dated counters of the node and of its children on the tree of day D, each
  key's running total on its last day <= D (rollup_counters_dated, projections/rollup/
  spans.py and running_totals.py): facts effective on or before D (registered, reported,
  result recorded, nomination step, decision, revocation) of the units under the node on D;
  units not active on D are left out, later facts too. Cost O(cascade plans x (1 +
  children) x metrics), one row per key whatever the number of days with a fact.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from domain.errors import BadInput
from infra.database import Database
from projections.read_models.scope import NATIONAL, ROLLUP_RELATIONS, PlanRef, read_scope
from projections.rollup.freshness import wait_until_counted
from projections.rollup.projection import CAMPAIGN_UNITS, PHASE
from projections.rollup.queries import Figures, read_rollup


async def rollup(db: Database, root_plan: PlanRef, node: UUID, *, as_of: date | None = None,
                 tenant: str | None = NATIONAL, today: date | None = None,
                 relations: list[str] | None = None, after: dict[str, int] | None = None,
                 wait_s: float = 2.0, phase: str | None = None) -> dict[str, Any]:
    """{"node_id", "as_of", "plans": [{"tenant_id", "plan_id"}], "metrics": {...},
        "children": [{"node_id", "name", "metrics": {...}}], "freshness": [TenantFreshness],
        "includes_after": bool} — children sorted by name.

    `after` (tenant -> log position, from a command's reply) waits up to `wait_s` for the
    rollup to count those writes; `includes_after` says whether it did. `phase`: every
    metric counted for that phase of the plans only (units in scope are the same); a phase
    the root plan does not have is NOT_FOUND."""
    includes_after = await wait_until_counted(db, after or {}, wait_s)
    relations = relations or ROLLUP_RELATIONS
    async with read_scope(db, tenant) as conn:  # one read-only transaction: one snapshot
        read = await read_rollup(conn, root_plan.tenant_id, root_plan.plan_id, node, relations,
                                 as_of, today, phase)
    figures = read.figures
    node_figures = figures.get(None, _NONE)
    cascade = frozenset(str(r["plan_id"]) for r in read.plans)
    out = [{"node_id": c, "name": name, "metrics": derive(*figures.get(c, _NONE), cascade, phase)}
           for c, name in read.children.items()]
    return {"node_id": node, "as_of": as_of,
            "plans": [{"tenant_id": r["tenant_id"], "plan_id": r["plan_id"]} for r in read.plans],
            "metrics": derive(*node_figures, cascade, phase),
            "children": sorted(out, key=lambda c: (c["name"], str(c["node_id"]))),
            "freshness": read.freshness, "includes_after": includes_after and all(
                f.position >= (after or {}).get(f.tenant_id, 0) for f in read.freshness)}


_NONE: Figures = ({}, 0)


COUNTS = ("units_in_scope", "enterprise_units", "units_registered", "registrations", "registrations_late",
          "targets_registered", "targets_met", "initiatives_registered", "work_items_registered", "reports",
          "reports_on_time", "reports_late", "reports_due", "reports_missing", "members_supported",
          "funds_mobilised", "initiatives", "work_items_completed")
"""Every count a rollup answers, 0 when nothing happened."""
RANKABLE = (*COUNTS, "registration_rate")
_GROUPS = {"models": "models_by_type", "nominations": "nominations_by_state", "awards": "awards_by_form",
           "phases": "registrations_by_phase"}
"""Counter prefix -> the breakdown it fills (name -> count, only names with a count)."""


_EVERY_PHASE = frozenset({"units", "units_enterprise"})
"""Counters that hold in every phase: the units in scope."""


def derive(sums: dict[str, int], reports_due: int, cascade: frozenset[str],
           phase: str | None = None) -> dict[str, Any]:
    """Every metric, from counters already summed over the cascade's plans (ids in `cascade`):
    over every phase, or `phase`'s counters only (projection.PHASE).

    units_registered counts each unit once per root campaign: a unit's first registration for
    a plan counts unless it already held one for another plan of this cascade (in a phase:
    for another plan of the cascade in the same phase)."""
    flat: dict[str, Any] = dict.fromkeys(COUNTS, 0)
    groups: dict[str, dict[str, int]] = {group: {} for group in _GROUPS.values()}
    campaign_units = 0
    for key, value in sums.items():
        if PHASE in key:
            key, _, of = key.rpartition(PHASE)
            if (of != phase) if phase is not None else key.startswith(CAMPAIGN_UNITS):
                continue  # another phase's; or, for the totals, a phase's own campaign count
        elif phase is not None and key not in _EVERY_PHASE and key != f"phases:{phase}":
            continue  # a total over the phases (units_registered, campaign_units:, phases:)
        if ":" not in key:  # most keys: a national read goes through ~1,000 of them
            flat[key] = flat.get(key, 0) + value
        elif key.startswith(CAMPAIGN_UNITS):
            earlier = key[len(CAMPAIGN_UNITS):]
            if not earlier or cascade.isdisjoint(earlier.split(",")):
                campaign_units += value
        else:
            prefix, _, name = key.partition(":")
            if prefix in _GROUPS:
                group = groups[_GROUPS[prefix]]
                group[name] = group.get(name, 0) + value
    in_scope = flat.pop("units", 0)
    flat["units_in_scope"] = in_scope
    flat["enterprise_units"] = flat.pop("units_enterprise", 0)
    flat["units_registered"] = campaign_units
    flat["registration_rate"] = round(campaign_units / in_scope, 4) if in_scope else 0.0
    flat["reports_due"] = reports_due
    flat["reports_missing"] = max(reports_due - flat["reports_on_time"] - flat["reports_late"], 0)
    return flat | {name: {k: v for k, v in group.items() if v} for name, group in groups.items()}


async def leaderboard(db: Database, root_plan: PlanRef, node: UUID, metric: str, *, limit: int = 10,
                      tenant: str | None = NATIONAL, as_of: date | None = None) -> list[dict[str, Any]]:
    """The node's children ranked by one metric (e.g. "registration_rate", "funds_mobilised")."""
    if metric not in RANKABLE:
        raise BadInput(f"metric must be one of {', '.join(RANKABLE)}", rule="rollup.leaderboard.metric",
                       message_vi="Chỉ tiêu xếp hạng không hợp lệ")
    result = await rollup(db, root_plan, node, as_of=as_of, tenant=tenant)
    values = [(c, _number(c["metrics"].get(metric, 0), metric)) for c in result["children"]]
    _number(result["metrics"].get(metric, 0), metric)  # a grouped metric is refused even without children
    ranked = sorted(values, key=lambda cv: -cv[1])
    return [{"node_id": c["node_id"], "name": c["name"], "value": value} for c, value in ranked[:limit]]


def _number(value: Any, metric: str) -> float:
    """A rankable figure; grouped metrics (`models_by_type`: a breakdown) are BAD_INPUT."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise BadInput(f"metric {metric!r} is not a number and cannot be ranked", rule="rollup.leaderboard.metric",
                       message_vi=f"Chỉ số {metric!r} không phải là số nên không xếp hạng được")
    return float(value)
