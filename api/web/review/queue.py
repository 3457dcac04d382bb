"""The nomination review queue of an upper level: a plan's nominations with the quota counter
(used / quota per award form), and each nomination's dossier files and next steps — receive,
return with a reason, appraise, council vote, forward, decide, reject — each a form with its
own idempotency key, run by the same services as REST (services/nominations, services/awards)."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import FormMultiDict, State
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter
from litestar.response import Template

from api.auth.policy import Access, scope_tenant
from api.rest.commanding import write_tenant
from api.web.form_values import day, text, uuid, whole
from api.web.forms import form_context, read_form, submit
from api.web.review.common import PAGE_SIZE, one_plan, shown_after, subtree, tenant_plans, unit_names
from api.web.review.labels import Labels
from domain.nomination import Nomination
from infra.errors import NotFoundError
from projections import queries
from projections.read_models import pages
from services import awards, decisions, files, nomination_steps, nominations
from services.auth.principal import Principal

BASE = "/review"
STEP_FIELDS = {"form.on": "on", "form.reason": "reason", "form.present": "present", "form.votes_for": "votes_for",
               "form.votes_against": "votes_against", "form.to_unit_id": "to_unit_id",
               "form.decided_on": "decided_on", "form.decision_number": "decision_number",
               "form.authority": "authority", "input.reason": "reason", "input.decision_number": "decision_number",
               "input.signer": "signer", "nomination.vote": "present", "nomination.council_vote": "present",
               "rules.authority": "authority"}

DECISION_FIELDS = {"form.decided_on": "decided_on", "form.issuer_unit_id": "issuer_unit_id",
                   "form.nomination_ids": "nomination_ids", "decision.recipients": "nomination_ids",
                   "input.symbol": "symbol", "input.signer": "signer", "rules.authority": "authority"}


class ReviewQueue(Controller):
    path = BASE
    include_in_schema = False

    @get("/")
    async def index(self, state: State, reader: NamedDependency[Principal],
                    plan: Annotated[str, QueryParameter(name="plan")] = "", status: Annotated[str, QueryParameter(name="status")] = "",
                    after: Annotated[str, QueryParameter(name="after")] = "") -> Template:
        return Template("review/queue.html", context=await _queue_context(state, reader, plan, status, after))

    @post("/{plan_id:uuid}/decision")
    async def decision(self, request: Request, state: State, reader: NamedDependency[Principal],
                       plan_id: FromPath[UUID]) -> Response:
        """One award decision (one number from the issuer's register) for the nominations ticked."""
        form = await read_form(request)

        async def issued() -> Response:
            result = await decisions.issue_decision(
                state.platform, write_tenant(reader), form_context(request, reader, form),
                issuer_unit_id=uuid(form.get("issuer_unit_id", ""), "issuer_unit_id"),
                nomination_ids=[uuid(n, "nomination_ids") for n in form.getall("nomination_ids", [])],
                symbol=text(form, "symbol"), decided_on=day(form.get("decided_on", ""), "decided_on"),
                signer=text(form, "signer"), authority=text(form, "authority"), title=text(form, "title"))
            return await shown_after(state, reader, result, f"{BASE}?plan={plan_id}&status=decided")

        context = await _queue_context(state, reader, str(plan_id), "", "") | {"typed": form, "step": "decision"}
        return await submit("review/queue.html", context, issued, DECISION_FIELDS)

    @get("/{plan_id:uuid}/{nomination_id:uuid}")
    async def show(self, state: State, reader: NamedDependency[Principal], plan_id: FromPath[UUID],
                   nomination_id: FromPath[UUID]) -> Template:
        return Template("review/nomination.html", context=await _nomination_context(state, reader, plan_id,
                                                                                    nomination_id))

    @post("/{plan_id:uuid}/{nomination_id:uuid}/{step:str}")
    async def step(self, request: Request, state: State, reader: NamedDependency[Principal], plan_id: FromPath[UUID],
                   nomination_id: FromPath[UUID], step: FromPath[str]) -> Response:
        form = await read_form(request)
        if step not in STEPS:
            raise NotFoundError(f"no step {step!r}")

        async def done() -> Response:
            tenant = write_tenant(reader)
            result = await STEPS[step](state, tenant, form_context(request, reader, form), nomination_id, form)
            return await shown_after(state, reader, result, f"{BASE}/{plan_id}/{nomination_id}")

        context = await _nomination_context(state, reader, plan_id, nomination_id) | {"step": step, "typed": form}
        return await submit("review/nomination.html", context, done, STEP_FIELDS)


async def _queue_context(state: State, reader: Principal, plan: str, status: str, after: str) -> dict:
    tenant = scope_tenant(reader, Access.TENANT_DATA)
    plans = [p for p in await tenant_plans(state, reader) if p["status"] not in ("drafted", "issued")]
    chosen = uuid(plan, "plan", required=False) or (plans[0]["plan_id"] if plans else None)
    context = {"reader": reader, "labels": Labels, "plans": plans, "chosen": chosen, "status": status,
               "typed": FormMultiDict(), "step": None, "today": date.today(), "units": await subtree(state, reader)}
    if chosen is None:
        return context
    page = await pages.nominations(state.platform.db, tenant, chosen, first=PAGE_SIZE,
                                   after=tuple(after.split("~")) if after else None, status=status or None)
    ready = [row for row in await queries.nominations(state.platform.db, tenant, chosen)
             if row["status"] in ("voted", "forwarded")]
    return context | {"plan": await one_plan(state, reader, chosen), "page": page, "ready": ready,
                      "counter": await quota_counter(state, reader, chosen),
                      "next": "~".join(str(page.rows[-1][c]) for c in pages.NOMINATION_KEY.columns)
                      if page.has_next else None}


async def quota_counter(state: State, reader: Principal, plan_id: UUID) -> list[dict]:
    """Per quota group of the plan: the award forms sharing it, used and quota (the ledgers of
    quota_use, one per nominating unit; a group with no ledger yet shows the plan's figure)."""
    tenant = scope_tenant(reader, Access.TENANT_DATA)
    plan = await one_plan(state, reader, plan_id)
    ledgers = await queries.quota_use(state.platform.db, tenant, plan_id)
    names = await unit_names(state, reader) if len({row["nominating_unit_id"] for row in ledgers}) > 1 else {}
    counter = []
    for rule in plan["quota_rules"]:
        forms = [f for f in plan["award_forms"] if f.get("quota_pool") == rule["pool"]]
        shown = {"pool": rule["pool"], "forms": forms, "codes": {f["code"] for f in forms},
                 "percent": rule.get("max_percent")}
        mine = [row for row in ledgers if row["pool"] == rule["pool"]]
        if mine:
            counter += [shown | {"used": row["used"], "limit": row["quota_limit"],
                                 "unit": names.get(row["nominating_unit_id"], "")} for row in mine]
        else:
            counter.append(shown | {"used": 0, "limit": rule.get("max_count")})
    return counter


async def _nomination_context(state: State, reader: Principal, plan_id: UUID, nomination_id: UUID) -> dict:
    tenant = scope_tenant(reader, Access.TENANT_DATA)
    rows = await queries.nominations(state.platform.db, tenant, plan_id)
    nomination = next((row for row in rows if row["nomination_id"] == nomination_id), None)
    if nomination is None:
        raise NotFoundError(f"nomination {nomination_id} not found")
    plan = await one_plan(state, reader, plan_id)
    form = next((f for f in plan["award_forms"] if f["code"] == nomination["award_form"]), None)
    units = await subtree(state, reader)
    return {"reader": reader, "labels": Labels, "plan": plan, "nomination": nomination, "award_form": form,
            "files": await files.list_files(state.platform, tenant, Nomination, nomination_id),
            "counter": [c for c in await quota_counter(state, reader, plan_id)
                        if form and form["code"] in c["codes"]],
            "decision_id": await nomination_steps.decision_of(state.platform, tenant, nomination_id)
            if nomination["decision_number"] else None,
            "names": {u["unit_id"]: u["name"] for u in units}, "units": units, "today": date.today(),
            "step": None, "typed": FormMultiDict()}


# --- the steps: each reads its fields and calls the service -------------------------------

async def _receive(state, tenant, ctx, nid, form):
    return await nominations.receive(state.platform, tenant, ctx, nid, on=day(form.get("on", ""), "on"))


async def _return(state, tenant, ctx, nid, form):
    return await nominations.return_for_correction(state.platform, tenant, ctx, nid, reason=text(form, "reason"),
                                                   on=day(form.get("on", ""), "on"))


async def _appraise(state, tenant, ctx, nid, form):
    return await nominations.appraise(state.platform, tenant, ctx, nid, on=day(form.get("on", ""), "on"),
                                      note=text(form, "note"))


async def _vote(state, tenant, ctx, nid, form):
    return await nominations.record_council_vote(
        state.platform, tenant, ctx, nid, on=day(form.get("on", ""), "on"),
        present=whole(form.get("present", ""), "present"), votes_for=whole(form.get("votes_for", ""), "votes_for"),
        votes_against=whole(form.get("votes_against", ""), "votes_against"))


async def _forward(state, tenant, ctx, nid, form):
    return await nominations.forward_up(state.platform, tenant, ctx, nid, on=day(form.get("on", ""), "on"),
                                        to_unit_id=uuid(form.get("to_unit_id", ""), "to_unit_id"))


async def _decide(state, tenant, ctx, nid, form):
    return await awards.decide_award(
        state.platform, tenant, ctx, nid, decision_number=text(form, "decision_number"),
        decided_on=day(form.get("decided_on", ""), "decided_on"), signer=text(form, "signer"),
        authority=text(form, "authority"), enterprise_waiting=whole(form.get("enterprise_waiting", ""),
                                                                    "enterprise_waiting", required=False, default=0))


async def _reject(state, tenant, ctx, nid, form):
    return await nominations.reject(state.platform, tenant, ctx, nid, reason=text(form, "reason"), on=day(form.get("on", ""), "on"))


STEPS = {"receive": _receive, "return": _return, "appraise": _appraise, "vote": _vote, "forward": _forward,
         "decide": _decide, "reject": _reject}
