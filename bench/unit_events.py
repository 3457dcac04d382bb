"""One grassroots unit's life in the campaign, as the domain records it: created,
registered in the days before the first reporting day, reporting for each reporting day (on
it, within the grace days or late), results recorded; and, for a few, a
nomination through to the award decision."""

from __future__ import annotations

import random
from datetime import date, timedelta
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from bench.national_plan import PHASE, REGISTERED_ON, TARGETS
from domain.award import decide_award, nominee_record
from domain.nomination import Nomination, draft_nomination
from domain.organisation import OrgUnit
from domain.plan import Plan
from domain.quota import AwardQuota
from domain.registration import Registration, Target, register
from domain.report import ReportFigures, submit_report
from domain.rules import RuleBook

NOMINATED_ON = date(2021, 12, 20)
DECIDED_ON = date(2022, 1, 10)
ORG_NS = UUID("8b0c2a4e-5f61-5d3a-9e7b-2c4d6e8fbe00")
AWARD_FORM = "bk_bch_ldld_tinh"


def grassroots_life(rng: random.Random, plan: Plan, upper: OrgUnit, key: str,
                    days: list[date], exceed: bool) -> tuple[OrgUnit, Registration, list[Aggregate]]:
    """The unit, its registration (with results) and its progress reports."""
    unit = OrgUnit.create(tenant_id=plan.tenant, kind="grassroots_union", name=f"Công đoàn cơ sở {key}",
                          parent=upper, effective=date(2020, 1, 1), code=key,
                          enterprise=rng.random() < 0.4, id=uuid5(ORG_NS, f"{plan.tenant}/{key}"))
    goals = [rng.randint(50, 500) for _ in TARGETS]
    registration = register(plan, unit.id, True, PHASE, [Target(name, goal) for name, goal in zip(TARGETS, goals)],
                            on=REGISTERED_ON - timedelta(days=rng.randint(0, 4)))
    reports = [submit_report(plan, unit.id, day, _figures(rng), submitted_on=_submitted(rng, day)) for day in days]
    recorded = (days[-1] if days else REGISTERED_ON) + timedelta(days=rng.randint(0, 2))
    for name, goal in zip(TARGETS, goals):
        achieved = goal + rng.randint(1, 50) if exceed else rng.randint(goal // 2, goal)
        registration.record_result(name, achieved, recorded)
    return unit, registration, reports


def _submitted(rng: random.Random, day: date) -> date:
    """Units report on the day or within the schedule's 2 days of grace, 1 in 20 late: facts
    spread over the days of the campaign as a country's do, not all on the reporting days
    (the rollup as of a day must not cost more for that: running_totals.py)."""
    return day + timedelta(days=rng.randint(3, 9) if rng.random() < 0.05 else rng.randint(0, 2))


def nominate(plan: Plan, rulebook: RuleBook, unit: OrgUnit, registration: Registration,
             quota: AwardQuota, upper: OrgUnit, number: int) -> Nomination:
    """A collective nomination, dossier complete, council passed, award decided on quota."""
    drafted = draft_nomination(plan, nominee_kind="collective", nominee_id=unit.id, nominee_name=unit.name,
                               award_form=AWARD_FORM, phase=PHASE, proposing_unit_id=upper.id,
                               nominee_enterprise=unit.enterprise)
    nomination = Nomination._create(
        Nomination.NominationDrafted, id=uuid5(ORG_NS, f"{plan.tenant}/nomination/{unit.id}"),
        tenant=drafted.tenant, plan_id=drafted.plan_id, phase=drafted.phase, nominee_kind="collective",
        nominee_id=unit.id, nominee_name=unit.name, nominee_enterprise=unit.enterprise,
        award_form=drafted.award_form, proposing_unit_id=upper.id)
    for kind, copies in (("submission_memo", 1), ("review_minutes", 1), ("achievement_report", 2)):
        nomination.attach_document(kind, copies)
    nomination.submit(plan, NOMINATED_ON)
    nomination.receive(NOMINATED_ON)
    nomination.appraise(NOMINATED_ON)
    nomination.record_council_vote(NOMINATED_ON, present=9, votes_for=7, votes_against=2)
    decide_award(nomination, quota, plan=plan, rulebook=rulebook,
                 record=nominee_record(registration, reports_on_time=True),
                 decision_number=f"{number}/QĐ-LĐLĐ", decided_on=DECIDED_ON, signer="Chủ tịch",
                 authority="province_federation_executive", enterprise_waiting=0)
    return nomination


def _figures(rng: random.Random) -> ReportFigures:
    return ReportFigures(members_supported=rng.randint(0, 40), funds_mobilised=rng.randint(0, 50) * 100_000,
                         models_started={"ATM gạo": rng.randint(0, 2)} if rng.random() < 0.3 else {},
                         initiatives=rng.randint(0, 3), work_items_completed=rng.randint(0, 5))
