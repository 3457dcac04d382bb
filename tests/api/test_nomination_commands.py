"""Reports, nominations and awards over HTTP: the happy steps, and every refusal (bad input,
broken rule, stale version, another subtree or tenant) answers a 4xx and writes nothing."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest

from domain.report import ProgressReport
from services.commands import load
from tests.api.conftest import event_count
from tests.api.seed_001_flow import (
    DOSSIER,
    created,
    decide,
    draft,
    nominate_to_vote,
    province,
    qualified,
    report,
    seed_001_plan,
)
from tests.api.story import create_unit, ensure_national_platform, post

UNIONS = [("CĐCS Công ty A", True), ("CĐCS Công ty B", True), ("CĐCS Trường C", False)]


@pytest.fixture
async def district(client, platform, token, tenant_id):
    await ensure_national_platform(platform)
    p = await province(client, token, tenant_id, "Liên đoàn Lao động tỉnh Tây Ninh", UNIONS)
    p.plans["001"] = await seed_001_plan(client, p)
    return p


async def unchanged(admin, call, status: int, code: str) -> dict:
    before = await event_count(admin)
    response, body = await call
    assert (response.status_code, body.get("code")) == (status, code), body
    assert await event_count(admin) == before
    return body


async def test_a_report_on_a_reporting_day_is_accepted_once(client, district, admin):
    plan, unit = district.plans["001"], district.unions[0]
    body = created(await report(client, district.district_officer, plan, unit, "2021-10-25", members_supported=5))
    assert body["version"] == 1
    await unchanged(admin, report(client, district.district_officer, plan, unit, "2021-10-25"), 409, "DUPLICATE")


async def test_a_late_report_is_accepted_and_marked_late(client, district, platform, tenant_id):
    body = created(await post(client, "/reports", district.district_officer, {
        "plan_id": district.plans["001"], "unit_id": str(district.unions[0]), "day": "2021-10-25",
        "submitted_on": "2021-10-27"}))
    assert (await load(platform, tenant_id, UUID(body["id"]), ProgressReport)).late is True


@pytest.mark.parametrize("change, status, code", [
    ({"day": "2021-10-24"}, 400, "BAD_INPUT"),  # not a reporting day of the plan
    ({"day": "2021-02-30"}, 400, "BAD_INPUT"),  # not a date
    ({"figures": {"member_supported": 5}}, 400, "BAD_INPUT"),  # misspelt figure
    ({"figures": {"members_supported": -1}}, 400, "BAD_INPUT"),
    ({"figures": {"members_supported": "many"}}, 400, "BAD_INPUT"),
    ({"salary": 1}, 400, "BAD_INPUT"),
    ({"plan_id": str(uuid4())}, 404, "NOT_FOUND"),
])
async def test_a_bad_report_is_refused_and_changes_nothing(client, district, admin, change, status, code):
    body = {"plan_id": district.plans["001"], "unit_id": str(district.unions[0]), "day": "2021-10-25",
            "submitted_on": "2021-10-25", **change}
    await unchanged(admin, post(client, "/reports", district.district_officer, body), status, code)


async def test_a_nomination_goes_from_draft_to_decision(client, district):
    plan, unit = district.plans["001"], district.unions[0]
    await qualified(client, district, plan, unit)
    nid = await nominate_to_vote(client, district, plan, unit)
    body = created(await decide(client, district.officer, nid, 1))
    assert (body["id"], body["version"]) == (nid, 9)


async def test_submitting_without_the_whole_dossier_is_refused(client, district, admin):
    nid = created(await draft(client, district.district_officer, district.plans["001"], district.district,
                              district.unions[0]))["id"]
    await unchanged(admin, post(client, f"/nominations/{nid}/submit", district.district_officer,
                                {"on": "2021-12-20"}), 422, "DOSSIER_INCOMPLETE")


async def test_a_stale_expected_version_on_a_nomination_is_a_conflict(client, district, admin):
    nid = created(await draft(client, district.district_officer, district.plans["001"], district.district,
                              district.unions[0]))["id"]
    created(await post(client, f"/nominations/{nid}/documents", district.district_officer,
                       {"kind": DOSSIER[0][0], "expected_version": 1}))
    await unchanged(admin, post(client, f"/nominations/{nid}/documents", district.district_officer,
                                {"kind": DOSSIER[1][0], "expected_version": 1}), 409, "CONFLICT")


async def test_a_stale_expected_version_on_a_decision_is_a_conflict(client, district, admin):
    plan, unit = district.plans["001"], district.unions[0]
    await qualified(client, district, plan, unit)
    nid = await nominate_to_vote(client, district, plan, unit)
    await unchanged(admin, decide(client, district.officer, nid, 1, expected_version=7), 409, "CONFLICT")


@pytest.mark.parametrize("path, body", [
    ("submit", {"on": "2021-12-32"}),
    ("submit", {"on": "20/12/2021"}),
    ("submit", {"on": "2021-12-20", "late": False}),
    ("council-vote", {"on": "2021-12-20", "present": "nine", "votes_for": 7, "votes_against": 2}),
    ("documents", {"copies": 2}),
    ("award", {"decision_number": "1/QĐ", "decided_on": "2022-01-10", "signer": "X",
               "authority": "province_federation_executive", "priority": True}),
])
async def test_malformed_nomination_steps_are_bad_input(client, district, admin, path, body):
    nid = created(await draft(client, district.district_officer, district.plans["001"], district.district,
                              district.unions[0]))["id"]
    await unchanged(admin, post(client, f"/nominations/{nid}/{path}", district.officer, body), 400, "BAD_INPUT")


async def test_an_unknown_field_in_a_draft_is_bad_input(client, district, admin):
    call = draft(client, district.district_officer, district.plans["001"], district.district, district.unions[0],
                 nominee_salary=1)
    body = await unchanged(admin, call, 400, "BAD_INPUT")
    assert "nominee_salary" in body["detail"] + str(body.get("invalid_params"))


async def test_a_quota_opened_with_a_cap_refuses_the_next_award(client, district, admin):
    plan = district.plans["001"]
    created(await post(client, "/quotas", district.officer, {
        "plan_id": plan, "pool": "de_nghi_bang_khen", "nominating_unit_id": str(district.district), "cap": 1}))
    await unchanged(admin, post(client, "/quotas", district.officer, {
        "plan_id": plan, "pool": "de_nghi_bang_khen", "nominating_unit_id": str(district.district)}),
        409, "DUPLICATE")
    nids = []
    for unit in district.unions[:2]:
        await qualified(client, district, plan, unit)
        nids.append(await nominate_to_vote(client, district, plan, unit))
    created(await decide(client, district.officer, nids[0], 1))
    await unchanged(admin, decide(client, district.officer, nids[1], 2), 422, "QUOTA_EXCEEDED")
    # a revoked award gives its slot back
    created(await post(client, f"/nominations/{nids[0]}/revoke", district.officer,
                       {"reason": "hồ sơ không trung thực", "on": "2022-02-01"}))
    created(await decide(client, district.officer, nids[1], 2))


async def test_a_retried_decision_with_the_same_key_writes_nothing(client, district, admin):
    plan, unit = district.plans["001"], district.unions[0]
    await qualified(client, district, plan, unit)
    nid = await nominate_to_vote(client, district, plan, unit)
    first, one = await post(client, f"/nominations/{nid}/award", district.officer, {
        "decision_number": "1/QĐ", "decided_on": "2022-01-10", "signer": "Chủ tịch",
        "authority": "province_federation_executive"}, key="decide-1")
    before = await event_count(admin)
    again, two = await post(client, f"/nominations/{nid}/award", district.officer, {
        "decision_number": "1/QĐ", "decided_on": "2022-01-10", "signer": "Chủ tịch",
        "authority": "province_federation_executive"}, key="decide-1")
    assert (first.status_code, again.status_code) == (201, 200) and two["replayed"] and two["id"] == one["id"]
    assert await event_count(admin) == before


async def test_an_officer_of_another_district_may_not_touch_the_nomination(client, district, token, tenant_id,
                                                                           admin):
    other = await create_unit(client, district.officer, district.root, "district_federation", "LĐLĐ huyện Trảng Bàng")
    stranger = token(tenant_id, "officer", unit=str(other))
    nid = created(await draft(client, district.district_officer, district.plans["001"], district.district,
                              district.unions[0]))["id"]
    await unchanged(admin, post(client, f"/nominations/{nid}/documents", stranger, {"kind": "submission_memo"}),
                    403, "FORBIDDEN")
    await unchanged(admin, draft(client, stranger, district.plans["001"], district.district, district.unions[1]),
                    403, "FORBIDDEN")
    await unchanged(admin, report(client, stranger, district.plans["001"], district.unions[0], "2021-10-25"),
                    403, "FORBIDDEN")


async def test_another_tenants_nomination_is_not_found_and_national_may_not_write(client, district, token,
                                                                                  other_tenant_id, admin):
    nid = created(await draft(client, district.district_officer, district.plans["001"], district.district,
                              district.unions[0]))["id"]
    await unchanged(admin, post(client, f"/nominations/{nid}/documents", token(other_tenant_id, "officer"),
                                {"kind": "submission_memo"}), 404, "NOT_FOUND")
    await unchanged(admin, decide(client, token(other_tenant_id, "officer"), nid, 1), 404, "NOT_FOUND")
    await unchanged(admin, decide(client, token("national", "national"), nid, 1), 403, "FORBIDDEN")
