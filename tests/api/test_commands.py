from __future__ import annotations

from uuid import uuid4

import pytest

from tests.api.conftest import event_count
from tests.api.story import create_unit, ensure_national_platform, post, provision, seed_001_draft

TARGETS = [{"indicator": "members_supported", "amount": 100}]


@pytest.fixture
async def province(client, platform, token, tenant_id):
    """A provisioned tenant with a district federation and a grassroots union under it."""
    await ensure_national_platform(platform)
    root = await provision(client, token(tenant_id, "platform_admin"), tenant_id)
    officer = token(tenant_id, "officer")
    district = await create_unit(client, officer, root, "district_federation", "LĐLĐ huyện Gò Dầu")
    grassroots = await create_unit(client, officer, district, "grassroots_union", "CĐCS Công ty A",
                                   enterprise=True)
    return {"root": root, "district": district, "grassroots": grassroots, "officer": officer}


async def _launched_plan(client, province) -> str:
    officer, district = province["officer"], province["district"]
    response, body = await post(client, "/plans", officer, seed_001_draft(district))
    assert response.status_code == 201, body
    plan_id = body["id"]
    response, body = await post(client, f"/plans/{plan_id}/issue", officer, {
        "number": "", "issued_on": None, "signer": "", "capacity": "TM. Ban Thường vụ", "expected_version": 1})
    assert response.status_code == 201, body
    response, body = await post(client, f"/plans/{plan_id}/launch", officer, {"on": "2021-10-01",
                                                                            "expected_version": 2})
    assert response.status_code == 201, body
    return plan_id


async def test_a_plan_is_drafted_issued_launched_and_a_unit_registers(client, province):
    plan_id = await _launched_plan(client, province)
    response, body = await post(client, "/registrations", province["officer"], {
        "plan_id": plan_id, "unit_id": str(province["grassroots"]), "phase": "90 ngày nước rút",
        "on": "2021-10-05", "targets": TARGETS})
    assert response.status_code == 201, body
    assert body["version"] == 1 and body["replayed"] is False


async def test_a_retried_command_with_the_same_idempotency_key_writes_nothing(client, province, admin):
    plan_id = await _launched_plan(client, province)
    body = {"plan_id": plan_id, "unit_id": str(province["grassroots"]), "phase": "90 ngày nước rút",
            "on": "2021-10-05", "targets": TARGETS}
    first, one = await post(client, "/registrations", province["officer"], body, key="reg-1")
    before = await event_count(admin)
    again, two = await post(client, "/registrations", province["officer"], body, key="reg-1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert two["replayed"] is True and two["id"] == one["id"] and two["position"] == one["position"]
    assert await event_count(admin) == before


async def test_registering_after_the_deadline_is_refused(client, province, admin):
    plan_id = await _launched_plan(client, province)
    before = await event_count(admin)
    response, body = await post(client, "/registrations", province["officer"], {
        "plan_id": plan_id, "unit_id": str(province["grassroots"]), "phase": "90 ngày nước rút",
        "on": "2021-10-20", "targets": TARGETS})
    assert response.status_code == 422
    assert body["code"] == "DEADLINE_PASSED" and body["message_vi"] and body["rule"]
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await event_count(admin) == before


async def test_a_stale_expected_version_is_a_conflict(client, province, admin):
    plan_id = await _launched_plan(client, province)
    before = await event_count(admin)
    response, body = await post(client, f"/plans/{plan_id}/close", province["officer"],
                                {"on": "2021-12-31", "expected_version": 1})
    assert response.status_code == 409 and body["code"] == "CONFLICT"
    assert await event_count(admin) == before


@pytest.mark.parametrize("body, field", [
    ({"kind": "grassroots_union", "name": "X", "parent_id": "not-a-uuid", "effective": "2020-01-01"}, "parent_id"),
    ({"kind": "grassroots_union", "name": "X", "parent_id": str(uuid4()), "effective": "2021-02-30"}, "effective"),
    ({"kind": "grassroots_union", "name": 7, "parent_id": str(uuid4()), "effective": "2020-01-01"}, "name"),
    ({"kind": "grassroots_union", "name": "X", "parent_id": str(uuid4()), "effective": "2020-01-01",
      "salary": 1}, "salary"),
    ({"kind": "grassroots_union", "name": "X"}, "parent_id"),
])
async def test_bad_command_input_is_refused_and_changes_nothing(client, province, admin, body, field):
    before = await event_count(admin)
    response, problem = await post(client, "/org-units", province["officer"], body)
    assert response.status_code == 400, problem
    assert problem["code"] == "BAD_INPUT" and field in problem["detail"] + str(problem.get("invalid_params"))
    assert await event_count(admin) == before


async def test_malformed_json_command_is_bad_input(client, province, admin):
    before = await event_count(admin)
    response = await client.post("/api/v1/org-units", content=b'{"kind": ', headers={
        "Authorization": f"Bearer {province['officer']}", "Content-Type": "application/json"})
    assert response.status_code == 400 and response.json()["code"] == "BAD_INPUT"
    assert await event_count(admin) == before


async def test_a_viewer_may_not_write(client, province, token, tenant_id, admin):
    before = await event_count(admin)
    response, body = await post(client, "/org-units", token(tenant_id, "viewer"), {
        "kind": "grassroots_union", "name": "X", "parent_id": str(province["district"]), "effective": "2020-01-01"})
    assert response.status_code == 403 and body["code"] == "FORBIDDEN"
    assert await event_count(admin) == before


async def test_an_officer_writes_only_within_its_subtree(client, province, token, tenant_id):
    other_district = await create_unit(client, province["officer"], province["root"], "district_federation",
                                       "LĐLĐ huyện Trảng Bàng")
    scoped = token(tenant_id, "officer", unit=other_district)
    response, body = await post(client, "/org-units", scoped, {
        "kind": "grassroots_union", "name": "X", "parent_id": str(province["district"]), "effective": "2020-01-01"})
    assert response.status_code == 403 and body["code"] == "FORBIDDEN"
    await create_unit(client, scoped, other_district, "grassroots_union", "CĐCS Trường B")


async def test_a_plan_of_another_tenant_is_not_found(client, province, token, other_tenant_id, admin):
    plan_id = await _launched_plan(client, province)
    before = await event_count(admin)
    response, body = await post(client, f"/plans/{plan_id}/close", token(other_tenant_id, "officer"),
                                {"on": "2021-12-31"})
    assert response.status_code == 404 and body["code"] == "NOT_FOUND"
    assert await event_count(admin) == before


async def test_no_token_on_a_command_is_unauthenticated(client):
    response = await client.post("/api/v1/org-units", json={})
    assert response.status_code == 401 and response.json()["code"] == "UNAUTHENTICATED"


async def test_the_openapi_document_lists_the_commands(client):
    response = await client.get("/schema/openapi.json")
    assert response.status_code == 200
    assert "/api/v1/registrations" in response.json()["paths"]


async def test_an_unknown_field_nested_in_a_plan_draft_is_bad_input(client, province, admin):
    draft = seed_001_draft(province["district"])
    draft["phases"][0]["registration_deadlin"] = draft["phases"][0].pop("registration_deadline")
    before = await event_count(admin)
    response, problem = await post(client, "/plans", province["officer"], draft)
    assert response.status_code == 400, problem
    assert problem["code"] == "BAD_INPUT" and "phases.0.registration_deadlin" in problem["detail"]
    assert await event_count(admin) == before
