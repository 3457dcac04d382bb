"""`Report`: a unit's progress report for a reporting day; `MissingReport`: one still owed."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from api.graphql.types.json_column import decoded


@strawberry.type(description="Models (mô hình) of one type started since the last report.")
class ModelCount:
    model: str
    count: int


@strawberry.type(description="A progress report (báo cáo tiến độ) for a reporting day.")
class Report:
    id: strawberry.ID
    unit_id: strawberry.ID
    day: date = strawberry.field(description="The reporting day it answers for.")
    submitted_on: date
    late: bool
    members_supported: int
    funds_mobilised: int = strawberry.field(description="Đồng.")
    models: list[ModelCount]
    initiatives: int
    work_items_completed: int

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> Report:
        return cls(id=strawberry.ID(str(r["report_id"])), unit_id=strawberry.ID(str(r["unit_id"])), day=r["day"],
                   submitted_on=r["submitted_on"], late=r["late"], members_supported=r["members_supported"],
                   funds_mobilised=r["funds_mobilised"],
                   models=[ModelCount(model=k, count=v) for k, v in sorted(decoded(r["models"]).items())],
                   initiatives=r["initiatives"], work_items_completed=r["work_items_completed"])


@strawberry.type(description="A registered unit's report for a day whose due-by day has passed, not arrived.")
class MissingReport:
    unit_id: strawberry.ID
    day: date

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> MissingReport:
        return cls(unit_id=strawberry.ID(str(r["unit_id"])), day=r["day"])
