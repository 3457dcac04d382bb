"""Nomination lifecycle: happy path, returned for correction, authority, council vote, revocation."""

from datetime import date
from uuid import uuid4

import pytest

from domain.award import decide_award, revoke_award
from domain.errors import AuthorityNotAllowed, InvalidTransition, StandardsNotMet
from domain.nomination import draft_nomination
from domain.nomination_checks import NomineeRecord
from domain.quota import open_quota
from seeds import seed_001, seed_004

from .conftest import launched

GOOD = NomineeRecord(True, True, True, True)
D = date(2021, 10, 20)


@pytest.fixture
def plan():
    return launched(seed_004, date(2021, 9, 10))


def drafted(plan, kind="individual", form="gk_giam_doc_so"):
    phase = plan.phases[0].name if plan.phases else ""
    nom = draft_nomination(plan, nominee_kind=kind, nominee_id=uuid4(), nominee_name="Trần Thị B",
                           award_form=form, phase=phase, proposing_unit_id=uuid4())
    return nom


def test_nomination_happy_path_to_a_director_certificate(plan, rulebook):
    nom = drafted(plan)
    nom.submit(plan, D)  # seed 004 asks for no dossier documents
    nom.receive(D)
    nom.appraise(D, "đạt")
    nom.record_council_vote(D, present=5, votes_for=4, votes_against=1)
    nom.decide(plan, rulebook, GOOD, decision_number="12/QĐ-SLĐTBXH", decided_on=D,
               signer="Giám đốc", authority="department_director")
    assert nom.status == "decided" and nom.decision["number"] == "12/QĐ-SLĐTBXH"
    assert nom.vote["passed"] is True


def test_nomination_returned_for_correction_then_resubmitted(rulebook):
    plan = launched(seed_001, date(2021, 10, 1))
    nom = drafted(plan, "collective", "bk_bch_ldld_tinh")
    for kind, copies in (("submission_memo", 1), ("review_minutes", 1), ("achievement_report", 2)):
        nom.attach_document(kind, copies)
    nom.submit(plan, date(2021, 12, 20))
    nom.return_for_correction("Thiếu xác nhận của thủ trưởng đơn vị", date(2021, 12, 21))
    nom.attach_document("endorsement")
    nom.resubmit(plan, date(2021, 12, 30))
    assert nom.status == "submitted" and nom.late is True
    assert nom.returns[0]["reason"] == "Thiếu xác nhận của thủ trưởng đơn vị"


def test_director_may_not_decide_the_province_chairmans_certificate(plan, rulebook):
    nom = drafted(plan, form="bk_ct_ubnd_tinh")
    nom.submit(plan, D), nom.receive(D), nom.appraise(D)
    nom.record_council_vote(D, 5, 5, 0)
    with pytest.raises(AuthorityNotAllowed) as err:
        nom.decide(plan, rulebook, GOOD, decision_number="1/QĐ", decided_on=D, signer="GĐ",
                   authority="department_director")
    assert err.value.code == "AUTHORITY_NOT_ALLOWED"
    assert err.value.rule == "rules.authority.bang_khen_chu_tich_ubnd_tinh"


def test_council_without_majority_blocks_the_decision(plan, rulebook):
    nom = drafted(plan)
    nom.submit(plan, D), nom.receive(D), nom.appraise(D)
    nom.record_council_vote(D, present=6, votes_for=3, votes_against=3)
    with pytest.raises(InvalidTransition) as err:
        nom.decide(plan, rulebook, GOOD, decision_number="1", decided_on=D, signer="GĐ",
                   authority="department_director")
    assert err.value.rule == "nomination.council_vote.majority"


def test_deciding_a_draft_is_refused_naming_the_rule(plan, rulebook):
    with pytest.raises(InvalidTransition) as err:
        drafted(plan).decide(plan, rulebook, GOOD, decision_number="1", decided_on=D, signer="x",
                             authority="department_director")
    assert err.value.rule == "nomination.lifecycle.decide"


def test_nominee_under_discipline_is_not_awarded(plan, rulebook):
    nom = drafted(plan)
    nom.submit(plan, D), nom.receive(D), nom.appraise(D), nom.record_council_vote(D, 3, 3, 0)
    with pytest.raises(StandardsNotMet) as err:
        nom.decide(plan, rulebook, NomineeRecord(True, True, True, True, under_discipline=True),
                   decision_number="1", decided_on=D, signer="x", authority="department_director")
    assert err.value.rule == "law.no_award_under_discipline"


def test_forwarded_nomination_is_decided_above_and_revocation_frees_the_quota(rulebook):
    plan = launched(seed_001, date(2021, 10, 1))
    quota = open_quota(plan, "de_nghi_bang_khen", uuid4(), registered_collectives=100)
    nom = drafted(plan, "collective", "bk_ct_ubnd_tinh")
    for kind, copies in (("submission_memo", 1), ("review_minutes", 1), ("achievement_report", 2)):
        nom.attach_document(kind, copies)
    day = date(2021, 12, 28)
    nom.submit(plan, day), nom.receive(day), nom.appraise(day), nom.record_council_vote(day, 7, 6, 1)
    nom.forward_up(day, uuid4())
    decide_award(nom, quota, plan=plan, rulebook=rulebook, record=GOOD, decision_number="3000/QĐ-UBND",
                 decided_on=date(2022, 1, 20), signer="Chủ tịch UBND tỉnh", authority="province_chairman")
    assert quota.used == 1
    revoke_award(nom, quota, reason="Hồ sơ không trung thực", on=date(2022, 6, 1))
    assert nom.status == "revoked" and quota.used == 0


def test_rejected_nomination_cannot_be_decided(plan, rulebook):
    nom = drafted(plan)
    nom.submit(plan, D)
    nom.reject("Không đạt tiêu chuẩn", D)
    with pytest.raises(InvalidTransition):
        nom.receive(D)
