"""Plan commands: draft, issue, launch, close. Nested value objects decode straight into the
domain's dataclasses (dates, decimals, UUIDs typed); the domain validates them."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from api.rest.commanding import Body, CommandReply, command_context, reply, write_tenant
from api.rest.strict import unknown_fields
from api.rest.vocabulary import LatePolicy, PlanKind, Standard, Subject
from domain.errors import BadInput
from domain.plan import AwardForm, Criteria, DossierItem, ParentLink, Period, Phase, QuotaRule, ReportSchedule
from services import plans
from services.auth.principal import Principal


class DraftPlan(Body):
    issuing_unit_id: UUID
    theme: str
    kind: PlanKind
    period: Period
    eligible_subjects: list[Subject]
    on: date | None = None
    slogan: str = ""
    content_items: list[str] = []
    criteria: Criteria = Criteria()
    models: list[str] = []
    phases: list[Phase] = []
    report_schedule: ReportSchedule = ReportSchedule()
    award_forms: list[AwardForm] = []
    quota_rules: list[QuotaRule] = []
    dossier: list[DossierItem] = []
    standards: list[Standard] = []
    late_registration_policy: LatePolicy = "refuse"
    parent_links: list[ParentLink] = []


class IssuePlan(Body):
    number: str
    issued_on: date | None
    signer: str
    capacity: str
    expected_version: int | None = None


class OnDay(Body):
    on: date
    expected_version: int | None = None


class PlanCommands(Controller):
    path = "/plans"
    tags = ["plans"]

    @post("/", summary="Draft a plan (Idempotency-Key header honoured)")
    async def draft(self, request: Request, state: State, principal: NamedDependency[Principal],
                    data: JSONBody[DraftPlan]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        if extra := unknown_fields(await request.json(), DraftPlan):
            raise BadInput(f"unknown fields: {', '.join(extra)}", rule="api.body.unknown_fields")
        return reply(await plans.draft_plan(state.platform, tenant, command_context(request, principal),
                                            **msgspec.structs.asdict(data)))

    @post("/{plan_id:uuid}/issue", summary="Issue a drafted plan (number, date, signer)")
    async def issue(self, request: Request, state: State, principal: NamedDependency[Principal],
                    plan_id: FromPath[UUID], data: JSONBody[IssuePlan]) -> Response[CommandReply]:
        return await plan_step(request, state, principal, plan_id, plans.issue_plan, data)

    @post("/{plan_id:uuid}/launch", summary="Launch an issued plan")
    async def launch(self, request: Request, state: State, principal: NamedDependency[Principal],
                     plan_id: FromPath[UUID], data: JSONBody[OnDay]) -> Response[CommandReply]:
        return await plan_step(request, state, principal, plan_id, plans.launch_plan, data)

    @post("/{plan_id:uuid}/close", summary="Close a plan")
    async def close(self, request: Request, state: State, principal: NamedDependency[Principal],
                    plan_id: FromPath[UUID], data: JSONBody[OnDay]) -> Response[CommandReply]:
        return await plan_step(request, state, principal, plan_id, plans.close_plan, data)


async def plan_step(request: Request, state: State, principal: Principal, plan_id: UUID,
                    command, data: Body) -> Response[CommandReply]:
    """Run the service step with the body's fields as keywords (it checks the caller's reach)."""
    return reply(await command(state.platform, write_tenant(principal), command_context(request, principal), plan_id,
                               **msgspec.structs.asdict(data)))
