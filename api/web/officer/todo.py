"""The officer's start page, "Việc cần làm": what is due for my units, as of a day."""

from __future__ import annotations

from datetime import date
from typing import Any

from api.web.officer.due import by_date, due_items
from api.web.officer.reach import my_units, plans_to_answer
from infra.database import Database
from projections.queries import nominations, registrations, reports
from services.auth.principal import Principal


async def todo(db: Database, reader: Principal, today: date) -> dict[str, Any]:
    units = await my_units(db, reader)
    items = []
    answered = await plans_to_answer(db, reader, units)
    for plan in answered:
        covered = units.in_scope_of(plan["issuing_unit_id"])
        items += due_items(plan, covered, await registrations(db, reader.tenant, plan["plan_id"]),
                           (await reports(db, reader.tenant, plan["plan_id"], today=today))["reports"],
                           await nominations(db, reader.tenant, plan["plan_id"]), today, list(units.by_id))
    return {"items": by_date(items), "today": today, "plans": answered, "units": units}
