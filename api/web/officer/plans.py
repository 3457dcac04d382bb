"""The plans my units must answer: the list, and one plan read-only (phases, deadlines,
standards, award forms, report schedule) with my units' registrations and nominations."""

from __future__ import annotations

from uuid import UUID

from litestar import Controller, get
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery
from litestar.response import Template

from api.web.officer.days import as_of
from api.web.officer.reach import my_units, one_plan, plans_to_answer
from projections.queries import registrations
from projections.read_models.reads import unit_nominations
from services.auth.principal import Principal
from services.errors import NotFoundError


class PlanPages(Controller):
    path = "/unit/plans"
    include_in_schema = False

    @get("/")
    async def index(self, state: State, reader: NamedDependency[Principal]) -> Template:
        db = state.platform.db
        units = await my_units(db, reader)
        return Template("officer/plans.html", context={
            "reader": reader, "plans": await plans_to_answer(db, reader, units), "units": units})

    @get("/{plan_id:uuid}")
    async def show(self, state: State, reader: NamedDependency[Principal], plan_id: FromPath[UUID],
                   on: FromQuery[str | None] = None) -> Template:
        db = state.platform.db
        plan = await one_plan(db, reader, plan_id)
        if plan is None:
            raise NotFoundError(f"no plan {plan_id}")
        units = await my_units(db, reader)
        covered = units.in_scope_of(plan["issuing_unit_id"])
        regs = {(r["unit_id"], r["phase"]): r for r in await registrations(db, reader.tenant, plan_id)
                if r["unit_id"] in set(covered)}
        nominated = [n for n in await unit_nominations(db, reader.tenant, list(units.by_id)) if n["plan_id"] == plan_id]
        return Template("officer/plan.html", context={
            "reader": reader, "plan": plan, "units": units, "covered": covered, "regs": regs,
            "nominations": nominated, "today": as_of(on),
            "phases": [p["name"] for p in plan["phases"]] or [""]})
