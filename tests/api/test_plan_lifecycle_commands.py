"""Plan commands after the launch over HTTP: amend, link a parent, interim and final review,
end condition met, close. Every refusal answers a 4xx with a stable code and writes nothing."""

from __future__ import annotations

import json
from uuid import UUID, uuid4

import pytest

from domain.plan import Plan, to_data
from seeds import seed_003
from services.commands import load
from tenants.ids import NATIONAL_TENANT
from tests.api.conftest import event_count
from tests.api.seed_001_flow import created, national_plan, province
from tests.api.story import ensure_national_platform, post

PHASES = [{"name": "Đợt 1", "start": "2021-09-01", "end": "2021-12-31",
           "registration_deadline": {"on": "2021-09-30", "inclusive": True}},
          {"name": "Đợt 2", "start": "2022-01-01", "end": "2022-06-30"}]
SCHEDULE = {"days_of_month": [20], "grace_days": 2, "recipient": "Công đoàn Giáo dục Việt Nam"}
OUTSIDE_LINK = {"relation": "responds_to", "number": "1017/QĐ-TTg", "issued_on": "2021-07-08",
                "issuer": "Thủ tướng Chính phủ", "title": "Phong trào thi đua phòng, chống dịch Covid-19"}


@pytest.fixture
async def education(client, platform, token, tenant_id):
    await ensure_national_platform(platform)
    return await province(client, token, tenant_id, "Công đoàn Giáo dục Việt Nam", [("CĐCS Trường THPT A", False)])


async def open_ended_plan(client, p, launched: bool = True) -> str:
    """Seed 003 (open-ended: 'until the epidemic is under control'), issued and launched."""
    draft = json.loads(json.dumps(to_data(seed_003.draft_args("x", p.root)), default=str))
    draft.pop("tenant")
    plan_id = created(await post(client, "/plans", p.officer, draft))["id"]
    if launched:
        created(await post(client, f"/plans/{plan_id}/issue", p.officer, {**seed_003.ISSUE, "expected_version": 1}))
        created(await post(client, f"/plans/{plan_id}/launch", p.officer, {"on": "2021-09-15",
                                                                          "expected_version": 2}))
    return plan_id


async def refused(admin, call, status: int, code: str) -> dict:
    before = await event_count(admin)
    response, body = await call
    assert (response.status_code, body.get("code")) == (status, code), body
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await event_count(admin) == before
    return body


async def test_an_open_ended_plan_is_amended_reviewed_declared_ended_and_closed(client, education, platform):
    officer, plan_id = education.officer, await open_ended_plan(client, education)
    steps = [("amend", {"on": "2021-10-01", "reason": "Bổ sung các đợt và lịch báo cáo", "phases": PHASES,
                        "report_schedule": SCHEDULE}),
             ("interim-review", {"on": "2022-01-10"}),
             ("amend", {"on": "2022-01-15", "reason": "Điều chỉnh sau sơ kết"}),
             ("final-review", {"on": "2022-07-01"}),
             ("end-condition-met", {"on": "2022-07-15"}),
             ("close", {"on": "2022-07-20"})]
    for version, (command, body) in enumerate(steps, start=4):
        reply = created(await post(client, f"/plans/{plan_id}/{command}", officer,
                                   {**body, "expected_version": version - 1}))
        assert (reply["id"], reply["version"], reply["replayed"]) == (plan_id, version, False)
    plan = await load(platform, education.tenant, UUID(plan_id), Plan)
    assert plan.status == "closed" and str(plan.end_condition_met_on) == "2022-07-15"
    assert [a["reason"] for a in plan.amendments] == ["Bổ sung các đợt và lịch báo cáo", "Điều chỉnh sau sơ kết"]
    assert [p["name"] for p in plan.phases_data] == ["Đợt 1", "Đợt 2"]  # the second amendment kept them
    assert plan.schedule_data["days_of_month"] == [20]


async def test_a_parent_is_linked_on_the_platform_in_another_tenant_or_outside(client, education, platform,
                                                                               token):
    national_id = await national_plan(client, platform, token)
    plan_id = await open_ended_plan(client, education)
    created(await post(client, f"/plans/{plan_id}/parents", education.officer, {
        "relation": "implements", "tenant": NATIONAL_TENANT, "plan_id": national_id, "expected_version": 3}))
    created(await post(client, f"/plans/{plan_id}/parents", education.officer, OUTSIDE_LINK))
    plan = await load(platform, education.tenant, UUID(plan_id), Plan)
    links = {link["relation"]: link for link in plan.parent_links_data}
    assert links["implements"]["plan_id"] == UUID(national_id)
    assert links["responds_to"]["number"] == "1017/QĐ-TTg" and links["based_on"]["number"] == "130/KH-TLĐ"


async def test_a_step_the_lifecycle_does_not_allow_is_an_invalid_transition_naming_the_rule(
        client, education, admin):
    drafted = await open_ended_plan(client, education, launched=False)
    body = await refused(admin, post(client, f"/plans/{drafted}/interim-review", education.officer,
                                     {"on": "2021-10-01"}), 422, "INVALID_TRANSITION")
    assert body["rule"] == "plan.lifecycle.begin_interim_review" and body["message_vi"]
    body = await refused(admin, post(client, f"/plans/{drafted}/amend", education.officer,
                                     {"on": "2021-10-01", "reason": "x"}), 422, "INVALID_TRANSITION")
    assert body["rule"] == "plan.lifecycle.amend"


async def test_a_closed_plan_can_no_longer_be_amended_nor_linked(client, education, admin):
    officer, plan_id = education.officer, await open_ended_plan(client, education)
    for command, body in [("final-review", {"on": "2022-07-01"}), ("end-condition-met", {"on": "2022-07-15"}),
                          ("close", {"on": "2022-07-20"})]:
        created(await post(client, f"/plans/{plan_id}/{command}", officer, body))
    body = await refused(admin, post(client, f"/plans/{plan_id}/amend", officer,
                                     {"on": "2022-08-01", "reason": "x"}), 422, "INVALID_TRANSITION")
    assert body["rule"] == "plan.lifecycle.amend"
    body = await refused(admin, post(client, f"/plans/{plan_id}/parents", officer, OUTSIDE_LINK),
                         422, "INVALID_TRANSITION")
    assert body["rule"] == "plan.lifecycle.link_parent"
    await refused(admin, post(client, f"/plans/{plan_id}/end-condition-met", officer, {"on": "2022-08-01"}),
                  422, "INVALID_TRANSITION")


async def test_the_end_condition_is_declared_met_only_once(client, education, admin):
    plan_id = await open_ended_plan(client, education)
    created(await post(client, f"/plans/{plan_id}/end-condition-met", education.officer, {"on": "2022-07-15"}))
    body = await refused(admin, post(client, f"/plans/{plan_id}/end-condition-met", education.officer,
                                     {"on": "2022-07-16"}), 409, "DUPLICATE")
    assert body["rule"] == "plan.period.end_condition"


async def test_a_stale_expected_version_is_a_conflict(client, education, admin):
    plan_id = await open_ended_plan(client, education)
    for command, body in [("amend", {"on": "2021-10-01", "reason": "x"}), ("interim-review", {"on": "2022-01-10"}),
                          ("final-review", {"on": "2022-07-01"}), ("end-condition-met", {"on": "2022-07-15"}),
                          ("parents", OUTSIDE_LINK)]:
        await refused(admin, post(client, f"/plans/{plan_id}/{command}", education.officer,
                                  {**body, "expected_version": 2}), 409, "CONFLICT")


async def test_an_unknown_field_is_bad_input(client, education, admin):
    plan_id = await open_ended_plan(client, education)
    for command, body in [("amend", {"on": "2021-10-01", "reason": "x", "new_end": "2022-01-01"}),
                          ("amend", {"on": "2021-10-01", "reason": "x", "phases": [{**PHASES[0], "x": 1}]}),
                          ("parents", {**OUTSIDE_LINK, "url": "https://example.org"}),
                          ("interim-review", {"on": "2022-01-10", "note": "x"}),
                          ("final-review", {"on": "2022-07-01", "note": "x"}),
                          ("end-condition-met", {"on": "2022-07-15", "why": "x"})]:
        await refused(admin, post(client, f"/plans/{plan_id}/{command}", education.officer, body), 400, "BAD_INPUT")


async def test_malformed_amendments_and_links_are_bad_input_naming_the_rule(client, education, admin):
    plan_id = await open_ended_plan(client, education)
    backwards = {**PHASES[1], "start": "2022-06-30", "end": "2022-01-01"}
    for command, body, rule in [
            ("amend", {"on": "2021-10-01", "reason": "x", "phases": [backwards]}, "plan.draft.phases"),
            ("amend", {"on": "2021-10-01", "reason": "x", "report_schedule": {**SCHEDULE, "days_of_month": [32]}},
             "plan.draft.report_schedule"),
            ("parents", {"relation": "implements", "issuer": "Tổng Liên đoàn"}, "plan.draft.parent_links")]:
        body = await refused(admin, post(client, f"/plans/{plan_id}/{command}", education.officer, body),
                             400, "BAD_INPUT")
        assert body["rule"] == rule, body


async def test_an_unknown_relation_is_refused_by_the_body_schema(client, education, admin):
    plan_id = await open_ended_plan(client, education)
    body = await refused(admin, post(client, f"/plans/{plan_id}/parents", education.officer,
                                     {**OUTSIDE_LINK, "relation": "inspired_by"}), 400, "BAD_INPUT")
    assert "relation" in str(body["invalid_params"])


async def test_a_link_to_a_missing_platform_plan_is_refused(client, education, admin):
    plan_id = await open_ended_plan(client, education)
    body = await refused(admin, post(client, f"/plans/{plan_id}/parents", education.officer, {
        "relation": "implements", "tenant": NATIONAL_TENANT, "plan_id": str(uuid4())}), 400, "BAD_INPUT")
    assert body["rule"] == "plan.parent_links.on_platform"
    for tenant in ("Không-hợp-lệ", ""):  # a malformed or missing tenant id
        body = await refused(admin, post(client, f"/plans/{plan_id}/parents", education.officer, {
            "relation": "implements", "tenant": tenant, "plan_id": str(uuid4())}), 400, "BAD_INPUT")
        assert "tenant" in body["detail"]


async def test_a_replayed_command_with_the_same_idempotency_key_writes_nothing(client, education, admin):
    plan_id = await open_ended_plan(client, education)
    for command, body in [("amend", {"on": "2021-10-01", "reason": "x", "phases": PHASES}),
                          ("parents", OUTSIDE_LINK), ("interim-review", {"on": "2022-01-10"})]:
        key = f"{command}-{plan_id}"
        first, one = await post(client, f"/plans/{plan_id}/{command}", education.officer, body, key=key)
        before = await event_count(admin)
        again, two = await post(client, f"/plans/{plan_id}/{command}", education.officer, body, key=key)
        assert (first.status_code, again.status_code) == (201, 200), (one, two)
        assert two["replayed"] is True and (two["version"], two["position"]) == (one["version"], one["position"])
        assert await event_count(admin) == before


async def test_national_and_viewer_roles_may_not_write(client, education, admin, token):
    plan_id = await open_ended_plan(client, education)
    for role in ("national", "viewer"):
        for command, body in [("amend", {"on": "2021-10-01", "reason": "x"}), ("parents", OUTSIDE_LINK),
                              ("interim-review", {"on": "2022-01-10"}), ("final-review", {"on": "2022-07-01"}),
                              ("end-condition-met", {"on": "2022-07-15"})]:
            await refused(admin, post(client, f"/plans/{plan_id}/{command}", token(education.tenant, role), body),
                          403, "FORBIDDEN")


async def test_another_subtree_or_tenant_cannot_touch_the_plan(client, education, admin, token, other_tenant_id):
    plan_id = await open_ended_plan(client, education)
    await refused(admin, post(client, f"/plans/{plan_id}/interim-review", education.district_officer,
                              {"on": "2022-01-10"}), 403, "FORBIDDEN")
    await refused(admin, post(client, f"/plans/{plan_id}/amend", token(other_tenant_id, "officer"),
                              {"on": "2021-10-01", "reason": "x"}), 404, "NOT_FOUND")
