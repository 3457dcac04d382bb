"""Award decisions as documents: many recipients, all or none, a number from the issuer's
register (1, 2, 3 … per issuer and year), quota rules kept, revocation entered against it."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.award import Recipient, issue_decision, revoke_award
from domain.decision import DecisionRegister
from domain.errors import DomainError
from domain.nomination import draft_nomination
from domain.nomination_checks import NomineeRecord
from domain.quota import open_quota
from seeds import seed_001

from .conftest import launched

GOOD = NomineeRecord(True, True, True, True)
DOSSIER = (("submission_memo", 1), ("review_minutes", 1), ("achievement_report", 2))
DAY = date(2021, 12, 20)
DECIDED = date(2022, 1, 10)
ISSUER = uuid4()


@pytest.fixture
def plan():
    return launched(seed_001, date(2021, 10, 1))


def voted(plan, enterprise: bool = True):
    nom = draft_nomination(plan, nominee_kind="collective", nominee_id=uuid4(), nominee_name="CĐCS",
                           award_form="bk_bch_ldld_tinh", phase=seed_001.PHASE, proposing_unit_id=ISSUER,
                           nominee_enterprise=enterprise)
    for kind, copies in DOSSIER:
        nom.attach_document(kind, copies)
    nom.submit(plan, DAY), nom.receive(DAY), nom.appraise(DAY), nom.record_council_vote(DAY, 9, 7, 2)
    return nom


def issue(register, recipients, rulebook, **extra):
    return issue_decision(register, recipients, rulebook=rulebook, symbol="QĐ-LĐLĐ", decided_on=DECIDED,
                          signer="Chủ tịch", authority="province_federation_executive", **extra)


def test_a_decision_names_many_recipients_and_takes_the_next_number(plan, rulebook):
    register = DecisionRegister(tenant="t", issuer_unit_id=ISSUER, year=2022)
    quota = open_quota(plan, "de_nghi_bang_khen", ISSUER, registered_collectives=10)
    first = issue(register, [Recipient(voted(plan), plan, GOOD, quota) for _ in range(3)], rulebook,
                  title="Về việc tặng Bằng khen")
    second = issue(register, [Recipient(voted(plan), plan, GOOD, quota)], rulebook)
    assert (first.number, second.number, register.last) == ("1/QĐ-LĐLĐ", "2/QĐ-LĐLĐ", 2)
    assert len(first.recipients) == 3 and quota.used == 4
    assert first.id != second.id


def test_every_recipient_is_decided_under_the_decisions_number(plan, rulebook):
    register = DecisionRegister(tenant="t", issuer_unit_id=ISSUER, year=2022)
    noms = [voted(plan), voted(plan)]
    decision = issue(register, [Recipient(n, plan, GOOD, None) for n in noms], rulebook)
    assert all(n.status == "decided" and n.decision["number"] == "1/QĐ-LĐLĐ" for n in noms)
    assert all(n.decision_id == decision.id for n in noms)


def test_a_decision_over_the_quota_is_refused_whole_and_takes_no_number(plan, rulebook):
    register = DecisionRegister(tenant="t", issuer_unit_id=ISSUER, year=2022)
    quota = open_quota(plan, "de_nghi_bang_khen", ISSUER, registered_collectives=10)
    with pytest.raises(DomainError) as err:
        issue(register, [Recipient(voted(plan), plan, GOOD, quota) for _ in range(5)], rulebook)
    assert err.value.code == "QUOTA_EXCEEDED"
    assert register.last == 0  # the service saves nothing of a refused decision


def test_enterprise_recipients_are_served_first_within_a_decision(plan, rulebook):
    register = DecisionRegister(tenant="t", issuer_unit_id=ISSUER, year=2022)
    quota = open_quota(plan, "de_nghi_bang_khen", ISSUER, registered_collectives=10)
    noms = [voted(plan, enterprise=False), voted(plan), voted(plan), voted(plan)]
    # Three enterprise unions wait and all three are in this decision: the fourth slot is free.
    issue(register, [Recipient(n, plan, GOOD, quota) for n in noms], rulebook, enterprise_waiting=3)
    assert quota.used == 4


@pytest.mark.parametrize("ids, code", [([], "BAD_INPUT"), (["same", "same"], "DUPLICATE")])
def test_recipients_must_be_named_once_each(plan, rulebook, ids, code):
    register = DecisionRegister(tenant="t", issuer_unit_id=ISSUER, year=2022)
    nom = voted(plan)
    recipients = [Recipient(nom, plan, GOOD, None) for _ in ids]
    with pytest.raises(DomainError) as err:
        issue(register, recipients, rulebook)
    assert err.value.code == code


def test_a_register_holds_one_year(plan, rulebook):
    register = DecisionRegister(tenant="t", issuer_unit_id=ISSUER, year=2021)
    with pytest.raises(DomainError) as err:
        issue(register, [Recipient(voted(plan), plan, GOOD, None)], rulebook)
    assert err.value.rule == "decision.register.year"


def test_revocation_is_entered_against_the_decision(plan, rulebook):
    register = DecisionRegister(tenant="t", issuer_unit_id=ISSUER, year=2022)
    quota = open_quota(plan, "de_nghi_bang_khen", ISSUER, registered_collectives=10)
    nom, other = voted(plan), voted(plan)
    decision = issue(register, [Recipient(nom, plan, GOOD, quota), Recipient(other, plan, GOOD, quota)], rulebook)
    revoke_award(nom, quota, reason="Hồ sơ không trung thực", on=date(2022, 6, 1), decision=decision)
    assert decision.revoked == {nom.id.hex: {"reason": "Hồ sơ không trung thực", "on": date(2022, 6, 1)}}
    revoked = nom.collect_events()[-1]
    assert (revoked.decision_id, revoked.decision_number) == (decision.id, "1/QĐ-LĐLĐ")
    assert quota.used == 1 and other.status == "decided"
    with pytest.raises(DomainError):
        decision.revoke_recipient(nom.id, "again", date(2022, 6, 2))
