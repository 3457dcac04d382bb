"""The rollup and the leaderboard the API reads: a node's figures and its children's, summed
over the plans of a cascade, with the derived figures added.

"As now" vs "as of D":
- as now: rollup_counters rows of the node and of its children, summed over the plans of the
  cascade; cost O(cascade plans × (1 + children) × metrics), the same at 1,000 or 100,000
  grassroots units. A merged unit's history counts in its successor.
- as of D: the org tree of day D (org_unit_versions) is walked below the node and the leaf
  facts of those units are summed: cost O(units under the node). Facts are today's facts;
  units not active on D are left out.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from domain.errors import BadInput
from infra.database import Database
from projections.read_models.scope import IMPLEMENTS, NATIONAL, PlanRef, read_scope
from projections.rollup.projection import GRASSROOTS_LEVEL
from projections.rollup.queries import Figures, read_rollup


async def rollup(db: Database, root_plan: PlanRef, node: UUID, *, as_of: date | None = None,
                 tenant: str | None = NATIONAL, today: date | None = None,
                 relations: list[str] | None = None) -> dict[str, Any]:
    """{"node_id", "as_of", "plans": [{"tenant_id", "plan_id"}], "metrics": {...},
        "children": [{"node_id", "name", "metrics": {...}}]} — children sorted by name."""
    relations = relations or IMPLEMENTS
    async with read_scope(db, tenant) as conn:  # one read-only transaction, two statements
        read = await read_rollup(conn, root_plan.tenant_id, root_plan.plan_id, node, relations,
                                 as_of, GRASSROOTS_LEVEL, today)
    figures = read.figures
    # As of D the node's own row holds only the node; its figures are everything under it.
    node_figures = figures.get(None, _NONE) if as_of is None else _merge(figures.values())
    out = [{"node_id": c, "name": name, "metrics": derive(*figures.get(c, _NONE))}
           for c, name in read.children.items()]
    return {"node_id": node, "as_of": as_of,
            "plans": [{"tenant_id": r["tenant_id"], "plan_id": r["plan_id"]} for r in read.plans],
            "metrics": derive(*node_figures),
            "children": sorted(out, key=lambda c: (c["name"], str(c["node_id"])))}


_NONE: Figures = ({}, 0)


def derive(sums: dict[str, int], reports_due: int) -> dict[str, Any]:
    """Add the derived figures to counters already summed over the cascade's plans."""
    total: dict[str, Any] = defaultdict(int, sums)
    in_scope = total.pop("units", 0)
    total["units_in_scope"] = in_scope
    total["enterprise_units"] = total.pop("units_enterprise", 0)
    total["registration_rate"] = round(total["units_registered"] / in_scope, 4) if in_scope else 0.0
    total["reports_due"] = reports_due
    total["reports_missing"] = max(reports_due - total["reports_on_time"] - total["reports_late"], 0)
    return _structured(dict(total))


_GROUPS = {"models": "models_by_type", "nominations": "nominations_by_state", "awards": "awards_by_form"}


def _structured(flat: dict[str, Any]) -> dict[str, Any]:
    """`models:ATM gạo` → metrics["models_by_type"]["ATM gạo"], likewise nominations and awards."""
    out: dict[str, Any] = {group: {} for group in _GROUPS.values()}
    for key, value in flat.items():
        if ":" in key:  # most keys have none: a national read structures ~1,000 of them
            prefix, _, rest = key.partition(":")
            if rest and prefix in _GROUPS:
                if value:
                    out[_GROUPS[prefix]][rest] = value
                continue
        out[key] = value
    return out


def _merge(figures: Any) -> Figures:
    merged: dict[str, int] = defaultdict(int)
    due = 0
    for sums, reports_due in figures:
        for metric, value in sums.items():
            merged[metric] += value
        due += reports_due
    return merged, due


async def leaderboard(db: Database, root_plan: PlanRef, node: UUID, metric: str, *, limit: int = 10,
                      tenant: str | None = NATIONAL, as_of: date | None = None) -> list[dict[str, Any]]:
    """The node's children ranked by one metric (e.g. "registration_rate", "funds_mobilised")."""
    result = await rollup(db, root_plan, node, as_of=as_of, tenant=tenant)
    values = [(c, _number(c["metrics"].get(metric, 0), metric)) for c in result["children"]]
    _number(result["metrics"].get(metric, 0), metric)  # a grouped metric is refused even without children
    ranked = sorted(values, key=lambda cv: -cv[1])
    return [{"node_id": c["node_id"], "name": c["name"], "value": value} for c, value in ranked[:limit]]


def _number(value: Any, metric: str) -> float:
    """A rankable figure; grouped metrics (`models_by_type`: a breakdown) are BAD_INPUT."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise BadInput(f"metric {metric!r} is not a number and cannot be ranked", rule="rollup.leaderboard.metric")
    return float(value)
