"""Registering a unit on a plan's form (BẢNG ĐĂNG KÝ: targets, work items, initiatives), and
the unit's page on the plan: its registration with results, its periodic reports, the forms
to record both, and the filled documents to download."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import FormMultiDict, State
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template

from api.rest.commanding import write_tenant
from api.web import form_values
from api.web.forms import form_context, read_form, submit
from api.web.officer.days import as_of
from api.web.officer.reach import Units, my_units, one_plan, unit_options
from domain.plan import ReportSchedule, schedule
from domain.registration import Target
from domain.report import ReportFigures
from infra.platform import Platform
from projections.queries import reports
from projections.read_your_writes import wait_until_projected
from services import registrations
from services import reports as report_service
from services.auth.principal import Principal
from services.errors import NotFoundError

TARGET_ROWS = 3  # the seed's form asks for a few targets; more rows make a long page on a phone
REGISTER_FIELDS = {"plan.registration_deadline": "on", "registration.once_per_phase": "phase",
                   "registration.scope": "unit_id", "registration.targets": "target-0-indicator",
                   "registration.plan_launched": "phase", "form.on": "on", "form.unit_id": "unit_id",
                   "work_item": "work_items", "initiative": "initiatives",
                   **{f"form.target-{i}-amount": f"target-{i}-amount" for i in range(TARGET_ROWS)}}
RESULT_FIELDS = {"registration.results": "achieved", "form.achieved": "achieved", "form.on": "result_on"}
REPORT_FIELDS = {"report.schedule": "day", "report.once_per_day": "day", "form.day": "day",
                 "form.submitted_on": "submitted_on", "report": "day",
                 **{f"form.{n}": n for n in ("members_supported", "funds_mobilised", "initiatives",
                                               "work_items_completed")}}


class RegistrationPages(Controller):
    path = "/unit/plans/{plan_id:uuid}"
    include_in_schema = False

    @get("/register")
    async def form(self, state: State, reader: NamedDependency[Principal], plan_id: FromPath[UUID],
                   unit: FromQuery[UUID | None] = None, on: FromQuery[str | None] = None) -> Template:
        context = await _register_context(state.platform, reader, plan_id)
        values = {"unit_id": str(unit or ""), "on": as_of(on).isoformat()}
        return Template("officer/register.html", context={**context, "values": values})

    @post("/register")
    async def register(self, request: Request, state: State, reader: NamedDependency[Principal],
                       plan_id: FromPath[UUID]) -> Response:
        form = await read_form(request)
        context = {**await _register_context(state.platform, reader, plan_id), "values": dict(form.items())}

        async def registered() -> Response:
            unit_id, on = form_values.uuid(form.get("unit_id"), "unit_id"), form_values.day(form.get("on"), "on")
            result = await registrations.register_unit(
                state.platform, write_tenant(reader), form_context(request, reader, form), plan_id=plan_id,
                unit_id=unit_id, phase=form.get("phase", ""), targets=_targets(form), on=on,
                work_items=form_values.lines(form.get("work_items")), initiatives=form_values.lines(form.get("initiatives")))
            await wait_until_projected(state.platform.db, reader.tenant, result.position)
            return Redirect(f"/unit/plans/{plan_id}/units/{unit_id}?registered=1&on={on}", status_code=303)

        return await submit("officer/register.html", context, registered, REGISTER_FIELDS)

    @get("/units/{unit_id:uuid}")
    async def unit_page(self, state: State, reader: NamedDependency[Principal], plan_id: FromPath[UUID], unit_id: FromPath[UUID],
                        on: FromQuery[str | None] = None) -> Template:
        return Template("officer/unit.html", context=await _unit_context(state.platform, reader, plan_id, unit_id,
                                                                         as_of(on)))

    @post("/units/{unit_id:uuid}/results")
    async def record_result(self, request: Request, state: State, reader: NamedDependency[Principal],
                            plan_id: FromPath[UUID], unit_id: FromPath[UUID]) -> Response:
        form = await read_form(request)
        context = await _unit_context(state.platform, reader, plan_id, unit_id, as_of(form.get("as_of")))
        context["result_values"] = dict(form.items())

        async def recorded() -> Response:
            result = await registrations.record_result(
                state.platform, write_tenant(reader), form_context(request, reader, form),
                form_values.uuid(form.get("registration_id"), "registration_id"), indicator=form.get("indicator", ""),
                achieved=form_values.number(form.get("achieved"), "achieved"), on=form_values.day(form.get("result_on"), "result_on"))
            await wait_until_projected(state.platform.db, reader.tenant, result.position)
            return Redirect(f"/unit/plans/{plan_id}/units/{unit_id}?recorded=1&on={context['today']}#results",
                            status_code=303)

        return await submit("officer/unit.html", context, recorded, RESULT_FIELDS)

    @post("/units/{unit_id:uuid}/reports")
    async def submit_report(self, request: Request, state: State, reader: NamedDependency[Principal],
                            plan_id: FromPath[UUID], unit_id: FromPath[UUID]) -> Response:
        form = await read_form(request)
        context = await _unit_context(state.platform, reader, plan_id, unit_id, as_of(form.get("as_of")))
        context["report_values"] = dict(form.items())

        async def reported() -> Response:
            figures = ReportFigures(
                members_supported=form_values.whole(form.get("members_supported"), "members_supported", required=False, default=0),
                funds_mobilised=form_values.whole(form.get("funds_mobilised"), "funds_mobilised", required=False, default=0), initiatives=form_values.whole(form.get("initiatives"), "initiatives", required=False, default=0),
                work_items_completed=form_values.whole(form.get("work_items_completed"), "work_items_completed", required=False, default=0), note=form.get("note", "").strip())
            result = await report_service.submit_report(
                state.platform, write_tenant(reader), form_context(request, reader, form), plan_id=plan_id,
                unit_id=unit_id, day=form_values.day(form.get("day"), "day"), figures=figures,
                submitted_on=form_values.day(form.get("submitted_on"), "submitted_on"))
            await wait_until_projected(state.platform.db, reader.tenant, result.position)
            return Redirect(f"/unit/plans/{plan_id}/units/{unit_id}?reported=1&on={context['today']}#reports",
                            status_code=303)

        return await submit("officer/unit.html", context, reported, REPORT_FIELDS)


def _targets(form: FormMultiDict) -> list[Target]:
    rows = []
    for i in range(TARGET_ROWS):
        indicator = (form.get(f"target-{i}-indicator") or "").strip()
        amount = (form.get(f"target-{i}-amount") or "").strip()
        if indicator or amount:
            rows.append(Target(indicator, form_values.number(form.get(f"target-{i}-amount"), f"target-{i}-amount"),
                               (form.get(f"target-{i}-unit") or "").strip()))
    return rows


async def _plan_and_units(platform: Platform, reader: Principal, plan_id: UUID) -> tuple[dict, Units, list[UUID]]:
    plan = await one_plan(platform.db, reader, plan_id)
    if plan is None:
        raise NotFoundError(f"no plan {plan_id}")
    units = await my_units(platform.db, reader)
    return plan, units, units.in_scope_of(plan["issuing_unit_id"])


async def _register_context(platform: Platform, reader: Principal, plan_id: UUID) -> dict[str, Any]:
    plan, units, covered = await _plan_and_units(platform, reader, plan_id)
    phases = [p["name"] for p in plan["phases"]] or [""]
    return {"reader": reader, "plan": plan, "units": units, "covered": covered, "phases": phases,
            "unit_options": unit_options(units, covered), "phase_options": [(p, p) for p in phases],
            "target_rows": TARGET_ROWS}


async def _unit_context(platform: Platform, reader: Principal, plan_id: UUID, unit_id: UUID,
                        today: date) -> dict[str, Any]:
    plan, units, _ = await _plan_and_units(platform, reader, plan_id)
    phases = [p["name"] for p in plan["phases"]] or [""]
    registered = []
    for phase in phases:
        found = await registrations.get_registration(platform, reader.tenant, plan_id=plan_id, phase=phase,
                                                     unit_id=unit_id)
        if found is not None:
            registered.append(found)
    got = [r for r in (await reports(platform.db, reader.tenant, plan_id, today=today))["reports"]
           if r["unit_id"] == unit_id]
    return {"reader": reader, "plan": plan, "units": units, "unit_id": unit_id, "unit_name": units.name(unit_id),
            "phases": phases, "registrations": registered, "reports": got, "today": today,
            "report_days": _report_days(plan, today, {r["day"] for r in got}),
            "result_values": {}, "report_values": {}}


def _report_days(plan: dict[str, Any], today: date, done: set[date]) -> list[date]:
    """Reporting days without a report yet, up to a month ahead (the report form's choices)."""
    if not plan["report_days"] or plan["start"] is None:
        return []
    sched = ReportSchedule(tuple(plan["report_days"]), plan["grace_days"])
    end = min(d for d in (plan["end"], today + timedelta(days=31)) if d is not None)
    return [d for d in schedule.reporting_days(sched, plan["start"], max(end, plan["start"])) if d not in done]
