"""Personal API tokens: scoped, expiring, revocable, issued only from a session, stored hashed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

from services.accounts.loading import load_account
from services.accounts.personal_tokens import token_principal
from services.auth.hashed_secrets import parse_personal_token
from services.errors import Unauthenticated
from tests.accounts.conftest import active_user
from tests.accounts.session_client import send, sign_in
from tests.api.conftest import bearer


async def _token(client, platform, tenant, *scopes, roles=("officer",)) -> tuple[str, dict]:
    email, password, _ = await active_user(platform, tenant, *roles)
    signed = await sign_in(client, email, password)
    response, issued = await send(client, "POST", "/account/tokens", signed,
                                  {"name": "báo cáo tự động", "scopes": list(scopes), "days": 7})
    assert response.status_code == 201, issued
    return issued["token"], issued


async def test_a_read_token_reads_but_may_not_write(accounts_client, platform, tenant_id):
    token, issued = await _token(accounts_client, platform, tenant_id, "read")
    assert issued["scopes"] == ["read"]
    me = await accounts_client.post("/graphql", json={"query": "{ me { tenant } }"}, headers=bearer(token))
    assert me.json()["data"]["me"] == {"tenant": tenant_id}
    response = await accounts_client.post("/api/v1/org-units", headers=bearer(token), json={
        "kind": "district_federation", "name": "LĐLĐ huyện", "parent_id": str(UUID(int=1)), "effective": "2020-01-01"})
    assert response.status_code == 403 and response.json()["code"] == "FORBIDDEN"


async def test_a_revoked_token_stops_at_once(accounts_client, platform, tenant_id):
    token, issued = await _token(accounts_client, platform, tenant_id, "read", "write")
    response = await accounts_client.delete(f"/api/v1/account/tokens/{issued['token_id']}", headers=bearer(token))
    assert response.status_code == 200
    after = await accounts_client.get("/api/v1/session", headers=bearer(token))
    assert after.status_code == 401 and after.json()["code"] == "UNAUTHENTICATED"


async def test_a_token_does_not_issue_tokens(accounts_client, platform, tenant_id):
    token, _ = await _token(accounts_client, platform, tenant_id, "read", "write")
    response = await accounts_client.post("/api/v1/account/tokens", headers=bearer(token),
                                          json={"name": "child", "scopes": ["read"]})
    assert response.status_code == 403


async def test_a_token_is_stored_as_a_hash_only(accounts_client, platform, admin, tenant_id):
    token, issued = await _token(accounts_client, platform, tenant_id, "read")
    _, _, _, secret = parse_personal_token(token)
    stored = await admin.fetchval("SELECT count(*) FROM events WHERE body::text LIKE '%' || $1 || '%'", secret)
    assert stored == 0
    tenant, account_id, token_id, _ = parse_personal_token(token)
    account = await load_account(platform, tenant, account_id)
    assert account.tokens[str(token_id)]["expires_at"] - datetime.now(UTC) < timedelta(days=7, seconds=5)


async def test_a_forged_or_malformed_token_is_unauthenticated(accounts_client, platform, tenant_id):
    token, _ = await _token(accounts_client, platform, tenant_id, "read")
    forged = token.rsplit(".", 1)[0] + ".forged"
    for bad in (forged, "tdp.x", "tdp.NOT A TENANT.00.00.s", token.replace(tenant_id, "t-other", 1)):
        response = await accounts_client.get("/api/v1/session", headers=bearer(bad))
        assert response.status_code == 401, bad
    try:
        await token_principal(platform, forged)
        raise AssertionError("a forged token passed")
    except Unauthenticated:
        pass


async def test_bad_token_requests_are_refused_with_nothing_written(accounts_client, platform, admin, tenant_id):
    email, password, _ = await active_user(platform, tenant_id)
    signed = await sign_in(accounts_client, email, password)
    before = await admin.fetchval("SELECT count(*) FROM events WHERE tenant_id = $1", tenant_id)
    for body in ({"name": "", "scopes": ["read"]}, {"name": "x", "scopes": ["admin"]}, {"name": "x", "scopes": []},
                 {"name": "x", "scopes": ["read"], "days": 0}, {"name": "x", "scopes": ["read"], "days": 5000},
                 {"name": "x", "scopes": ["read"], "extra": 1}, {"scopes": ["read"]}):
        response, problem = await send(accounts_client, "POST", "/account/tokens", signed, body)
        assert response.status_code == 400 and problem["code"] == "BAD_INPUT", (body, problem)
    assert await admin.fetchval("SELECT count(*) FROM events WHERE tenant_id = $1", tenant_id) == before
