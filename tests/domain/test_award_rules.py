"""Deciding and revoking an award with its quota ledger: the ledger must be the nomination's,
an enterprise nominee is recorded as such, a revoked award gives its slot back."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.award import decide_award, nominee_record, revoke_award
from domain.errors import BadInput, PriorityNotRespected
from domain.nomination_checks import NomineeRecord
from domain.quota import open_quota
from domain.registration import Target, register
from seeds import seed_001

from .conftest import launched
from .refusals import refused
from .test_seed_001 import voted

PHASE = seed_001.PHASE
GOOD = NomineeRecord(True, True, True, True)
DECIDED = date(2022, 1, 10)


@pytest.fixture
def plan():
    return launched(seed_001, date(2021, 10, 1))


def decide(nom, quota, plan, rulebook, **extra):
    decide_award(nom, quota, plan=plan, rulebook=rulebook, record=GOOD, decision_number="7/QĐ-LĐLĐ",
                 decided_on=DECIDED, signer="Chủ tịch", authority="province_federation_executive", **extra)


def test_a_decision_takes_a_slot_of_the_nominations_ledger(plan, rulebook):
    nom, quota = voted(plan, enterprise=True), open_quota(plan, "de_nghi_bang_khen", uuid4(), registered_collectives=9)
    decide(nom, quota, plan, rulebook, enterprise_waiting=3)
    assert nom.status == "decided" and quota.reserved == {nom.id.hex: True}
    assert nom.decision == {"number": "7/QĐ-LĐLĐ", "on": DECIDED, "signer": "Chủ tịch",
                            "authority": "province_federation_executive", "award_form": "bk_bch_ldld_tinh",
                            "decision_id": None}


def test_the_waiting_enterprises_reach_the_ledger(plan, rulebook):
    quota = open_quota(plan, "de_nghi_bang_khen", uuid4(), registered_collectives=9)
    for _ in range(3):
        decide(voted(plan, enterprise=True), quota, plan, rulebook)
    with pytest.raises(PriorityNotRespected) as err:
        decide(voted(plan), quota, plan, rulebook, enterprise_waiting=1)
    assert err.value.code == "PRIORITY_NOT_RESPECTED"


@pytest.mark.parametrize("other", ["plan", "pool"])
def test_a_ledger_of_another_plan_or_pool_is_refused_and_nothing_changes(plan, rulebook, other):
    owner = launched(seed_001, date(2021, 10, 1)) if other == "plan" else plan
    pool = "de_nghi_bang_khen" if other == "plan" else "khen_huyen_5_phan_tram"
    nom, quota = voted(plan), open_quota(owner, pool, uuid4(), registered_collectives=100)
    with refused(BadInput, "BAD_INPUT", "quota.ledger_match",
                 "quota ledger does not belong to this nomination's plan and form"):
        decide(nom, quota, plan, rulebook)
    assert nom.status == "voted" and quota.used == 0


def test_revoking_gives_the_slot_back_and_a_decision_without_a_ledger_takes_none(plan, rulebook):
    quota = open_quota(plan, "de_nghi_bang_khen", uuid4(), registered_collectives=9)
    kept, slotless = voted(plan), voted(plan)
    decide(kept, quota, plan, rulebook)
    decide(slotless, None, plan, rulebook)
    revoke_award(slotless, quota, reason="gian dối", on=date(2022, 3, 1))
    assert (slotless.status, quota.used) == ("revoked", 1)
    revoke_award(kept, quota, reason="hồ sơ không trung thực", on=date(2022, 3, 2))
    assert (kept.status, kept.end_reason, quota.used) == ("revoked", "hồ sơ không trung thực", 0)
    assert quota.collect_events()[-1].reason == "hồ sơ không trung thực"
    revoke_award(voted_decided(plan, rulebook), None, reason="x", on=date(2022, 3, 3))


def voted_decided(plan, rulebook):
    nom = voted(plan)
    decide(nom, None, plan, rulebook)
    return nom


def test_the_nominee_record_reads_the_registration(plan):
    on_time = register(plan, uuid4(), True, PHASE, [Target("Sáng kiến", 1)], on=date(2021, 10, 12))
    assert nominee_record(on_time, reports_on_time=False, under_discipline=True) == NomineeRecord(
        registered=True, registered_on_time=True, exceeded_targets=False, reports_on_time=False,
        under_discipline=True)
    late_plan = launched(seed_001, date(2021, 10, 1), late_registration_policy="accept_mark_late")
    late = register(late_plan, uuid4(), True, PHASE, [Target("Sáng kiến", 1)], on=date(2021, 10, 13))
    late.record_result("Sáng kiến", 2, date(2021, 12, 1))
    assert nominee_record(late, reports_on_time=True) == NomineeRecord(True, False, True, True, False)
    assert nominee_record(None, reports_on_time=True) == NomineeRecord(False, False, False, True, False)
