"""Award decisions as documents through the store: many recipients in one decision, numbers
from the issuer's register that concurrent decisions never share or skip, quota kept."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from domain.decision import AwardDecision
from domain.errors import DomainError
from services import awards, decisions, nominations
from services.commands import load

from .conftest import CTX, load_nomination, load_quota
from .test_awards import DOSSIER, FORM, PHASE, org10, plan_001, registered_and_exceeded  # noqa: F401

DECIDED = date(2022, 1, 10)


async def candidate(platform, org, plan_id, unit, proposer):
    t = org.tenant
    await registered_and_exceeded(platform, org, plan_id, unit)
    nid = (await nominations.draft_nomination(platform, t, CTX, plan_id=plan_id, nominee_kind="collective",
                                              nominee_id=unit, award_form=FORM, phase=PHASE,
                                              proposing_unit_id=proposer)).id
    for kind, copies in DOSSIER:
        await nominations.attach_document(platform, t, CTX, nid, kind=kind, copies=copies)
    day = date(2021, 12, 20)
    await nominations.submit(platform, t, CTX, nid, on=day)
    await nominations.receive(platform, t, CTX, nid, on=day)
    await nominations.appraise(platform, t, CTX, nid, on=day)
    await nominations.record_council_vote(platform, t, CTX, nid, on=day, present=9, votes_for=7, votes_against=2)
    return nid


async def issue(platform, org, nids, on=DECIDED, issuer=None):
    return await decisions.issue_decision(
        platform, org.tenant, CTX, issuer_unit_id=issuer or org.root, nomination_ids=list(nids),
        symbol="QĐ-LĐLĐ", decided_on=on, signer="Chủ tịch", authority="province_federation_executive",
        title="Về việc tặng Bằng khen của Ban Chấp hành LĐLĐ tỉnh")


async def numbers(platform, org, results) -> list[int]:
    return sorted([(await load(platform, org.tenant, r.id, AwardDecision)).sequence for r in results])


async def test_one_decision_decides_all_its_recipients_under_one_number(platform, org10, plan_001):
    nids = [await candidate(platform, org10, plan_001, u, org10.district) for u in org10.unions[:3]]
    result = await issue(platform, org10, nids)
    decision = await decisions.get_decision(platform, org10.tenant, result.id)
    assert (decision.number, decision.recipients) == ("1/QĐ-LĐLĐ", nids)
    for nid in nids:
        nomination = await load_nomination(platform, org10.tenant, nid)
        assert (nomination.status, nomination.decision_id) == ("decided", decision.id)
        assert nomination.decision["number"] == "1/QĐ-LĐLĐ"
    assert (await decisions.get_register(platform, org10.tenant, org10.root, 2022)).last == 1


async def test_a_decision_over_the_quota_saves_nothing_and_takes_no_number(platform, org10, plan_001, admin):
    nids = [await candidate(platform, org10, plan_001, u, org10.district) for u in org10.unions[:5]]
    before = await admin.fetchval("SELECT position FROM tenant_heads WHERE tenant_id = $1", org10.tenant)
    with pytest.raises(DomainError) as err:
        await issue(platform, org10, nids)
    assert err.value.code == "QUOTA_EXCEEDED"
    assert await admin.fetchval("SELECT position FROM tenant_heads WHERE tenant_id = $1", org10.tenant) == before
    assert await decisions.get_register(platform, org10.tenant, org10.root, 2022) is None
    result = await issue(platform, org10, nids[:4])
    assert (await decisions.get_decision(platform, org10.tenant, result.id)).number == "1/QĐ-LĐLĐ"


async def test_concurrent_decisions_never_share_or_skip_a_number(platform, org10, plan_001):
    # Two nominating units: two ledgers of 4 slots, so all 8 decisions may pass.
    nids = [await candidate(platform, org10, plan_001, u, org10.district) for u in org10.unions[:4]]
    nids += [await candidate(platform, org10, plan_001, u, org10.other_district) for u in org10.unions[4:8]]
    results = await asyncio.gather(*(issue(platform, org10, [nid]) for nid in nids))
    assert await numbers(platform, org10, results) == list(range(1, 9))
    assert (await decisions.get_register(platform, org10.tenant, org10.root, 2022)).last == 8


async def test_concurrent_decisions_refused_by_the_quota_take_no_number(platform, org10, plan_001):
    nids = [await candidate(platform, org10, plan_001, u, org10.district) for u in org10.unions[:7]]
    results = await asyncio.gather(*(issue(platform, org10, [nid]) for nid in nids), return_exceptions=True)
    done = [r for r in results if not isinstance(r, BaseException)]
    assert {r.code for r in results if isinstance(r, BaseException)} == {"QUOTA_EXCEEDED"}
    assert await numbers(platform, org10, done) == [1, 2, 3, 4]
    assert (await decisions.get_register(platform, org10.tenant, org10.root, 2022)).last == 4


async def test_each_issuer_and_year_has_its_own_register(platform, org10, plan_001):
    nids = [await candidate(platform, org10, plan_001, u, org10.district) for u in org10.unions[:3]]
    a = await issue(platform, org10, nids[:1])
    b = await issue(platform, org10, nids[1:2], issuer=org10.district)
    c = await issue(platform, org10, nids[2:], on=date(2023, 1, 5))
    got = [(await decisions.get_decision(platform, org10.tenant, r.id)).number for r in (a, b, c)]
    assert got == ["1/QĐ-LĐLĐ"] * 3


async def test_revocation_is_entered_against_the_decision(platform, org10, plan_001):
    nids = [await candidate(platform, org10, plan_001, u, org10.district) for u in org10.unions[:2]]
    result = await issue(platform, org10, nids)
    await awards.revoke_award(platform, org10.tenant, CTX, nids[0], reason="Hồ sơ không trung thực",
                              on=date(2022, 6, 1))
    decision = await decisions.get_decision(platform, org10.tenant, result.id)
    assert list(decision.revoked) == [nids[0].hex]
    quota = await load_quota(platform, org10.tenant, plan_id=plan_001, pool="de_nghi_bang_khen",
                             nominating_unit_id=org10.district)
    assert quota.used == 1
    assert (await load_nomination(platform, org10.tenant, nids[1])).status == "decided"
