"""Signing in with a password: wrong passwords, lockout, throttling, cookies, sign-out, reset."""

from __future__ import annotations

from litestar.testing import AsyncTestClient

from api.app import create_app
from api.auth.throttle import AttemptThrottle
from infra.settings import Settings
from services.errors import TooManyAttempts
from tests.accounts.conftest import account_settings, active_user, unique_email
from tests.accounts.session_client import send, sign_in


async def test_a_wrong_password_and_an_unknown_email_answer_alike(accounts_client, platform, tenant_id):
    email, _, _ = await active_user(platform, tenant_id)
    wrong, body = await send(accounts_client, "POST", "/session", None, {"email": email, "password": "not-the-one-1"})
    unknown, other = await send(accounts_client, "POST", "/session", None,
                                {"email": unique_email("nobody"), "password": "not-the-one-1"})
    assert wrong.status_code == unknown.status_code == 401
    assert body["code"] == other["code"] == "UNAUTHENTICATED" and body["detail"] == other["detail"]
    assert "set-cookie" not in wrong.headers


async def test_repeated_wrong_passwords_lock_the_account_even_for_the_right_one(accounts_client, platform, tenant_id):
    email, password, _ = await active_user(platform, tenant_id)
    for _ in range(2):  # the client's app locks at the 3rd wrong password
        response, _ = await send(accounts_client, "POST", "/session", None, {"email": email, "password": "guess-123456"})
        assert response.status_code == 401
    locked, body = await send(accounts_client, "POST", "/session", None, {"email": email, "password": "guess-123456"})
    assert locked.status_code == 429 and body["code"] == "TOO_MANY_REQUESTS"
    assert int(locked.headers["retry-after"]) > 0
    right, _ = await send(accounts_client, "POST", "/session", None, {"email": email, "password": password})
    assert right.status_code == 429


async def test_a_reset_link_sets_a_new_password_unlocks_and_ends_every_session(accounts_client, platform, inbox,
                                                                               tenant_id):
    email, password, _ = await active_user(platform, tenant_id)
    before = await sign_in(accounts_client, email, password)
    for _ in range(3):
        await send(accounts_client, "POST", "/session", None, {"email": email, "password": "guess-123456"})
    response, _ = await send(accounts_client, "POST", "/account/password-reset", None, {"email": email})
    assert response.status_code == 202
    unknown, body = await send(accounts_client, "POST", "/account/password-reset", None,
                               {"email": unique_email("nobody")})
    assert unknown.status_code == 202  # the same answer: no account enumeration
    token = inbox.link_token(email)
    weak, body = await send(accounts_client, "POST", "/account/password", None, {"token": token, "password": "123"})
    assert weak.status_code == 400 and body["code"] == "BAD_INPUT"  # and the link still works:
    reset, _ = await send(accounts_client, "POST", "/account/password", None,
                          {"token": token, "password": "Mat-khau-moi-2026"})
    assert reset.status_code == 201
    gone, _ = await send(accounts_client, "GET", "/session", before)
    assert gone.status_code == 401
    old, _ = await send(accounts_client, "POST", "/session", None, {"email": email, "password": password})
    assert old.status_code == 401
    await sign_in(accounts_client, email, "Mat-khau-moi-2026")
    used, body = await send(accounts_client, "POST", "/account/password", None,
                            {"token": token, "password": "Mat-khau-khac-2026"})
    assert used.status_code == 400 and body["code"] == "LINK_INVALID"


async def test_one_address_is_throttled_across_accounts(accounts_url, inbox):
    app = create_app(account_settings(inbox, signins_per_minute=3), accounts_url)
    async with AsyncTestClient(app=app) as client:
        answers = [(await send(client, "POST", "/session", None,
                               {"email": unique_email("spray"), "password": "Mua-xuan-2026"}))[0] for _ in range(4)]
    assert [a.status_code for a in answers] == [401, 401, 401, 429]
    assert answers[-1].json()["code"] == "TOO_MANY_REQUESTS" and "retry-after" in answers[-1].headers


def test_the_throttle_forgets_attempts_older_than_a_minute():
    throttle = AttemptThrottle(per_minute=2)
    throttle.check("10.0.0.1", now=0.0)
    throttle.check("10.0.0.1", now=1.0)
    throttle.check("10.0.0.2", now=1.0)  # another address has its own budget
    try:
        throttle.check("10.0.0.1", now=30.0)
        raise AssertionError("the third attempt in a minute passed")
    except TooManyAttempts as refused:
        assert refused.retry_after == 31
    throttle.check("10.0.0.1", now=60.5)


async def test_the_session_cookie_is_secure_httponly_and_samesite_by_default(accounts_url, platform, tenant_id):
    email, password, _ = await active_user(platform, tenant_id)
    async with AsyncTestClient(app=create_app(Settings(), accounts_url)) as client:
        response = await client.post("/api/v1/session", json={"email": email, "password": password})
    assert response.status_code == 201
    session = next(c for c in response.headers.get_list("set-cookie") if c.startswith("__Host-thidua_session="))
    flags = {part.strip().lower() for part in session.split(";")}
    assert {"httponly", "secure", "path=/", "samesite=lax"} <= flags


async def test_signing_out_ends_the_session_on_the_server(accounts_client, platform, tenant_id):
    email, password, _ = await active_user(platform, tenant_id)
    signed = await sign_in(accounts_client, email, password)
    response, _ = await send(accounts_client, "DELETE", "/session", signed)
    assert response.status_code == 204
    after, body = await send(accounts_client, "GET", "/session", signed)
    assert after.status_code == 401 and body["code"] == "UNAUTHENTICATED"


async def test_a_forged_session_cookie_is_unauthenticated(accounts_client, platform, tenant_id):
    email, password, _ = await active_user(platform, tenant_id)
    signed = await sign_in(accounts_client, email, password)
    session_id = signed.cookie.split(".")[0]
    for value in (f"{session_id}.forged-secret", "not-a-session", ""):
        signed.cookie = value
        response, _ = await send(accounts_client, "GET", "/session", signed)
        assert response.status_code == 401


async def test_graphql_reads_with_a_session_and_its_csrf_token(accounts_client, platform, tenant_id):
    email, password, _ = await active_user(platform, tenant_id, "viewer")
    signed = await sign_in(accounts_client, email, password)
    query = {"query": "{ me { tenant roles } }"}
    cookie = {"Cookie": f"{signed.cookie_name}={signed.cookie}"}
    response = await accounts_client.post("/graphql", json=query, headers={**cookie, "X-CSRF-Token": signed.csrf})
    assert response.json()["data"]["me"] == {"tenant": tenant_id, "roles": ["viewer"]}
    forged = await accounts_client.post("/graphql", json=query, headers=cookie)
    assert forged.status_code == 403
    accounts_client.cookies.clear()
