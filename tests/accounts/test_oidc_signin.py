"""Signing in through a real OpenID Connect provider (tests/oidc/provider.mjs, started on
127.0.0.1): an invited person signs in by the provider, and every way it can go wrong is
refused with a 4xx problem in English and Vietnamese, opening no session."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from domain.accounts import Grant
from services.accounts.invitations import create_invitation
from services.context import SYSTEM
from tests.accounts.conftest import active_user, unique_email
from tests.accounts.session_client import send
from tests.oidc.fixtures import PLATFORM, oidc_client, provider  # noqa: F401 (fixtures)
from tests.oidc.signin import PENDING, oidc_sign_in, person, start


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
