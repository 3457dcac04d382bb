"""Plan commands after the launch, and parent links: amend, link a parent, grant links to
another tenant, interim review, final review, end condition met. Draft, issue, launch and
close live in api/rest/plans.py.

Each is authorised on the plan's issuing unit (the caller's subtree must hold it); the
domain decides whether the plan's status allows the step (INVALID_TRANSITION names the rule).
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from litestar import Controller, Request, Response, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from api.rest.commanding import Body, CommandReply, command_context, reply, write_tenant
from api.rest.plans import OnDay, plan_step
from api.rest.vocabulary import Relation
from domain.plan import Deadline, ParentLink, Phase, ReportSchedule
from services import plans
from services.auth.principal import Principal


# Strict mirrors of the domain's value objects: msgspec ignores unknown fields of a plain
# dataclass, and an amendment must not silently drop a misspelt deadline.
class DeadlineBody(Body):
    on: date
    inclusive: bool = True


class PhaseBody(Body):
    name: str
    start: date
    end: date
    registration_deadline: DeadlineBody | None = None
    dossier_deadline: DeadlineBody | None = None
    start_precision: str = "day"

    def to_domain(self) -> Phase:
        return Phase(self.name, self.start, self.end, _deadline(self.registration_deadline),
                     _deadline(self.dossier_deadline), self.start_precision)


class ReportScheduleBody(Body):
    days_of_month: list[int] = []
    grace_days: int = 0
    recipient: str = ""

    def to_domain(self) -> ReportSchedule:
        return ReportSchedule(tuple(self.days_of_month), self.grace_days, self.recipient)


class AmendPlan(Body):
    on: date
    reason: str
    phases: list[PhaseBody] | None = None  # None keeps the plan's phases; a list replaces them
    report_schedule: ReportScheduleBody | None = None
    expected_version: int | None = None


class LinkParent(Body):
    """A plan on the platform (tenant + plan_id, any tenant) or an outside document
    (number or title, with its date and issuer)."""

    relation: Relation
    tenant: str = ""
    plan_id: UUID | None = None
    number: str = ""
    issued_on: date | None = None
    issuer: str = ""
    title: str = ""
    expected_version: int | None = None


class GrantLinks(Body):
    """Consent that plans of `tenant` link to this plan (and so join its cascade)."""

    tenant: str
    expected_version: int | None = None


class PlanLifecycle(Controller):
    path = "/plans"
    tags = ["plans"]

    @post("/{plan_id:uuid}/amend", summary="Amend a launched plan (reason; optional new phases, report schedule)")
    async def amend(self, request: Request, state: State, principal: NamedDependency[Principal],
                    plan_id: FromPath[UUID], data: JSONBody[AmendPlan]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        phases = None if data.phases is None else [p.to_domain() for p in data.phases]
        schedule = None if data.report_schedule is None else data.report_schedule.to_domain()
        return reply(await plans.amend_plan(state.platform, tenant, command_context(request, principal), plan_id,
                                            on=data.on, reason=data.reason, phases=phases, report_schedule=schedule,
                                            expected_version=data.expected_version))

    @post("/{plan_id:uuid}/parents", summary="Link a parent: a platform plan or an outside document")
    async def link_parent(self, request: Request, state: State, principal: NamedDependency[Principal],
                          plan_id: FromPath[UUID], data: JSONBody[LinkParent]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        link = ParentLink(relation=data.relation, number=data.number, issued_on=data.issued_on,
                          issuer=data.issuer, title=data.title, tenant=data.tenant, plan_id=data.plan_id)
        return reply(await plans.link_parent(state.platform, tenant, command_context(request, principal), plan_id,
                                             link, expected_version=data.expected_version))

    @post("/{plan_id:uuid}/link-grants", summary="Let plans of another tenant link to this plan (consent)")
    async def grant_links(self, request: Request, state: State, principal: NamedDependency[Principal],
                          plan_id: FromPath[UUID], data: JSONBody[GrantLinks]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await plans.grant_links(state.platform, tenant, command_context(request, principal), plan_id,
                                             to_tenant=data.tenant, expected_version=data.expected_version))

    @post("/{plan_id:uuid}/interim-review", summary="Begin the interim review (sơ kết)")
    async def interim_review(self, request: Request, state: State, principal: NamedDependency[Principal],
                             plan_id: FromPath[UUID], data: JSONBody[OnDay]) -> Response[CommandReply]:
        return await plan_step(request, state, principal, plan_id, plans.begin_interim_review, data)

    @post("/{plan_id:uuid}/final-review", summary="Begin the final review (tổng kết)")
    async def final_review(self, request: Request, state: State, principal: NamedDependency[Principal],
                           plan_id: FromPath[UUID], data: JSONBody[OnDay]) -> Response[CommandReply]:
        return await plan_step(request, state, principal, plan_id, plans.begin_final_review, data)

    @post("/{plan_id:uuid}/end-condition-met", summary="Declare an open-ended plan's end condition met")
    async def end_condition_met(self, request: Request, state: State, principal: NamedDependency[Principal],
                                plan_id: FromPath[UUID], data: JSONBody[OnDay]) -> Response[CommandReply]:
        return await plan_step(request, state, principal, plan_id, plans.declare_end_condition_met, data)


def _deadline(body: DeadlineBody | None) -> Deadline | None:
    return None if body is None else Deadline(body.on, body.inclusive)
