"""Application-facing steps that touch a nomination and its quota ledger together.

The application service loads both aggregates, calls one function here, then saves both
in one store transaction. If another decision saved the ledger first, the save fails with a
version conflict; the service reloads and retries, and the retry sees the quota used up.
"""

from __future__ import annotations

from datetime import date

from domain.errors import BadInput
from domain.nomination import Nomination
from domain.nomination_checks import NomineeRecord
from domain.plan import Plan
from domain.quota import AwardQuota
from domain.registration import Registration
from domain.rules import RuleBook


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
                 authority: str, enterprise_waiting: int = 0) -> None:
    """Check everything, take a quota slot (if the form has a pool), then decide."""
    nomination.check_decision(plan, rulebook, record, authority, decided_on)
    if quota is not None:
        _check_ledger_matches(nomination, quota, plan)
        quota.reserve(nomination.id, decided_on, enterprise=nomination.nominee_enterprise,
                      enterprise_waiting=enterprise_waiting)
    nomination.decide(plan, rulebook, record, decision_number=decision_number,
                      decided_on=decided_on, signer=signer, authority=authority)


def revoke_award(nomination: Nomination, quota: AwardQuota | None, *, reason: str, on: date) -> None:
    """Revocation (fraud, false documents) gives the slot back to the ledger."""
    nomination.revoke(reason, on)
    if quota is not None and quota.holds(nomination.id):
        quota.release(nomination.id, on, reason)


def _check_ledger_matches(nomination: Nomination, quota: AwardQuota, plan: Plan) -> None:
    pool = plan.award_form(nomination.award_form).quota_pool
    if quota.plan_id != nomination.plan_id or quota.pool != pool:
        raise BadInput("quota ledger does not belong to this nomination's plan and form",
                       rule="quota.ledger_match")
