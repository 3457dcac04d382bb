"""Campaign plans: draft, link parents (of this tenant, another tenant or an outside body),
grant links, issue, launch, amend, reviews, end condition, close.

A link to another tenant's plan brings the linking plan's figures into the parent's cascade
and rollup, so it needs the parent tenant's consent: a grant recorded on the parent plan
(`grant_links`, an event in the parent tenant's log). Without it, a link to a plan that
exists and a link to an id that does not get the same FORBIDDEN answer: no plan id of
another tenant can be probed. Exempt: the national body's plans, which every tenant
implements (the platform's tenants all sit under it), and callers who act platform-wide
(platform administrators, the national body).
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from domain.errors import BadInput, OutOfScope
from domain.organisation import OrgError, OrgTimeline
from domain.plan import ParentLink, Phase, Plan, ReportSchedule
from infra.database import validate_tenant_id
from infra.platform import Platform
from services.commands import load_or_none, run_command, update
from services.context import CommandContext, CommandResult
from services.errors import Forbidden
from services.scope import check_reach
from tenants.ids import NATIONAL_TENANT
from tenants.org_reader import load_timeline


async def draft_plan(platform: Platform, tenant: str, ctx: CommandContext, /, *, issuing_unit_id: UUID,
                     on: date | None = None, **fields: Any) -> CommandResult:
    """`fields` are Plan.draft's (theme, kind, period, eligible_subjects, phases, ...; see
    domain/plan/draft.py). The issuing unit must be a unit of this tenant (active on `on`,
    default: now). Platform parent links are checked like link_parent's."""
    drafted_in = fields.pop("tenant", tenant)

    async def decide() -> Plan:
        timeline = await load_timeline(platform, tenant)
        await check_reach(platform, tenant, ctx, issuing_unit_id, day=on, timeline=timeline)
        if drafted_in != tenant:
            raise BadInput("a plan is drafted in the tenant that issues it", rule="plan.tenant",
                       message_vi="Kế hoạch được soạn tại chính đơn vị ban hành")
        _check_issuing_unit(timeline, issuing_unit_id, on)
        for link in fields.get("parent_links", ()):
            await _check_platform_link(platform, tenant, ctx, link)
        return Plan.draft(tenant=tenant, issuing_unit_id=issuing_unit_id, **fields)
    return await run_command(platform, tenant, ctx, "draft_plan", decide)


async def link_parent(platform: Platform, tenant: str, ctx: CommandContext, plan_id: UUID,
                      link: ParentLink, *, expected_version: int | None = None) -> CommandResult:
    """A link to a plan on the platform (link.tenant + link.plan_id, possibly another tenant's)
    must name an existing plan; a link to an outside body names number, date and issuer."""
    async def step(plan: Plan) -> None:
        await _check_platform_link(platform, tenant, ctx, link)
        plan.link_parent(link)
    return await _command(platform, tenant, ctx, plan_id, expected_version, "link_parent", step)


async def grant_links(platform: Platform, tenant: str, ctx: CommandContext, plan_id: UUID, *, to_tenant: str,
                      expected_version: int | None = None) -> CommandResult:
    """Consent that plans of `to_tenant` link to this plan (by a caller who reaches its issuer)."""
    validate_tenant_id(to_tenant)

    async def step(plan: Plan) -> None:
        plan.grant_links(to_tenant)
    return await _command(platform, tenant, ctx, plan_id, expected_version, "grant_links", step)


async def issue_plan(platform: Platform, tenant: str, ctx: CommandContext, plan_id: UUID, *, number: str,
                     issued_on: date | None, signer: str, capacity: str,
                     expected_version: int | None = None) -> CommandResult:
    async def step(plan: Plan) -> None:
        plan.issue(number, issued_on, signer, capacity)
    return await _command(platform, tenant, ctx, plan_id, expected_version, "issue_plan", step)


async def launch_plan(platform: Platform, tenant: str, ctx: CommandContext, plan_id: UUID, *, on: date,
                      expected_version: int | None = None) -> CommandResult:
    async def step(plan: Plan) -> None:
        plan.launch(on)
    return await _command(platform, tenant, ctx, plan_id, expected_version, "launch_plan", step)


async def amend_plan(platform: Platform, tenant: str, ctx: CommandContext, plan_id: UUID, *, on: date,
                     reason: str, phases: list[Phase] | None = None,
                     report_schedule: ReportSchedule | None = None,
                     expected_version: int | None = None) -> CommandResult:
    async def step(plan: Plan) -> None:
        plan.amend(on, reason, phases=phases, report_schedule=report_schedule)
    return await _command(platform, tenant, ctx, plan_id, expected_version, "amend_plan", step)


async def begin_interim_review(platform: Platform, tenant: str, ctx: CommandContext, plan_id: UUID, *,
                               on: date, expected_version: int | None = None) -> CommandResult:
    async def step(plan: Plan) -> None:
        plan.begin_interim_review(on)
    return await _command(platform, tenant, ctx, plan_id, expected_version, "begin_interim_review", step)


async def begin_final_review(platform: Platform, tenant: str, ctx: CommandContext, plan_id: UUID, *,
                             on: date, expected_version: int | None = None) -> CommandResult:
    async def step(plan: Plan) -> None:
        plan.begin_final_review(on)
    return await _command(platform, tenant, ctx, plan_id, expected_version, "begin_final_review", step)


async def declare_end_condition_met(platform: Platform, tenant: str, ctx: CommandContext, plan_id: UUID, *,
                                    on: date, expected_version: int | None = None) -> CommandResult:
    async def step(plan: Plan) -> None:
        plan.declare_end_condition_met(on)
    return await _command(platform, tenant, ctx, plan_id, expected_version, "declare_end_condition_met", step)


async def close_plan(platform: Platform, tenant: str, ctx: CommandContext, plan_id: UUID, *, on: date,
                     expected_version: int | None = None) -> CommandResult:
    async def step(plan: Plan) -> None:
        plan.close(on)
    return await _command(platform, tenant, ctx, plan_id, expected_version, "close_plan", step)


async def _command(platform, tenant, ctx, plan_id, expected_version, name, step) -> CommandResult:
    """A step of an existing plan, by a caller whose subtree holds the issuing unit."""
    return await update(platform, tenant, ctx, name, Plan, plan_id, expected_version, step,
                        unit_of=lambda plan: plan.issuing_unit_id)


def _check_issuing_unit(timeline: OrgTimeline, unit_id: UUID, on: date | None) -> None:
    try:
        active = unit_id in timeline and timeline.is_active(unit_id, on or date.max)
    except OrgError:
        active = False
    if not active:
        raise OutOfScope(f"issuing unit {unit_id} is not an active unit of this tenant",
                         rule="plan.issuing_unit",
                         message_vi="Đơn vị ban hành không phải đơn vị đang hoạt động của đơn vị này")


async def _check_platform_link(platform: Platform, tenant: str, ctx: CommandContext, link: ParentLink) -> None:
    # A cross-tenant read of plan metadata: only existence and the grants are looked at.
    if link.plan_id is None:
        return
    validate_tenant_id(link.tenant)
    parent = await load_or_none(platform, link.tenant, link.plan_id, Plan)
    if link.tenant in (tenant, NATIONAL_TENANT) or _acts_platform_wide(tenant, ctx):
        if parent is None:
            raise BadInput(f"no plan {link.plan_id} in tenant {link.tenant!r} to link to",
                           rule="plan.parent_links.on_platform",
                           message_vi="Không tìm thấy kế hoạch cấp trên để liên kết")
    elif parent is None or not parent.accepts_links_from(tenant):
        raise Forbidden(f"plan {link.plan_id} of tenant {link.tenant!r} does not accept links from this tenant"
                        " (no such plan, or its tenant has not granted them)")


def _acts_platform_wide(tenant: str, ctx: CommandContext) -> bool:
    """A platform administrator (no subtree limit) or the national body."""
    return ctx.writes_under is None or tenant == NATIONAL_TENANT
