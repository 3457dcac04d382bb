"""Award decisions as documents: one decision, many recipients, a number from the register.

The decision, the issuer's register, every recipient nomination and their quota ledgers are
saved in one append. A lost race (another decision took the register's next number, or a
quota slot) decides again from the start: the loser takes the number after, or meets
QUOTA_EXCEEDED and takes no number at all, so the register has no gap and no repeat.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from uuid import UUID

from domain.award import Recipient
from domain.award import issue_decision as domain_issue
from domain.decision import AwardDecision, DecisionRegister, check_recipients
from domain.ids import decision_id, decision_register_id
from domain.nomination import Nomination
from domain.plan import Plan
from domain.rules import RuleBook, default_rulebook
from infra.platform import Platform
from services.awards import gather_record, ledger_of
from services.commands import load, load_many, load_or_none, run_command
from services.context import CommandContext, CommandResult
from services.scope import check_reach

# Every lost race means another decision was saved; a burst of N concurrent decisions for
# one register needs at most N - 1 retries of the last one.
MAX_RETRIES = 64


async def issue_decision(platform: Platform, tenant: str, ctx: CommandContext, *, issuer_unit_id: UUID,
                         nomination_ids: list[UUID], symbol: str, decided_on: date, signer: str,
                         authority: str, title: str = "", enterprise_waiting: int = 0,
                         under_discipline: Iterable[UUID] = (), rulebook: RuleBook | None = None) -> CommandResult:
    """The caller must reach the issuer and every recipient's proposing unit. Refusals are
    those of a single decision (QUOTA_EXCEEDED, AUTHORITY_NOT_ALLOWED, STANDARDS_NOT_MET,
    INVALID_TRANSITION ...) for any recipient, and BAD_INPUT / DUPLICATE for the list."""
    rulebook = rulebook or default_rulebook()
    disciplined = frozenset(under_discipline)

    async def decide() -> tuple[object, ...]:
        check_recipients(nomination_ids)  # before loading: a list too long is refused at once
        nominations = [await load(platform, tenant, nid, Nomination) for nid in nomination_ids]
        # One reach check (one org timeline) for the issuer and every proposing unit.
        await check_reach(platform, tenant, ctx, issuer_unit_id, *{n.proposing_unit_id for n in nominations})
        register = await _register(platform, tenant, issuer_unit_id, decided_on.year)
        recipients, ledgers, plans = [], {}, {}
        for nomination in nominations:
            if nomination.plan_id not in plans:
                plans[nomination.plan_id] = await load(platform, tenant, nomination.plan_id, Plan)
            plan = plans[nomination.plan_id]
            quota = await ledger_of(platform, tenant, plan, nomination)
            quota = ledgers.setdefault(quota.id, quota) if quota is not None else None
            record = await gather_record(platform, tenant, plan, nomination, decided_on,
                                         nomination.id in disciplined)
            recipients.append(Recipient(nomination, plan, record, quota))
        decision = domain_issue(register, recipients, rulebook=rulebook, symbol=symbol, decided_on=decided_on,
                                signer=signer, authority=authority, title=title,
                                enterprise_waiting=enterprise_waiting)
        return decision, register, *(r.nomination for r in recipients), *ledgers.values()
    return await run_command(platform, tenant, ctx, "issue_decision", decide, retries=MAX_RETRIES)


async def get_decision(platform: Platform, tenant: str, decision_id: UUID) -> AwardDecision:
    return await load(platform, tenant, decision_id, AwardDecision)


async def register_of(platform: Platform, tenant: str, issuer_unit_id: UUID, year: int) -> list[AwardDecision]:
    """The issuer's decisions of the year in number order (their ids follow from the register)."""
    register = await get_register(platform, tenant, issuer_unit_id, year)
    if register is None:
        return []
    ids = [decision_id(register.id, n) for n in range(1, register.last + 1)]
    return sorted(await load_many(platform, tenant, ids, AwardDecision), key=lambda d: d.sequence)


async def get_register(platform: Platform, tenant: str, issuer_unit_id: UUID, year: int) -> DecisionRegister | None:
    return await load_or_none(platform, tenant, decision_register_id(tenant, issuer_unit_id, year), DecisionRegister)


async def _register(platform: Platform, tenant: str, issuer_unit_id: UUID, year: int) -> DecisionRegister:
    """The issuer's register for the year, opened (pending, saved with the decision) if new."""
    register = await get_register(platform, tenant, issuer_unit_id, year)
    return register or DecisionRegister(tenant=tenant, issuer_unit_id=issuer_unit_id, year=year)


