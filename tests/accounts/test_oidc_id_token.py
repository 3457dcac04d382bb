"""The ID token checks, on real tokens from the test provider: its signature against the
provider's published keys, issuer, audience, nonce and expiry. A token altered in any way,
signed by another key or by none, or issued to another client is refused."""

from __future__ import annotations

import base64
import json
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import OctKey, RSAKey

from api.auth.oidc_login import PendingLogin
from api.auth.oidc_id_token import LEEWAY_S
from api.auth.oidc_provider import OidcProvider
from services.accounts.external import ProviderUnavailable, SignInRefused
from tests.oidc.browser import at_provider
from tests.oidc.fixtures import OTHER_APP, PLATFORM, oidc_settings, provider  # noqa: F401 (fixture)
from tests.oidc.provider import Client
from tests.oidc.signin import person


async def _issued(provider, client: Client = PLATFORM, who: dict | None = None) -> tuple[OidcProvider, PendingLogin,
                                                                                         str]:
    """A relying party for `client`, the sign-in it started and the code the provider sent back."""
    relying = OidcProvider(oidc_settings(provider, client))
    login = PendingLogin.start("/")
    url = await relying.authorization_url(state=login.state, nonce=login.nonce, verifier=login.verifier)
    back = await at_provider(url, client.redirect_uri, who or person("someone@example.vn"))
    return relying, login, parse_qs(urlsplit(back).query)["code"][0]


async def _tokens(provider, client: Client = PLATFORM) -> tuple[OidcProvider, PendingLogin, dict]:
    """The provider's token response for a fresh code, redeemed by the test itself."""
    relying, login, code = await _issued(provider, client)
    metadata = await relying.metadata()
    async with httpx.AsyncClient() as http:
        response = await http.post(metadata["token_endpoint"], auth=(client.client_id, client.client_secret), data={
            "grant_type": "authorization_code", "code": code, "redirect_uri": client.redirect_uri,
            "code_verifier": login.verifier})
    assert response.status_code == 200, response.text
    return relying, login, response.json()


def _parts(token: str) -> tuple[dict, dict]:
    header, payload, _ = token.split(".")
    return tuple(json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4))) for p in (header, payload))


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


async def _refused(relying: OidcProvider, token: str, nonce: str, **kwargs) -> SignInRefused:
    with pytest.raises(SignInRefused) as refused:
        await relying.id_token_claims(token, nonce=nonce, **kwargs)
    assert refused.value.rule == "oidc.id_token" and refused.value.message_vi
    return refused.value


async def test_a_real_id_token_passes_every_check(provider):
    relying, login, tokens = await _tokens(provider)
    claims = await relying.id_token_claims(tokens["id_token"], nonce=login.nonce, access_token=tokens["access_token"])
    assert claims["iss"] == provider.issuer and claims["aud"] == PLATFORM.client_id
    assert claims["nonce"] == login.nonce and claims["sub"].startswith("sub-")


async def test_a_changed_claim_breaks_the_signature(provider):
    relying, login, tokens = await _tokens(provider)
    header, payload = _parts(tokens["id_token"])
    signature = tokens["id_token"].rsplit(".", 1)[1]
    for claim, value in (("sub", "sub-of-the-director"), ("email", "giam.doc@example.vn"), ("exp", 4102444800)):
        tampered = f"{_b64(header)}.{_b64({**payload, claim: value})}.{signature}"
        await _refused(relying, tampered, login.nonce)


async def test_a_token_signed_by_another_key_or_by_none_is_refused(provider):
    relying, login, tokens = await _tokens(provider)
    header, payload = _parts(tokens["id_token"])
    impostor = RSAKey.generate_key(2048, parameters={"kid": header["kid"]})  # the provider's key id, not its key
    await _refused(relying, jwt.encode({"alg": "RS256", "kid": header["kid"]}, payload, impostor), login.nonce)
    await _refused(relying, jwt.encode({"alg": "RS256", "kid": "not-the-providers"}, payload, impostor), login.nonce)
    shared = OctKey.import_key(PLATFORM.client_secret)  # HS256 with the client secret: not the provider's keys
    await _refused(relying, jwt.encode({"alg": "HS256"}, payload, shared), login.nonce)
    await _refused(relying, f"{_b64({'alg': 'none'})}.{_b64(payload)}.", login.nonce)


async def test_another_nonce_or_a_late_token_is_refused(provider):
    relying, login, tokens = await _tokens(provider)
    await _refused(relying, tokens["id_token"], "a-nonce-of-another-sign-in")
    _, payload = _parts(tokens["id_token"])
    await relying.id_token_claims(tokens["id_token"], nonce=login.nonce, now=payload["exp"] + LEEWAY_S - 1)
    await _refused(relying, tokens["id_token"], login.nonce, now=payload["exp"] + LEEWAY_S + 1)


async def test_a_token_issued_to_another_client_is_refused(provider):
    _, login, tokens = await _tokens(provider, OTHER_APP)  # genuinely signed by the provider, for other-app
    platform_side = OidcProvider(oidc_settings(provider))
    refused = await _refused(platform_side, tokens["id_token"], login.nonce)
    assert "aud" in str(refused)


async def test_claims_the_id_token_leaves_out_come_from_userinfo(provider):
    who = person("nguoi.dung@example.vn")
    relying, login, code = await _issued(provider, who=who)
    claims = await relying.redeem(code=code, verifier=login.verifier, nonce=login.nonce)
    assert (claims["sub"], claims["email"], claims["email_verified"]) == (who["sub"], who["email"], True)
    # oidc-provider keeps scope claims out of a code flow's ID token: they came from userinfo
    relying, login, tokens = await _tokens(provider)
    assert "email" not in await relying.id_token_claims(tokens["id_token"], nonce=login.nonce)


async def test_a_wrong_verifier_or_a_used_code_is_refused_by_the_provider(provider):
    relying, login, code = await _issued(provider)
    with pytest.raises(SignInRefused) as refused:
        await relying.redeem(code=code, verifier=PendingLogin.start("/").verifier, nonce=login.nonce)
    assert refused.value.rule == "oidc.code"  # PKCE: the code is worth nothing without this sign-in's verifier


async def test_a_discovery_document_for_another_issuer_is_not_trusted(provider):
    relying = OidcProvider(oidc_settings(provider, issuer=provider.issuer + "/"))
    with pytest.raises(ProviderUnavailable) as unavailable:
        await relying.metadata()
    assert "issuer" in str(unavailable.value)
