"""Signing in through a real OpenID Connect provider (tests/oidc/provider.mjs, started on
127.0.0.1): an invited person signs in by the provider, and every way it can go wrong is
refused with a 4xx problem in English and Vietnamese, opening no session."""

from __future__ import annotations

import socket
from dataclasses import replace
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from litestar.testing import AsyncTestClient

from api.app import create_app
from domain.accounts import Grant
from infra.settings import OidcSettings
from services.accounts.invitations import create_invitation
from services.context import SYSTEM
from tests.accounts.conftest import active_user, unique_email
from tests.accounts.session_client import send, sign_in
from tests.oidc.fixtures import PLATFORM, oidc_client, oidc_settings, platform_settings, provider  # noqa: F401 (fixtures)
from tests.oidc.browser import at_provider
from tests.oidc.signin import PENDING, local, oidc_sign_in, person, replay, start


async def _invite(platform, tenant: str, *roles: str) -> tuple[str, object]:
    await active_user(platform, tenant)  # provisions the tenant
    email = unique_email("oidc")
    invited, _, _ = await create_invitation(platform, SYSTEM, tenant=tenant, email=email,
                                            grant=Grant(frozenset(roles or {"officer"})))
    return email, invited.id


async def test_the_login_redirect_carries_state_nonce_and_a_pkce_challenge(oidc_client, provider):
    response = await start(oidc_client, "/plans")
    assert response.status_code == 302
    target = urlsplit(response.headers["location"])
    query = {k: v[0] for k, v in parse_qs(target.query).items()}
    assert f"{target.scheme}://{target.netloc}".startswith(provider.issuer)
    assert query["response_type"] == "code" and query["client_id"] == PLATFORM.client_id
    assert query["redirect_uri"] == PLATFORM.redirect_uri and set(query["scope"].split()) >= {"openid", "email"}
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    assert len(query["state"]) >= 32 and len(query["nonce"]) >= 32 and query["state"] != query["nonce"]
    cookie = response.headers["set-cookie"].lower()
    assert cookie.startswith(f"{PENDING}=") and "httponly" in cookie and "samesite=lax" in cookie
    assert query["state"] not in cookie and "max-age=600" in cookie  # state is inside the signed value only


async def test_an_invited_person_signs_in_and_lands_on_next(oidc_client, platform, tenant_id):
    email, _ = await _invite(platform, tenant_id)
    attempt = await oidc_sign_in(oidc_client, person(email), next_path="/plans?tab=mine")
    assert attempt.response.status_code == 303, attempt.response.text
    assert attempt.response.headers["location"] == "/plans?tab=mine"
    response, me = await send(oidc_client, "GET", "/session", attempt.signed)
    assert response.status_code == 200 and me["subject"] == email and me["tenant"] == tenant_id


def _refused(response, status: int, code: str, rule: str) -> dict:
    """A problem in both languages, no session opened, the sign-in in progress forgotten."""
    assert response.status_code == status, response.text
    problem = response.json()
    assert (problem["code"], problem["rule"]) == (code, rule), problem
    assert problem["detail"] and problem["message_vi"] and problem["message_vi"] != problem["detail"]
    assert "thidua_session" not in response.cookies
    set_cookies = response.headers.get_list("set-cookie")
    assert any(c.startswith(f"{PENDING}=") and "max-age=0" in c.lower() for c in set_cookies), set_cookies
    return problem


async def _account_events(admin, account_id) -> list[str]:
    rows = await admin.fetch("SELECT topic FROM events WHERE stream_id = $1 ORDER BY version", account_id)
    return [r["topic"].rsplit(".", 1)[-1] for r in rows]


async def test_an_uninvited_email_is_refused(oidc_client):
    attempt = await oidc_sign_in(oidc_client, person(unique_email("stranger")))
    problem = _refused(attempt.response, 401, "UNAUTHENTICATED", "signin.external.no_account")
    assert "invitation" in problem["detail"] and "lời mời" in problem["message_vi"]


async def test_an_unverified_email_is_refused_and_links_nothing(oidc_client, platform, admin, tenant_id):
    email, account_id = await _invite(platform, tenant_id)
    attempt = await oidc_sign_in(oidc_client, person(email, verified=False))
    _refused(attempt.response, 401, "UNAUTHENTICATED", "signin.external.email_unverified")
    assert await _account_events(admin, account_id) == ["UserInvited"]
    no_email = await oidc_sign_in(oidc_client, person(None))
    _refused(no_email.response, 401, "UNAUTHENTICATED", "signin.external.email_unverified")


async def test_a_state_that_is_not_the_browsers_is_refused(oidc_client, platform, admin, tenant_id):
    email, account_id = await _invite(platform, tenant_id)

    def other_state(url: str) -> str:
        state = parse_qs(urlsplit(url).query)["state"][0]
        return url.replace(f"state={state}", "state=forged-by-someone-else")

    attempt = await oidc_sign_in(oidc_client, person(email), edit_callback=other_state)
    _refused(attempt.response, 400, "BAD_INPUT", "oidc.state")
    assert await _account_events(admin, account_id) == ["UserInvited"]  # the code was never redeemed


async def test_a_callback_without_the_browsers_cookie_is_refused(oidc_client, platform, tenant_id):
    email, _ = await _invite(platform, tenant_id)
    attempt = await oidc_sign_in(oidc_client, person(email))
    assert attempt.response.status_code == 303
    oidc_client.cookies.clear()
    response = await oidc_client.get(attempt.callback, follow_redirects=False)  # another browser, no cookie
    _refused(response, 400, "BAD_INPUT", "oidc.state")
    forged = await oidc_client.get(attempt.callback, follow_redirects=False,
                                   headers={"Cookie": f"{PENDING}={attempt.pending_cookie[:-4]}AAAA"})
    _refused(forged, 400, "BAD_INPUT", "oidc.state")


async def test_a_replayed_code_is_refused_by_the_provider(oidc_client, platform, tenant_id):
    email, _ = await _invite(platform, tenant_id)
    attempt = await oidc_sign_in(oidc_client, person(email))
    assert attempt.response.status_code == 303
    again = await replay(oidc_client, attempt)  # code, state and the sign-in cookie all captured
    problem = _refused(again, 401, "UNAUTHENTICATED", "oidc.code")
    assert "invalid_grant" in problem["detail"]


async def test_a_person_refusing_at_the_provider_is_refused_here(oidc_client, platform, tenant_id):
    email, _ = await _invite(platform, tenant_id)
    attempt = await oidc_sign_in(oidc_client, person(email), refuse=True)
    _refused(attempt.response, 401, "UNAUTHENTICATED", "oidc.access_denied")


async def test_an_answer_naming_another_issuer_is_refused(oidc_client, platform, tenant_id):
    email, _ = await _invite(platform, tenant_id)

    def other_issuer(url: str) -> str:
        iss = parse_qs(urlsplit(url).query)["iss"][0]
        return url.replace(f"iss={quote(iss, safe='')}", "iss=https%3A%2F%2Fevil.example")

    attempt = await oidc_sign_in(oidc_client, person(email), edit_callback=other_issuer)
    _refused(attempt.response, 400, "BAD_INPUT", "oidc.issuer")


async def test_a_disabled_account_is_refused_mid_session_and_at_the_next_sign_in(oidc_client, platform, tenant_id):
    email, account_id = await _invite(platform, tenant_id)
    signed = (await oidc_sign_in(oidc_client, person(email, sub="sub-to-be-disabled-" + tenant_id))).signed
    response, _ = await send(oidc_client, "GET", "/session", signed)
    assert response.status_code == 200
    admin_email, admin_password, _ = await active_user(platform, tenant_id, "tenant_admin")
    tenant_admin = await sign_in(oidc_client, admin_email, admin_password)
    response, _ = await send(oidc_client, "POST", f"/accounts/{account_id}/disable", tenant_admin,
                             {"reason": "chuyển công tác"})
    assert response.status_code == 201
    response, body = await send(oidc_client, "GET", "/session", signed)
    assert response.status_code == 401 and body["code"] == "UNAUTHENTICATED"  # the live session stops at once
    again = await oidc_sign_in(oidc_client, person(email, sub="sub-to-be-disabled-" + tenant_id))
    _refused(again.response, 401, "UNAUTHENTICATED", "signin.external.disabled")


@pytest.mark.parametrize("next_path", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "plans",
                                       "javascript:alert(1)", "/ok\r\nSet-Cookie: x=1", "/" + "a" * 3000])
async def test_next_must_be_a_path_on_this_site(oidc_client, next_path):
    response = await start(oidc_client, next_path)
    assert response.status_code == 400, response.headers.get("location")
    assert (response.json()["code"], response.json()["rule"]) == ("BAD_INPUT", "oidc.next")
    assert "location" not in response.headers


async def test_without_a_provider_configured_the_routes_are_not_found(accounts_url, inbox):
    async with AsyncTestClient(app=create_app(platform_settings(inbox, None), accounts_url)) as client:
        for path in ("/auth/oidc/login", "/auth/oidc/callback?code=x&state=y"):
            response = await client.get(path, follow_redirects=False)
            assert response.status_code == 404 and response.json()["rule"] == "oidc.not_configured"


async def test_an_unreachable_provider_is_a_503_not_a_500(accounts_url, inbox):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    settings = platform_settings(inbox, OidcSettings(issuer=closed, client_id="thidua", timeout_s=2))
    async with AsyncTestClient(app=create_app(settings, accounts_url)) as client:
        response = await client.get("/auth/oidc/login", follow_redirects=False)
    assert response.status_code == 503 and response.json()["code"] == "UNAVAILABLE"
    assert response.json()["message_vi"] and response.headers["retry-after"]


async def test_over_https_the_sign_in_cookie_is_host_only_and_secure(provider, accounts_url, inbox):
    settings = platform_settings(inbox, oidc_settings(provider))
    settings = replace(settings, accounts=replace(settings.accounts, secure_cookies=True))
    async with AsyncTestClient(app=create_app(settings, accounts_url)) as client:
        response = await client.get("/auth/oidc/login", follow_redirects=False)
    cookie = response.headers["set-cookie"].lower()
    assert response.status_code == 302 and cookie.startswith("__host-thidua_oidc=")
    assert "secure" in cookie and "path=/" in cookie and "domain" not in cookie


async def test_a_browser_is_answered_with_a_page_in_vietnamese(oidc_client):
    started = await start(oidc_client)
    back = await at_provider(started.headers["location"], PLATFORM.redirect_uri, person(unique_email("nobody")))
    response = await oidc_client.get(local(back), follow_redirects=False,
                                     headers={"Accept": "text/html", "Accept-Language": "vi"})
    oidc_client.cookies.clear()
    assert response.status_code == 401 and response.headers["content-type"].startswith("text/html")
    assert "hãy đề nghị quản trị viên gửi lời mời" in response.text and "signin.external.no_account" in response.text


async def test_a_provider_trusted_with_every_email_signs_in_without_email_verified(provider, accounts_url, inbox,
                                                                                   platform, tenant_id):
    email, _ = await _invite(platform, tenant_id)
    trusting = platform_settings(inbox, oidc_settings(provider, require_verified_email=False))
    async with AsyncTestClient(app=create_app(trusting, accounts_url)) as client:
        attempt = await oidc_sign_in(client, person(email, verified=False))
        assert attempt.response.status_code == 303, attempt.response.text
        response, me = await send(client, "GET", "/session", attempt.signed)
    assert response.status_code == 200 and me["subject"] == email
