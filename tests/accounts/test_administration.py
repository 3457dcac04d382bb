"""Tenant administrators: invite, change roles, disable, within their tenant and subtree;
refusals are 4xx with a stable code and write nothing."""

from __future__ import annotations

from uuid import uuid4

from tenants.ids import root_unit_id
from tests.accounts.conftest import active_user, unique_email
from tests.accounts.session_client import send, sign_in


async def _admin(client, platform, tenant):
    email, password, _ = await active_user(platform, tenant, "tenant_admin")
    return await sign_in(client, email, password)


async def _events(admin, tenant) -> int:
    return await admin.fetchval("SELECT count(*) FROM events WHERE tenant_id = $1", tenant)


async def test_a_tenant_admin_invites_into_its_own_tenant(accounts_client, platform, inbox, tenant_id):
    signed = await _admin(accounts_client, platform, tenant_id)
    email = unique_email("viewer")
    response, body = await send(accounts_client, "POST", "/accounts", signed, {"email": email, "roles": ["viewer"]})
    assert response.status_code == 201 and body["mailed"], body
    assert "Lời mời" in inbox.last_to(email)["Subject"]
    again, dup = await send(accounts_client, "POST", "/accounts", signed, {"email": email.upper(), "roles": ["viewer"]})
    assert again.status_code == 409 and dup["code"] == "DUPLICATE"


async def test_an_idempotent_retry_of_an_invitation_writes_once(accounts_client, platform, admin, tenant_id):
    signed = await _admin(accounts_client, platform, tenant_id)
    body = {"email": unique_email("officer"), "roles": ["officer"]}
    headers = {"Idempotency-Key": f"invite-{uuid4()}"}
    first = await accounts_client.post("/api/v1/accounts", json=body, headers={
        "Cookie": f"{signed.cookie_name}={signed.cookie}", "X-CSRF-Token": signed.csrf, **headers})
    count = await _events(admin, tenant_id)
    second = await accounts_client.post("/api/v1/accounts", json=body, headers={
        "Cookie": f"{signed.cookie_name}={signed.cookie}", "X-CSRF-Token": signed.csrf, **headers})
    accounts_client.cookies.clear()
    assert (first.status_code, second.status_code) == (201, 200) and second.json()["replayed"]
    assert await _events(admin, tenant_id) == count


async def test_a_tenant_admin_is_refused_outside_its_tenant_and_platform_roles(accounts_client, platform, admin,
                                                                                tenant_id, other_tenant_id):
    signed = await _admin(accounts_client, platform, tenant_id)
    await active_user(platform, other_tenant_id)
    before = await _events(admin, tenant_id), await _events(admin, other_tenant_id)
    cases = [
        ({"email": unique_email("x"), "roles": ["officer"], "tenant": other_tenant_id}, 403, "FORBIDDEN"),
        ({"email": unique_email("x"), "roles": ["platform_admin"]}, 400, "BAD_INPUT"),
        ({"email": unique_email("x"), "roles": ["auditor"], "audit_tenants": [other_tenant_id]}, 400, "BAD_INPUT"),
        ({"email": unique_email("x"), "roles": ["officer"], "unit": str(root_unit_id(other_tenant_id))}, 404,
         "NOT_FOUND"),
        ({"email": "not-an-email", "roles": ["officer"]}, 400, "BAD_INPUT"),
        ({"email": unique_email("x"), "roles": ["emperor"]}, 400, "BAD_INPUT"),
        ({"email": unique_email("x"), "roles": ["officer"], "surprise": True}, 400, "BAD_INPUT"),
        ({"roles": ["officer"]}, 400, "BAD_INPUT"),
    ]
    for body, status, code in cases:
        response, problem = await send(accounts_client, "POST", "/accounts", signed, body)
        assert (response.status_code, problem["code"]) == (status, code), (body, problem)
        assert problem["message_vi"]
    assert (await _events(admin, tenant_id), await _events(admin, other_tenant_id)) == before


async def test_an_officer_may_not_administer_accounts(accounts_client, platform, tenant_id):
    email, password, _ = await active_user(platform, tenant_id, "officer")
    signed = await sign_in(accounts_client, email, password)
    response, body = await send(accounts_client, "POST", "/accounts", signed,
                                {"email": unique_email("x"), "roles": ["viewer"]})
    assert response.status_code == 403 and body["code"] == "FORBIDDEN"


async def test_new_roles_apply_to_a_live_session_at_once(accounts_client, platform, tenant_id):
    signed_admin = await _admin(accounts_client, platform, tenant_id)
    email, password, user_id = await active_user(platform, tenant_id, "officer")
    officer = await sign_in(accounts_client, email, password)
    response, _ = await send(accounts_client, "POST", f"/accounts/{user_id}/roles", signed_admin,
                             {"roles": ["viewer"], "expected_version": 2})
    assert response.status_code == 201
    _, me = await send(accounts_client, "GET", "/session", officer)
    assert me["roles"] == ["viewer"]
    stale, body = await send(accounts_client, "POST", f"/accounts/{user_id}/roles", signed_admin,
                             {"roles": ["officer"], "expected_version": 2})
    assert stale.status_code == 409 and body["code"] == "CONFLICT"


async def test_accounts_of_another_tenant_are_not_found(accounts_client, platform, tenant_id, other_tenant_id):
    signed = await _admin(accounts_client, platform, tenant_id)
    _, _, stranger = await active_user(platform, other_tenant_id)
    for path, body in ((f"/accounts/{stranger}/disable", {"reason": "x"}), (f"/accounts/{stranger}/roles",
                                                                           {"roles": ["viewer"]}),
                       (f"/accounts/{uuid4()}/enable", {})):
        response, problem = await send(accounts_client, "POST", path, signed, body)
        assert response.status_code == 404 and problem["code"] == "NOT_FOUND"


async def test_a_disabled_account_is_enabled_again(accounts_client, platform, tenant_id):
    signed = await _admin(accounts_client, platform, tenant_id)
    email, password, user_id = await active_user(platform, tenant_id)
    assert (await send(accounts_client, "POST", f"/accounts/{user_id}/disable", signed, {}))[0].status_code == 201
    twice, body = await send(accounts_client, "POST", f"/accounts/{user_id}/disable", signed, {})
    assert twice.status_code == 422 and body["code"] == "INVALID_TRANSITION"
    refused, _ = await send(accounts_client, "POST", "/session", None, {"email": email, "password": password})
    assert refused.status_code == 401
    assert (await send(accounts_client, "POST", f"/accounts/{user_id}/enable", signed, {}))[0].status_code == 201
    await sign_in(accounts_client, email, password)


async def test_a_renewed_invitation_retires_the_first_link(accounts_client, platform, inbox, tenant_id):
    signed = await _admin(accounts_client, platform, tenant_id)
    email = unique_email("late")
    _, invited = await send(accounts_client, "POST", "/accounts", signed, {"email": email, "roles": ["viewer"]})
    first = inbox.link_token(email)
    response, _ = await send(accounts_client, "POST", f"/accounts/{invited['id']}/invitation", signed)
    assert response.status_code == 201
    old, body = await send(accounts_client, "POST", "/account/invitation", None,
                           {"token": first, "password": "Mat-khau-du-dai-1"})
    assert old.status_code == 400 and body["code"] == "LINK_INVALID"
    new, _ = await send(accounts_client, "POST", "/account/invitation", None,
                        {"token": inbox.link_token(email), "password": "Mat-khau-du-dai-1"})
    assert new.status_code == 201


async def test_an_admin_of_a_subtree_grants_within_it_only(accounts_client, platform, tenant_id):
    from services.auth.tokens import mint_token
    from tests.api.story import create_unit
    from tests.api.conftest import SETTINGS

    await active_user(platform, tenant_id)  # provisions the tenant
    officer = mint_token(SETTINGS.auth.jwt_secret, tenant=tenant_id, roles=["officer"])
    district = await create_unit(accounts_client, officer, root_unit_id(tenant_id), "district_federation", "LĐLĐ A")
    union = await create_unit(accounts_client, officer, district, "grassroots_union", "CĐCS A1")
    elsewhere = await create_unit(accounts_client, officer, root_unit_id(tenant_id), "district_federation", "LĐLĐ B")
    email, password, _ = await active_user(platform, tenant_id, "tenant_admin", unit=district)
    signed = await sign_in(accounts_client, email, password)
    for unit, status in ((None, 403), (str(elsewhere), 403), (str(union), 201)):
        response, body = await send(accounts_client, "POST", "/accounts", signed,
                                    {"email": unique_email("o"), "roles": ["officer"], "unit": unit})
        assert response.status_code == status, (unit, body)


async def test_an_admin_lists_the_accounts_of_its_tenant_only(accounts_client, platform, tenant_id, other_tenant_id):
    signed = await _admin(accounts_client, platform, tenant_id)
    email, _, user_id = await active_user(platform, tenant_id, "viewer")
    await active_user(platform, other_tenant_id)
    response, rows = await send(accounts_client, "GET", "/accounts", signed)
    assert response.status_code == 200
    mine = {r["email"]: r for r in rows}
    assert mine[email]["state"] == "active" and mine[email]["roles"] == ["viewer"] and mine[email]["id"] == str(user_id)
    assert len(rows) == 2  # the admin and the viewer, nobody of the other tenant
    response, body = await send(accounts_client, "GET", f"/accounts?tenant={other_tenant_id}", signed)
    assert response.status_code == 403 and body["code"] == "FORBIDDEN"


async def test_a_tenant_admin_of_the_platform_tenant_cannot_touch_a_platform_admin(accounts_client, platform):
    national_admin = await _admin(accounts_client, platform, "national")
    _, _, platform_admin = await active_user(platform, "national", "platform_admin")
    for path, body in ((f"/accounts/{platform_admin}/disable", {}), (f"/accounts/{platform_admin}/roles",
                                                                    {"roles": ["viewer"]})):
        response, problem = await send(accounts_client, "POST", path, national_admin, body)
        assert response.status_code == 403 and problem["code"] == "FORBIDDEN"
