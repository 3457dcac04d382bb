"""What the national dashboard reads beside the rollup: where a campaign's cascade has reached
(which units below a node issued their implementing plan, and how many days after their
parent), the quota ledgers of the cascade, and a unit's line of ancestors.

Each answer is attributed to the node's children through `rollup_units.path` (a unit's path
runs from the unit up to the national body), so a province's row holds its districts' plans.
"""

from __future__ import annotations

import json
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


async def cascade_plans(db: Database, root_plan: PlanRef, node: UUID, *, tenant: str | None = NATIONAL,
                        relations: list[str] | None = None) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """(plans, award forms): the cascade's plans issued by the node or a unit under it, each
    with `child` (the node's child it falls under; None: the node itself), the `level` of its
    issuing unit, `status`, `issued_on` (None when the plan gives no date) and
    `days_after_parent`; and every award form of the cascade by code."""
    async with read_scope(db, tenant) as conn:
        rows = await conn.fetch(_CASCADE_PLANS, root_plan.tenant_id, root_plan.plan_id,
                                relations or ROLLUP_RELATIONS)
    plans, forms = [], {}
    for row in rows:
        for form in _json(row["award_forms"]):
            forms.setdefault(form["code"], form)
        child = _under(node, row["path"])
        if child is not False:
            plans.append({k: row[k] for k in ("depth", "tenant_id", "plan_id", "number", "status", "issued_on",
                                                "days_after_parent", "level")} | {"child": child})
    return plans, forms


async def cascade_quotas(db: Database, root_plan: PlanRef, node: UUID, *, tenant: str | None = NATIONAL,
                         relations: list[str] | None = None) -> list[dict[str, Any]]:
    """The quota ledgers of the cascade's plans whose nominating unit is the node or under it,
    each with `child` as in `cascade_plans`."""
    async with read_scope(db, tenant) as conn:
        rows = await conn.fetch(_QUOTAS, root_plan.tenant_id, root_plan.plan_id, relations or ROLLUP_RELATIONS)
    out = []
    for row in rows:
        child = _under(node, row["path"])
        if child is not False:
            out.append({"pool": row["pool"], "limit": row["quota_limit"], "used": row["used"],
                        "enterprise_used": row["enterprise_used"], "child": child})
    return out


async def ancestors(db: Database, unit: UUID, *, tenant: str | None = NATIONAL) -> list[dict[str, Any]]:
    """The unit's line from the highest ancestor the reader may see down to the unit itself."""
    async with read_scope(db, tenant) as conn:
        return [dict(r) for r in await conn.fetch(_ANCESTORS, unit)]


def _json(value: Any) -> list[dict[str, Any]]:
    return json.loads(value) if isinstance(value, str) else list(value or [])
