"""Plan commands: draft, issue, launch, close. Nested value objects decode straight into the
domain's dataclasses (dates, decimals, UUIDs typed); the domain validates them."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from litestar import Controller, Request, Response, post
from litestar.datastructures import State

from api.auth.principal import Principal
from api.rest.commanding import Body, CommandReply, authorize_unit, command_context, reply, write_tenant
from domain.plan_values import (AwardForm, Criteria, DossierItem, ParentLink, Period, Phase, QuotaRule,
                                ReportSchedule)
from services import plans


class DraftPlan(Body):
    issuing_unit_id: UUID
    theme: str
    kind: str
    period: Period
    eligible_subjects: list[str]
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
    standards: list[str] = []
    late_registration_policy: str = "refuse"
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
    async def draft(self, request: Request, state: State, principal: Principal,
                    data: DraftPlan) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        await authorize_unit(state.platform, principal, data.issuing_unit_id, data.on)
        fields = {f: getattr(data, f) for f in data.__struct_fields__ if f not in ("issuing_unit_id", "on")}
        return reply(await plans.draft_plan(state.platform, tenant, command_context(request, principal),
                                            issuing_unit_id=data.issuing_unit_id, on=data.on, **fields))

    @post("/{plan_id:uuid}/issue", summary="Issue a drafted plan (number, date, signer)")
    async def issue(self, request: Request, state: State, principal: Principal, plan_id: UUID,
                    data: IssuePlan) -> Response[CommandReply]:
        tenant = await authorize_plan(state, principal, plan_id)
        return reply(await plans.issue_plan(state.platform, tenant, command_context(request, principal), plan_id,
                                            number=data.number, issued_on=data.issued_on, signer=data.signer,
                                            capacity=data.capacity, expected_version=data.expected_version))

    @post("/{plan_id:uuid}/launch", summary="Launch an issued plan")
    async def launch(self, request: Request, state: State, principal: Principal, plan_id: UUID,
                     data: OnDay) -> Response[CommandReply]:
        tenant = await authorize_plan(state, principal, plan_id)
        return reply(await plans.launch_plan(state.platform, tenant, command_context(request, principal), plan_id,
                                             on=data.on, expected_version=data.expected_version))

    @post("/{plan_id:uuid}/close", summary="Close a plan")
    async def close(self, request: Request, state: State, principal: Principal, plan_id: UUID,
                    data: OnDay) -> Response[CommandReply]:
        tenant = await authorize_plan(state, principal, plan_id)
        return reply(await plans.close_plan(state.platform, tenant, command_context(request, principal), plan_id,
                                            on=data.on, expected_version=data.expected_version))


async def authorize_plan(state: State, principal: Principal, plan_id: UUID) -> str:
    """The caller's tenant, once its subtree holds the issuing unit (NOT_FOUND in another tenant)."""
    tenant = write_tenant(principal)
    plan = await plans.get_plan(state.platform, tenant, plan_id)  # NOT_FOUND in another tenant
    await authorize_unit(state.platform, principal, plan.issuing_unit_id)
    return tenant
