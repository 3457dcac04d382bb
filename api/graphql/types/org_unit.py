"""`OrgUnit`: one unit of the org tree read model (now, or as the tree was on a date)."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from api.graphql.types.enums import UnitKind


@strawberry.type(description="A unit of the org tree, with its depth below the queried root.")
class OrgUnit:
    tenant: str
    id: strawberry.ID
    name: str
    kind: UnitKind  # type: ignore[valid-type]
    level: int = strawberry.field(description="0 national body, 1 province/sector/department, 2 upper, 3 grassroots.")
    parent_id: strawberry.ID | None
    depth: int = strawberry.field(description="Levels below the queried root (0 for a unit read by itself).")
    enterprise: bool | None = strawberry.field(description="An enterprise's union (null in a tree as of a date).")
    code: str | None = None
    active_from: date | None = None
    ended_on: date | None = strawberry.field(default=None, description="Set when dissolved, merged or split.")

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> OrgUnit:
        parent = r.get("parent_id")
        return cls(tenant=r["tenant_id"], id=strawberry.ID(str(r["unit_id"])), name=r["name"],
                   kind=UnitKind(r["kind"]), level=r["level"],
                   parent_id=strawberry.ID(str(parent)) if parent else None, depth=r["depth"],
                   enterprise=r.get("enterprise"), code=r.get("code"), active_from=r.get("active_from"),
                   ended_on=r.get("ended_on"))
