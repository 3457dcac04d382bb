"""Plans issued by the reader's units: the list, the drafting form, issue and launch, and the
cascade of plans implementing each (services/plans; the plans and plan_cascade read models)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Template

from api.auth.policy import Access, scope_tenant
from api.rest.commanding import write_tenant
from api.web.form_values import day, text
from api.web.forms import form_context, read_form, submit
from api.web.review.common import one_plan, shown_after, subtree, tenant_plans, unit_names
from api.web.review.labels import Labels
from api.web.review.plan_form import CHOICES, FIELDS, PlanForm
from projections import queries
from services import plans
from services.auth.principal import Principal

BASE = "/issued-plans"


class PlanPages(Controller):
    path = BASE
    include_in_schema = False

    @get("/")
    async def index(self, state: State, reader: NamedDependency[Principal]) -> Template:
        names = await unit_names(state, reader)
        return Template("review/plans.html", context={"reader": reader, "plans": await tenant_plans(state, reader),
                                                      "names": names, "labels": Labels})

    @get("/new")
    async def new(self, state: State, reader: NamedDependency[Principal]) -> Template:
        return Template("review/plan_form.html", context=await _form_context(state, reader, PlanForm()))

    @post("/new")
    async def draft(self, request: Request, state: State, reader: NamedDependency[Principal]) -> Response:
        form = await read_form(request)
        typed = PlanForm.read(form)

        async def drafted() -> Response:
            tenant = write_tenant(reader)
            result = await plans.draft_plan(state.platform, tenant, form_context(request, reader, form),
                                            **typed.draft_arguments())
            return await shown_after(state, reader, result, f"{BASE}/{result.id}")

        return await submit("review/plan_form.html", await _form_context(state, reader, typed), drafted, FIELDS)

    @get("/{plan_id:uuid}")
    async def show(self, state: State, reader: NamedDependency[Principal], plan_id: FromPath[UUID]) -> Template:
        return Template("review/plan.html", context=await _plan_context(state, reader, plan_id))

    @post("/{plan_id:uuid}/issue")
    async def issue(self, request: Request, state: State, reader: NamedDependency[Principal],
                    plan_id: FromPath[UUID]) -> Response:
        form = await read_form(request)

        async def issued() -> Response:
            result = await plans.issue_plan(
                state.platform, write_tenant(reader), form_context(request, reader, form), plan_id,
                number=text(form, "number"), issued_on=day(form.get("issued_on", ""), "issued_on", required=False),
                signer=text(form, "signer"), capacity=text(form, "capacity"))
            return await shown_after(state, reader, result, f"{BASE}/{plan_id}")

        context = await _plan_context(state, reader, plan_id) | {"step": "issue"}
        return await submit("review/plan.html", context, issued,
                            {"form.issued_on": "issued_on", "plan.issue": "number"})

    @post("/{plan_id:uuid}/launch")
    async def launch(self, request: Request, state: State, reader: NamedDependency[Principal],
                     plan_id: FromPath[UUID]) -> Response:
        form = await read_form(request)

        async def launched() -> Response:
            result = await plans.launch_plan(state.platform, write_tenant(reader),
                                             form_context(request, reader, form), plan_id,
                                             on=day(form.get("on", ""), "on"))
            return await shown_after(state, reader, result, f"{BASE}/{plan_id}")

        context = await _plan_context(state, reader, plan_id) | {"step": "launch"}
        return await submit("review/plan.html", context, launched, {"form.on": "on"})


async def _form_context(state: State, reader: Principal, typed: PlanForm) -> dict:
    units = await subtree(state, reader)
    return {"reader": reader, "form": typed, "units": units, "choices": CHOICES, "labels": Labels,
            "parents": await _tenant_wide(state, reader)}


async def _tenant_wide(state: State, reader: Principal) -> list[dict]:
    """Plans a unit's plan may implement: every plan of the tenant (the province's above a district's)."""
    tenant = scope_tenant(reader, Access.METADATA)
    return await queries.plans(state.platform.db, queries.PlanFilter(tenant=tenant), scope=tenant, limit=200)


async def _plan_context(state: State, reader: Principal, plan_id: UUID) -> dict:
    plan = await one_plan(state, reader, plan_id)
    cascade = await queries.plan_cascade(state.platform.db, queries.PlanRef(reader.tenant, plan_id),
                                         tenant=scope_tenant(reader, Access.METADATA))
    names = await unit_names(state, reader)
    return {"reader": reader, "plan": plan, "cascade": cascade, "names": names, "today": date.today(),
            "step": None, "labels": Labels}
