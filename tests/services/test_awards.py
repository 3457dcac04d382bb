"""Seed 001 through the store: 4 certificates of merit at most (also under racing deciders),
collectives only, standards checked from stored registrations, dossier deadline 29/12/2021."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date
from uuid import uuid4

import pytest

from domain.errors import DomainError
from domain.registration import Target
from seeds import seed_001
from services import awards, nominations, registrations

from .conftest import CTX, build_org, launched_plan, load_nomination, load_quota

PHASE = seed_001.PHASE
DOSSIER = (("submission_memo", 1), ("review_minutes", 1), ("achievement_report", 2))
FORM = "bk_bch_ldld_tinh"  # pool de_nghi_bang_khen: at most 4


@pytest.fixture
async def org10(platform, tenant_id, national):
    return await build_org(platform, tenant_id, national, n_unions=10)


@pytest.fixture
async def plan_001(platform, org10):
    return await launched_plan(platform, org10.tenant, seed_001, org10.district, date(2021, 10, 1))


async def registered_and_exceeded(platform, org, plan_id, unit, exceeded=True):
    reg = await registrations.register_unit(platform, org.tenant, CTX, plan_id=plan_id, unit_id=unit, phase=PHASE,
                                            targets=[Target("Sáng kiến", 3, "sáng kiến")], on=date(2021, 10, 5))
    await registrations.record_result(platform, org.tenant, CTX, reg.id, indicator="Sáng kiến",
                                      achieved=4 if exceeded else 3, on=date(2021, 12, 20))


async def voted(platform, org, plan_id, unit, submitted=date(2021, 12, 20)):
    t = org.tenant
    nid = (await nominations.draft_nomination(platform, t, CTX, plan_id=plan_id, nominee_kind="collective",
                                              nominee_id=unit, award_form=FORM, phase=PHASE,
                                              proposing_unit_id=org.district)).id
    for kind, copies in DOSSIER:
        await nominations.attach_document(platform, t, CTX, nid, kind=kind, copies=copies)
    await nominations.submit(platform, t, CTX, nid, on=submitted)
    await nominations.receive(platform, t, CTX, nid, on=submitted)
    await nominations.appraise(platform, t, CTX, nid, on=submitted)
    await nominations.record_council_vote(platform, t, CTX, nid, on=submitted, present=9, votes_for=7,
                                          votes_against=2)
    return nid


async def decide(platform, org, nid, n):
    return await awards.decide_award(platform, org.tenant, CTX, nid, decision_number=f"{n}/QĐ-LĐLĐ",
                                     decided_on=date(2022, 1, 10), signer="Chủ tịch",
                                     authority="province_federation_executive")


async def candidates(platform, org, plan_id, n):
    for unit in org.unions[:n]:
        await registered_and_exceeded(platform, org, plan_id, unit)
    return [await voted(platform, org, plan_id, unit) for unit in org.unions[:n]]


async def test_fifth_certificate_of_merit_is_refused(platform, org10, plan_001):
    nids = await candidates(platform, org10, plan_001, 5)
    for n, nid in enumerate(nids[:4]):
        await decide(platform, org10, nid, n)
    with pytest.raises(DomainError) as err:
        await decide(platform, org10, nids[4], 5)
    assert err.value.code == "QUOTA_EXCEEDED"
    quota = await load_quota(platform, org10.tenant, plan_id=plan_001, pool="de_nghi_bang_khen",
                             nominating_unit_id=org10.district)
    assert (quota.used, quota.limit) == (4, 4)
    assert (await load_nomination(platform, org10.tenant, nids[4])).status == "voted"


async def test_deciders_racing_for_the_4th_certificate_leave_exactly_4_decided(platform, org10, plan_001):
    nids = await candidates(platform, org10, plan_001, 10)
    for n, nid in enumerate(nids[:3]):
        await decide(platform, org10, nid, n)
    results = await asyncio.gather(*(decide(platform, org10, nid, 10 + n) for n, nid in enumerate(nids[3:])),
                                   return_exceptions=True)
    assert sum(not isinstance(r, BaseException) for r in results) == 1
    assert {r.code for r in results if isinstance(r, BaseException)} == {"QUOTA_EXCEEDED"}
    statuses = [(await load_nomination(platform, org10.tenant, nid)).status for nid in nids]
    assert statuses.count("decided") == 4


async def test_ten_deciders_starting_together_decide_exactly_4(platform, org10, plan_001):
    nids = await candidates(platform, org10, plan_001, 10)
    results = await asyncio.gather(*(decide(platform, org10, nid, n) for n, nid in enumerate(nids)),
                                   return_exceptions=True)
    assert sum(not isinstance(r, BaseException) for r in results) == 4
    assert {r.code for r in results if isinstance(r, BaseException)} == {"QUOTA_EXCEEDED"}


async def test_one_decision_sent_again_and_again_decides_once_and_answers_every_send(platform, org10, plan_001):
    """A double submit: the same form (one idempotency key) sent by racers a few milliseconds
    apart, so that some check the key before the first commits and load after it."""
    [nid] = await candidates(platform, org10, plan_001, 1)
    ctx = replace(CTX, idempotency_key=f"decide-{nid}")

    async def send(after_ms: int):
        await asyncio.sleep(after_ms / 1000)
        return await awards.decide_award(platform, org10.tenant, ctx, nid, decision_number="1/QĐ-LĐLĐ",
                                         decided_on=date(2022, 1, 10), signer="Chủ tịch",
                                         authority="province_federation_executive")
    results = await asyncio.gather(*(send(ms) for ms in range(0, 40, 2)))
    assert {(r.id, r.version) for r in results} == {(nid, results[0].version)}
    assert sum(not r.replayed for r in results) == 1
    quota = await load_quota(platform, org10.tenant, plan_id=plan_001, pool="de_nghi_bang_khen",
                             nominating_unit_id=org10.district)
    assert quota.used == 1


async def test_individual_nominee_is_refused(platform, org10, plan_001):
    with pytest.raises(DomainError) as err:
        await nominations.draft_nomination(platform, org10.tenant, CTX, plan_id=plan_001, nominee_kind="individual",
                                           nominee_id=uuid4(), nominee_name="Nguyễn Văn A", award_form=FORM,
                                           phase=PHASE, proposing_unit_id=org10.district)
    assert err.value.code == "NOMINEE_KIND_NOT_ALLOWED"


async def test_award_needs_stored_targets_exceeded(platform, org10, plan_001):
    unit = org10.unions[0]
    await registered_and_exceeded(platform, org10, plan_001, unit, exceeded=False)
    nid = await voted(platform, org10, plan_001, unit)
    with pytest.raises(DomainError) as err:
        await decide(platform, org10, nid, 1)
    assert err.value.code == "STANDARDS_NOT_MET"


async def test_unregistered_nominee_does_not_meet_the_standards(platform, org10, plan_001):
    nid = await voted(platform, org10, plan_001, org10.unions[0])
    with pytest.raises(DomainError) as err:
        await decide(platform, org10, nid, 1)
    assert err.value.code == "STANDARDS_NOT_MET"


async def test_dossier_after_29_december_is_late_and_the_name_comes_from_the_org_tree(platform, org10, plan_001):
    on_time = await voted(platform, org10, plan_001, org10.unions[0], submitted=date(2021, 12, 29))
    late = await voted(platform, org10, plan_001, org10.unions[1], submitted=date(2021, 12, 30))
    first = await load_nomination(platform, org10.tenant, on_time)
    assert first.late is False and first.nominee_name == "CĐCS Công ty 0" and first.nominee_enterprise
    assert (await load_nomination(platform, org10.tenant, late)).late is True


async def test_revoked_award_gives_its_slot_back(platform, org10, plan_001):
    nids = await candidates(platform, org10, plan_001, 5)
    for n, nid in enumerate(nids[:4]):
        await decide(platform, org10, nid, n)
    await awards.revoke_award(platform, org10.tenant, CTX, nids[0], reason="hồ sơ không trung thực",
                              on=date(2022, 2, 1))
    await decide(platform, org10, nids[4], 5)
    assert (await load_nomination(platform, org10.tenant, nids[4])).status == "decided"


async def test_district_cannot_decide_a_province_certificate(platform, org10, plan_001):
    unit = org10.unions[0]
    await registered_and_exceeded(platform, org10, plan_001, unit)
    nid = await voted(platform, org10, plan_001, unit)
    with pytest.raises(DomainError) as err:
        await awards.decide_award(platform, org10.tenant, CTX, nid, decision_number="1/QĐ", signer="X",
                                  decided_on=date(2022, 1, 10), authority="district_federation_standing_committee")
    assert err.value.code == "AUTHORITY_NOT_ALLOWED"

