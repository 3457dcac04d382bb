"""`CascadePlan`: one plan of a root plan's cascade, with the days its level took."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from api.graphql.types.enums import PlanStatus


@strawberry.type(description="A plan implementing the root plan (depth 0 = the root itself).")
class CascadePlan:
    tenant: str
    plan_id: strawberry.ID
    parent_tenant: str | None
    parent_plan_id: strawberry.ID | None
    depth: int
    number: str | None
    theme: str | None = strawberry.field(description="Null when the plan is not in the read model yet.")
    status: PlanStatus | None  # type: ignore[valid-type]
    issuing_unit_id: strawberry.ID | None
    issued_on: date | None
    launched_on: date | None
    days_after_parent: int | None = strawberry.field(description="Days from its parent's issue to its own.")

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> CascadePlan:
        def ident(value: Any) -> strawberry.ID | None:
            return strawberry.ID(str(value)) if value is not None else None

        return cls(tenant=r["tenant_id"], plan_id=strawberry.ID(str(r["plan_id"])), parent_tenant=r["parent_tenant"],
                   parent_plan_id=ident(r["parent_plan_id"]), depth=r["depth"], number=r["number"],
                   theme=r["theme"], status=PlanStatus(r["status"]) if r["status"] else None,
                   issuing_unit_id=ident(r["issuing_unit_id"]), issued_on=r["issued_on"],
                   launched_on=r["launched_on"], days_after_parent=r["days_after_parent"])
