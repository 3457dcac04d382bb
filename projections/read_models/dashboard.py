"""What the national dashboard reads beside the rollup: where a campaign's cascade has reached
(which units below a node issued their implementing plan, and how many days after their
parent), the quota ledgers of the cascade, and a unit's line of ancestors.

Each answer is attributed to the node's children through `rollup_units.path` (a unit's path
runs from the unit up to the national body), so a province's row holds its districts' plans.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from infra.database import Database
from projections.read_models.scope import CASCADE_CTE, NATIONAL, ROLLUP_RELATIONS, PlanRef, read_scope

_CASCADE_PLANS = CASCADE_CTE + """
SELECT c.depth, p.tenant_id, p.plan_id, p.number, p.status, p.issued_on, p.award_forms,
       p.issued_on - pp.issued_on AS days_after_parent, o.level, u.path
  FROM cascade c JOIN plans p USING (tenant_id, plan_id)
  LEFT JOIN plans pp ON pp.tenant_id = c.parent_tenant AND pp.plan_id = c.parent_plan_id
  LEFT JOIN org_units o ON o.tenant_id = p.tenant_id AND o.unit_id = p.issuing_unit_id
  LEFT JOIN rollup_units u ON u.tenant_id = p.tenant_id AND u.unit_id = p.issuing_unit_id"""

_QUOTAS = CASCADE_CTE + """
SELECT q.pool, q.quota_limit, q.used, q.enterprise_used, u.path
  FROM cascade c JOIN quotas q ON q.tenant_id = c.tenant_id AND q.plan_id = c.plan_id
  LEFT JOIN rollup_units u ON u.tenant_id = q.tenant_id AND u.unit_id = q.nominating_unit_id"""

_CHOICES = """SELECT tenant_id, plan_id, number, theme, status, issuing_unit_id, issued_on FROM plans
 WHERE tenant_id = $1 AND status <> 'drafted'
 ORDER BY issued_on DESC NULLS LAST, tenant_id, plan_id LIMIT 50"""

_ANCESTORS = """WITH RECURSIVE up AS (
    SELECT unit_id, parent_id, name, level, 0 AS step FROM org_units WHERE unit_id = $1
    UNION ALL
    SELECT o.unit_id, o.parent_id, o.name, o.level, up.step + 1
      FROM org_units o JOIN up ON o.unit_id = up.parent_id WHERE up.step < 12)
SELECT unit_id, name, level FROM up ORDER BY step DESC"""


def _under(node: UUID, path: list[UUID] | None) -> UUID | None | bool:
    """The child of `node` whose subtree holds the path's unit; None for the node itself;
    False when the unit is not under the node at all."""
    if not path or node not in path:
        return False
    at = path.index(node)
    return None if at == 0 else path[at - 1]


async def campaigns(db: Database, issuer_tenant: str, *, tenant: str | None = NATIONAL) -> list[dict[str, Any]]:
    """The plans of `issuer_tenant` past their draft, newest first: the campaigns to pick from."""
    async with read_scope(db, tenant) as conn:
        return [dict(r) for r in await conn.fetch(_CHOICES, issuer_tenant)]


@dataclass(frozen=True)
class Surroundings:
    choices: list[dict[str, Any]]
    """The campaigns the reader may pick (see `campaigns`)."""
    trail: list[dict[str, Any]]
    """The node's line from the highest ancestor the reader may see down to the node itself."""
    plans: list[dict[str, Any]]
    """The cascade's plans issued by the node or a unit under it, each with `child` (the
    node's child it falls under; None: the node itself), the `level` of its issuing unit,
    `status`, `issued_on` (None when the plan gives no date) and `days_after_parent`."""
    award_forms: dict[str, dict[str, Any]]
    """Every award form of the cascade's plans, by code (name, issuer)."""
    quotas: list[dict[str, Any]]
    """The cascade's quota ledgers whose nominating unit is the node or under it, with `child`."""


async def surroundings(db: Database, root_plan: PlanRef, node: UUID, issuer_tenant: str, *,
                       tenant: str | None = NATIONAL, relations: list[str] | None = None) -> Surroundings:
    """Everything the dashboard shows beside the rollup, in one read-only transaction."""
    args = (root_plan.tenant_id, root_plan.plan_id, relations or ROLLUP_RELATIONS)
    async with read_scope(db, tenant) as conn:
        choices = [dict(r) for r in await conn.fetch(_CHOICES, issuer_tenant)]
        trail = [dict(r) for r in await conn.fetch(_ANCESTORS, node)]
        plan_rows = await conn.fetch(_CASCADE_PLANS, *args)
        quota_rows = await conn.fetch(_QUOTAS, *args)
    plans, forms = [], {}
    for row in plan_rows:
        for form in _json(row["award_forms"]):
            forms.setdefault(form["code"], form)
        child = _under(node, row["path"])
        if child is not False:
            plans.append({k: row[k] for k in ("depth", "tenant_id", "plan_id", "number", "status", "issued_on",
                                                "days_after_parent", "level")} | {"child": child})
    quotas = [{"pool": r["pool"], "limit": r["quota_limit"], "used": r["used"], "enterprise_used": r["enterprise_used"],
               "child": child} for r in quota_rows if (child := _under(node, r["path"])) is not False]
    return Surroundings(choices, trail, plans, forms, quotas)


def _json(value: Any) -> list[dict[str, Any]]:
    return json.loads(value) if isinstance(value, str) else list(value or [])
