"""`OrgUnit`: one unit of the org tree read model (now, or as the tree was on a date)."""

from __future__ import annotations

from typing import Any

import strawberry


@strawberry.type(description="A unit of the org tree, with its depth below the queried root.")
class OrgUnit:
    tenant: str
    id: strawberry.ID
    name: str
    kind: str
    level: int
    parent_id: strawberry.ID | None
    depth: int

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> OrgUnit:
        parent = r.get("parent_id")
        return cls(tenant=r["tenant_id"], id=strawberry.ID(str(r["unit_id"])), name=r["name"], kind=r["kind"],
                   level=r["level"], parent_id=strawberry.ID(str(parent)) if parent else None, depth=r["depth"])
