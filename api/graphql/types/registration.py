"""`Registration`: a unit's registration (đăng ký thi đua) for a plan's phase, with its targets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import strawberry

from api.graphql.types.json_column import decoded


@strawberry.type(description="A registered target and the result recorded against it, amounts as exact decimals.")
class Target:
    indicator: str
    amount: Decimal
    unit: str = strawberry.field(description="Unit of measure ('' when the plan names none).")
    achieved: Decimal | None = strawberry.field(description="The latest recorded result; null before any.")
    met: bool = strawberry.field(description="A result is recorded and reaches the amount.")


@strawberry.type(description="A unit's registration for a plan's phase.")
class Registration:
    id: strawberry.ID
    plan_id: strawberry.ID
    phase: str
    unit_id: strawberry.ID
    registered_on: date
    late: bool = strawberry.field(description="Accepted after the registration deadline (the plan allows it).")
    targets: list[Target]
    targets_met: int
    work_items: list[str] = strawberry.field(description="The work items (phần việc) the unit took on.")
    initiatives: list[str] = strawberry.field(description="The initiatives (sáng kiến) the unit registered.")

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> Registration:
        results = decoded(r["results"])
        targets = []
        for t in decoded(r["targets"]):
            amount = Decimal(str(t["amount"]))
            achieved = Decimal(results[t["indicator"]]) if t["indicator"] in results else None
            targets.append(Target(indicator=t["indicator"], amount=amount, unit=t.get("unit", ""),
                                  achieved=achieved, met=achieved is not None and achieved >= amount))
        return cls(id=strawberry.ID(str(r["registration_id"])), plan_id=strawberry.ID(str(r["plan_id"])),
                   phase=r["phase"], unit_id=strawberry.ID(str(r["unit_id"])), registered_on=r["registered_on"],
                   late=r["late"], targets=targets, targets_met=r["targets_met"],
                   work_items=decoded(r["work_item_names"]), initiatives=decoded(r["initiative_names"]))
