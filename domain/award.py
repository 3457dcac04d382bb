"""Application-facing steps that touch a nomination and its quota ledger together.

The application service loads both aggregates, calls one function here, then saves both
in one store transaction. If another decision saved the ledger first, the save fails with a
version conflict; the service reloads and retries, and the retry sees the quota used up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.decision import AwardDecision, DecisionRegister, check_recipients, decision_number
from domain.errors import BadInput
from domain.nomination import Nomination
from domain.nomination_checks import NomineeRecord
from domain.plan import Plan
from domain.quota import AwardQuota
from domain.registration import Registration
from domain.rules import RuleBook
from domain.text import nfc, required


def nominee_record(registration: Registration | None, *, reports_on_time: bool,
                   under_discipline: bool = False) -> NomineeRecord:
    """Build the standards facts from the nominee's registration and report history."""
    return NomineeRecord(
        registered=registration is not None,
        registered_on_time=registration is not None and not registration.late,
        exceeded_targets=registration is not None and registration.exceeded_targets,
        reports_on_time=reports_on_time, under_discipline=under_discipline)


def decide_award(nomination: Nomination, quota: AwardQuota | None, *, plan: Plan, rulebook: RuleBook,
                 record: NomineeRecord, decision_number: str, decided_on: date, signer: str,
                 authority: str, enterprise_waiting: int = 0, decision_id: UUID | None = None) -> None:
    """Check everything, take a quota slot (if the form has a pool), then decide."""
    nomination.check_decision(plan, rulebook, record, authority, decided_on)
    if quota is not None:
        _check_ledger_matches(nomination, quota, plan)
        quota.reserve(nomination.id, decided_on, enterprise=nomination.nominee_enterprise,
                      enterprise_waiting=enterprise_waiting)
    nomination.decide(plan, rulebook, record, decision_number=decision_number,
                      decided_on=decided_on, signer=signer, authority=authority, decision_id=decision_id)


@dataclass(frozen=True)
class Recipient:
    """A nomination the decision decides, with what its checks need."""
    nomination: Nomination
    plan: Plan
    record: NomineeRecord
    quota: AwardQuota | None  # one object per ledger: recipients of one pool share it


def issue_decision(register: DecisionRegister, recipients: list[Recipient], *, rulebook: RuleBook, symbol: str,
                   decided_on: date, signer: str, authority: str, title: str = "",
                   enterprise_waiting: int = 0) -> AwardDecision:
    """Decide every recipient (all or none: any refusal refuses the decision), then take the
    register's next number. Enterprise unions are served first, and each one served is one
    fewer waiting for a priority slot (seed 001)."""
    check_recipients([r.nomination.id for r in recipients])
    sequence, decision_id = register.next_entry()
    number = decision_number(sequence, symbol)
    waiting = enterprise_waiting
    for r in sorted(recipients, key=lambda r: not r.nomination.nominee_enterprise):
        decide_award(r.nomination, r.quota, plan=r.plan, rulebook=rulebook, record=r.record,
                     decision_number=number, decided_on=decided_on, signer=signer, authority=authority,
                     enterprise_waiting=waiting, decision_id=decision_id)
        waiting = max(0, waiting - 1) if r.nomination.nominee_enterprise else waiting
    register.take_number(decided_on)
    return AwardDecision(tenant=register.tenant, issuer_unit_id=register.issuer_unit_id, register_id=register.id,
                         sequence=sequence, number=number, decided_on=decided_on, signer=required(signer, "signer"),
                         authority=authority, title=nfc(title),
                         recipients=[r.nomination.id for r in recipients])


def revoke_award(nomination: Nomination, quota: AwardQuota | None, *, reason: str, on: date,
                 decision: AwardDecision | None = None) -> None:
    """Revocation (fraud, false documents) gives the slot back to the ledger, and is entered
    against the decision that gave the award (when it was given by a decision document)."""
    nomination.revoke(reason, on)
    if decision is not None:
        decision.revoke_recipient(nomination.id, reason, on)
    if quota is not None and quota.holds(nomination.id):
        quota.release(nomination.id, on, reason)


def _check_ledger_matches(nomination: Nomination, quota: AwardQuota, plan: Plan) -> None:
    pool = plan.award_form(nomination.award_form).quota_pool
    if quota.plan_id != nomination.plan_id or quota.pool != pool:
        raise BadInput("quota ledger does not belong to this nomination's plan and form",
                       rule="quota.ledger_match",
                       message_vi="Sổ chỉ tiêu không thuộc kế hoạch và hình thức khen thưởng của đề nghị này")
