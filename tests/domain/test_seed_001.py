"""Seed 001: 90-day sprint, register by 12/10/2021, dossiers by 29/12/2021, 4 certificates, collectives only."""

from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from domain.award import decide_award, nominee_record
from domain.errors import (DeadlinePassed, DossierIncomplete, NomineeKindNotAllowed, OutOfScope,
                           PriorityNotRespected, QuotaExceeded, StandardsNotMet)
from domain.nomination import draft_nomination
from domain.nomination_checks import NomineeRecord
from domain.quota import open_quota, quota_limit
from domain.registration import Target, register
from seeds import seed_001

from .conftest import launched

PHASE = seed_001.PHASE
GOOD = NomineeRecord(registered=True, registered_on_time=True, exceeded_targets=True, reports_on_time=True)
DISTRICT = uuid4()


@pytest.fixture
def plan():
    return launched(seed_001, date(2021, 10, 1), issuing_unit_id=DISTRICT)


def test_seed_001_deadlines_are_12_october_and_29_december(plan):
    assert plan.registration_deadline(PHASE).last_day == date(2021, 10, 12)
    assert plan.dossier_deadline(PHASE).last_day == date(2021, 12, 29)


def test_registration_on_the_deadline_day_is_on_time(plan):
    reg = register(plan, uuid4(), True, PHASE, [Target("Doanh thu", 100, "triệu đồng")], on=date(2021, 10, 12))
    assert reg.late is False


def test_registration_after_deadline_is_refused_under_refuse_policy(plan):
    with pytest.raises(DeadlinePassed) as err:
        register(plan, uuid4(), True, PHASE, [], on=date(2021, 10, 13))
    assert err.value.code == "DEADLINE_PASSED"
    assert err.value.rule == "plan.registration_deadline"


def test_registration_after_deadline_is_marked_late_under_accept_policy():
    plan = launched(seed_001, date(2021, 10, 1), late_registration_policy="accept_mark_late")
    assert register(plan, uuid4(), True, PHASE, [], on=date(2021, 10, 13)).late is True


def test_unit_out_of_scope_cannot_register(plan):
    with pytest.raises(OutOfScope):
        register(plan, uuid4(), False, PHASE, [], on=date(2021, 10, 2))


def test_registration_ids_are_deterministic_per_unit_and_phase(plan):
    unit = uuid4()
    first = register(plan, unit, True, PHASE, [], on=date(2021, 10, 2))
    second = register(plan, unit, True, PHASE, [], on=date(2021, 10, 3))
    assert first.id == second.id  # the store rejects the second at version 1


def test_exceeded_targets_require_every_target_above_its_amount(plan):
    reg = register(plan, uuid4(), True, PHASE, [Target("Sáng kiến", 3, "sáng kiến"),
                                                Target("Doanh thu", Decimal("1.5"), "tỷ đồng")],
                   on=date(2021, 10, 5))
    reg.record_result("Sáng kiến", 4, date(2021, 12, 20))
    reg.record_result("Doanh thu", Decimal("1.5"), date(2021, 12, 20))
    assert reg.outcome(reg.targets[1]) == "met" and not reg.exceeded_targets
    reg.record_result("Doanh thu", Decimal("1.6"), date(2021, 12, 21))
    assert reg.exceeded_targets


def test_individual_nominee_is_refused_because_seed_001_awards_collectives_only(plan):
    with pytest.raises(NomineeKindNotAllowed) as err:
        draft_nomination(plan, nominee_kind="individual", nominee_id=uuid4(), nominee_name="Nguyễn Văn A",
                         award_form="bk_ct_ubnd_tinh", phase=PHASE, proposing_unit_id=uuid4())
    assert err.value.code == "NOMINEE_KIND_NOT_ALLOWED"


def voted(plan, name="CĐCS Công ty A", enterprise=False, submitted=date(2021, 12, 20)):
    nom = draft_nomination(plan, nominee_kind="collective", nominee_id=uuid4(), nominee_name=name,
                           award_form="bk_bch_ldld_tinh", phase=PHASE, proposing_unit_id=DISTRICT,
                           nominee_enterprise=enterprise)
    for kind, copies in (("submission_memo", 1), ("review_minutes", 1), ("achievement_report", 2)):
        nom.attach_document(kind, copies)
    nom.submit(plan, submitted)
    nom.receive(submitted)
    nom.appraise(submitted)
    nom.record_council_vote(submitted, present=9, votes_for=7, votes_against=2)
    return nom


def decide(nom, quota, plan, rulebook, record=GOOD, n=1):
    decide_award(nom, quota, plan=plan, rulebook=rulebook, record=record, decision_number=f"{n}/QĐ-LĐLĐ",
                 decided_on=date(2022, 1, 10), signer="Chủ tịch", authority="province_federation_executive")


def test_fifth_certificate_of_merit_is_refused_by_the_quota_ledger(plan, rulebook):
    quota = open_quota(plan, "de_nghi_bang_khen", DISTRICT, registered_collectives=120)
    for n in range(4):
        decide(voted(plan, f"CĐCS {n}"), quota, plan, rulebook, n=n)
    fifth = voted(plan, "CĐCS 5")
    with pytest.raises(QuotaExceeded) as err:
        decide(fifth, quota, plan, rulebook, n=5)
    assert err.value.code == "QUOTA_EXCEEDED" and quota.used == 4
    assert fifth.status == "voted"


def test_dossier_without_two_copies_of_the_achievement_report_is_incomplete(plan):
    nom = draft_nomination(plan, nominee_kind="collective", nominee_id=uuid4(), nominee_name="CĐCS B",
                           award_form="bk_bch_ldld_tinh", phase=PHASE, proposing_unit_id=DISTRICT)
    nom.attach_document("submission_memo")
    nom.attach_document("review_minutes")
    nom.attach_document("achievement_report", 1)
    with pytest.raises(DossierIncomplete) as err:
        nom.submit(plan, date(2021, 12, 1))
    assert "achievement_report x2" in err.value.message


def test_dossier_after_29_december_is_flagged_late(plan):
    assert voted(plan, submitted=date(2021, 12, 29)).late is False
    assert voted(plan, submitted=date(2021, 12, 30)).late is True


def test_award_is_refused_when_targets_were_not_exceeded(plan, rulebook):
    quota = open_quota(plan, "de_nghi_bang_khen", DISTRICT, registered_collectives=120)
    record = NomineeRecord(registered=True, registered_on_time=True, exceeded_targets=False, reports_on_time=True)
    with pytest.raises(StandardsNotMet) as err:
        decide(voted(plan), quota, plan, rulebook, record=record)
    assert "exceeded_targets" in err.value.message and quota.used == 0


def test_nominee_record_is_built_from_the_registration(plan):
    reg = register(plan, uuid4(), True, PHASE, [Target("Sáng kiến", 2)], on=date(2021, 10, 3))
    reg.record_result("Sáng kiến", 3, date(2021, 12, 1))
    assert nominee_record(reg, reports_on_time=True) == GOOD
    assert nominee_record(None, reports_on_time=True).registered is False


def test_five_percent_of_registered_collectives_rounds_down(plan):
    rule = plan.quota_rule("khen_huyen_5_phan_tram")
    assert quota_limit(rule, 59) == 2 and quota_limit(rule, 60) == 3


def test_last_slot_is_held_for_a_waiting_enterprise_union(plan, rulebook):
    quota = open_quota(plan, "khen_huyen_5_phan_tram", DISTRICT, registered_collectives=20)  # 1 slot
    with pytest.raises(PriorityNotRespected):
        quota.reserve(uuid4(), date(2022, 1, 5), enterprise=False, enterprise_waiting=1)
    quota.reserve(uuid4(), date(2022, 1, 5), enterprise=True)
