"""Award decisions against a quota ledger, safe under concurrent deciders.

A decision loads the nomination and its ledger, checks everything in the domain, then saves
BOTH in one transaction. Two deciders racing for the last slot write the same ledger version;
the store accepts one. The loser reloads and tries again, and now meets QUOTA_EXCEEDED.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.award import decide_award as domain_decide
from domain.award import nominee_record
from domain.award import revoke_award as domain_revoke
from domain.decision import AwardDecision
from domain.errors import Duplicate
from domain.ids import quota_id, registration_id
from domain.nomination import Nomination
from domain.nomination_checks import NomineeRecord
from domain.plan import Plan
from domain.quota import AwardQuota
from domain.quota import open_quota as domain_open_quota
from domain.registration import Registration
from domain.report import missing_reports
from domain.rules import RuleBook, default_rulebook
from infra.platform import Platform
from infra.stream_queries import existing_streams
from services.commands import A, check_version, load, load_or_none, run_command
from services.context import CommandContext, CommandResult
from services.reports import reports_of
from services.scope import check_reach
from tenants.org_reader import unit_ids

MAX_RETRIES = 11  # each lost race means another decider took a slot; bounded by the quota


async def count_registered_units(platform: Platform, tenant: str, plan: Plan) -> int:
    """Distinct units of the tenant registered in any phase of the plan (the 5 % basis)."""
    units = await unit_ids(platform, tenant)
    phases = [p.name for p in plan.phases] or [""]
    ids = {registration_id(tenant, plan.id, ph, u): u for u in units for ph in phases}
    found = await existing_streams(platform.repository, tenant, list(ids))
    return len({ids[i] for i in found})


async def open_quota(platform: Platform, tenant: str, ctx: CommandContext, *, plan_id: UUID, pool: str,
                     nominating_unit_id: UUID, registered_collectives: int | None = None,
                     cap: int | None = None) -> CommandResult:
    """Open the ledger of `pool` for a nominating unit. The basis defaults to the units
    registered for the plan; `cap` is an extra limit from the RuleBook. DUPLICATE if open."""
    async def decide() -> AwardQuota:
        plan = await load(platform, tenant, plan_id, Plan)
        await check_reach(platform, tenant, ctx, nominating_unit_id)
        return await _new_ledger(platform, tenant, plan, pool, nominating_unit_id, registered_collectives, cap)
    return await run_command(platform, tenant, ctx, "open_quota", decide, on_conflict=lambda: Duplicate(
        f"the quota {pool!r} is already open", rule="quota.open.once",
        message_vi=f"Chỉ tiêu {pool!r} đã được mở"))


async def decide_award(platform: Platform, tenant: str, ctx: CommandContext, nomination_id: UUID, *,
                       decision_number: str, decided_on: date, signer: str, authority: str,
                       rulebook: RuleBook | None = None, enterprise_waiting: int = 0,
                       under_discipline: bool = False, expected_version: int | None = None) -> CommandResult:
    """Decide the award; takes a quota slot when the form has a pool (the ledger is opened on
    first use). Refusals: QUOTA_EXCEEDED, PRIORITY_NOT_RESPECTED, AUTHORITY_NOT_ALLOWED,
    STANDARDS_NOT_MET, INVALID_TRANSITION; CONFLICT if `expected_version` is stale."""
    rulebook = rulebook or default_rulebook()

    async def decide() -> tuple[Nomination | AwardQuota, ...]:
        nomination = await nomination_to_decide(platform, tenant, ctx, nomination_id, expected_version)
        plan = await load(platform, tenant, nomination.plan_id, Plan)
        quota = await ledger_of(platform, tenant, plan, nomination)
        record = await gather_record(platform, tenant, plan, nomination, decided_on, under_discipline)
        domain_decide(nomination, quota, plan=plan, rulebook=rulebook, record=record,
                      decision_number=decision_number, decided_on=decided_on, signer=signer,
                      authority=authority, enterprise_waiting=enterprise_waiting)
        return nomination, *_present(quota)
    return await run_command(platform, tenant, ctx, "decide_award", decide, retries=MAX_RETRIES)


async def revoke_award(platform: Platform, tenant: str, ctx: CommandContext, nomination_id: UUID, *,
                       reason: str, on: date, expected_version: int | None = None) -> CommandResult:
    """Revoke a decided award; its quota slot goes back to the ledger, and the revocation is
    entered against the decision document that gave it."""
    async def decide() -> tuple[Nomination | AwardQuota | AwardDecision, ...]:
        nomination = await nomination_to_decide(platform, tenant, ctx, nomination_id, expected_version)
        plan = await load(platform, tenant, nomination.plan_id, Plan)
        quota = await _existing_ledger(platform, tenant, plan, nomination)
        decision = None
        if nomination.decision_id is not None:
            decision = await load(platform, tenant, nomination.decision_id, AwardDecision)
        domain_revoke(nomination, quota, reason=reason, on=on, decision=decision)
        return nomination, *_present(quota), *_present(decision)
    return await run_command(platform, tenant, ctx, "revoke_award", decide, retries=MAX_RETRIES)


async def gather_record(platform: Platform, tenant: str, plan: Plan, nomination: Nomination,
                        on: date, under_discipline: bool = False) -> NomineeRecord:
    """Standards facts: the nominee's registration for the phase, and its reports up to `on`
    all on time with none missing."""
    registration = await load_or_none(
        platform, tenant, registration_id(tenant, plan.id, nomination.phase, nomination.nominee_id), Registration)
    reports = await reports_of(platform, tenant, plan, [nomination.nominee_id], on)
    on_time = all(not r.late for r in reports) and not missing_reports(plan, [nomination.nominee_id], reports, on)
    return nominee_record(registration, reports_on_time=on_time, under_discipline=under_discipline)


async def nomination_to_decide(platform: Platform, tenant: str, ctx: CommandContext, nomination_id: UUID,
                      expected_version: int | None) -> Nomination:
    """NOT_FOUND, then FORBIDDEN outside the caller's subtree, then CONFLICT if stale."""
    nomination = await load(platform, tenant, nomination_id, Nomination)
    await check_reach(platform, tenant, ctx, nomination.proposing_unit_id)
    check_version(nomination, expected_version)
    return nomination


def _present(aggregate: A | None) -> tuple[A, ...]:
    return () if aggregate is None else (aggregate,)


async def ledger_of(platform, tenant, plan: Plan, nomination: Nomination) -> AwardQuota | None:
    """The nomination's ledger, opened now (pending, saved with the decision) if it is new."""
    quota = await _existing_ledger(platform, tenant, plan, nomination)
    pool = plan.award_form(nomination.award_form).quota_pool
    if quota is None and pool:
        quota = await _new_ledger(platform, tenant, plan, pool, nomination.proposing_unit_id, None, None)
    return quota


async def _existing_ledger(platform, tenant, plan: Plan, nomination: Nomination) -> AwardQuota | None:
    pool = plan.award_form(nomination.award_form).quota_pool
    if not pool:
        return None
    return await load_or_none(platform, tenant, quota_id(tenant, plan.id, pool, nomination.proposing_unit_id),
                              AwardQuota)


async def _new_ledger(platform, tenant, plan: Plan, pool: str, unit_id: UUID,
                      registered: int | None, cap: int | None) -> AwardQuota:
    if registered is None:
        registered = await count_registered_units(platform, tenant, plan)
    return domain_open_quota(plan, pool, unit_id, registered_collectives=registered, cap=cap)
