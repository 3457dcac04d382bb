"""The platform as an OpenID Connect relying party (authlib): the provider's metadata and
keys, the authorization request with PKCE, the code exchange, and the claims of the person
(the ID token, checked by api/auth/oidc_id_token.py, completed from userinfo).

Metadata and keys are read on first use and kept for an hour, so the platform starts even when
the provider is down; a token signed with a key id not yet seen fetches the keys again once
(the provider rotated them).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from functools import partial

from authlib.common.security import is_secure_transport
from authlib.integrations.httpx_client import AsyncOAuth2Client, OAuthError
from httpx2 import HTTPError
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from api.auth.oidc_id_token import UnknownKey, algorithms, checked_claims, refused_token
from infra.settings import OidcSettings
from services.accounts.external import ProviderUnavailable, SignInRefused

METADATA_TTL_S = 3600


class OidcProvider:
    def __init__(self, settings: OidcSettings):
        self.settings = settings
        self._metadata: dict | None = None
        self._keys: KeySet | None = None
        self._read_at = 0.0
        self._lock = asyncio.Lock()

    def client(self) -> AsyncOAuth2Client:
        s = self.settings
        return AsyncOAuth2Client(client_id=s.client_id, client_secret=s.client_secret,
                                 token_endpoint_auth_method="client_secret_basic" if s.client_secret else "none",
                                 scope=" ".join(s.scopes), redirect_uri=s.redirect_uri, code_challenge_method="S256",
                                 timeout=s.timeout_s)

    async def authorization_url(self, *, state: str, nonce: str, verifier: str) -> str:
        metadata = await self.metadata()
        async with self.client() as client:
            url, _ = client.create_authorization_url(metadata["authorization_endpoint"], state=state,
                                                     code_verifier=verifier, nonce=nonce)
        return url

    async def redeem(self, *, code: str, verifier: str, nonce: str) -> dict[str, object]:
        """The claims of the person the code was issued for: the ID token's, completed from the
        userinfo endpoint when a mapped claim is not in the ID token (many providers keep email
        there). SignInRefused for a code the provider refuses (replayed, expired, another
        client's) and for an ID token that fails a check."""
        metadata = await self.metadata()
        try:
            async with self.client() as client:
                token = await client.fetch_token(metadata["token_endpoint"], grant_type="authorization_code",
                                                 code=code, code_verifier=verifier)
        except OAuthError as refusal:
            raise SignInRefused("oidc.code", f"the provider refused the sign-in code ({refusal.error})",
                                "Nhà cung cấp từ chối mã đăng nhập (đã dùng hoặc hết hạn); hãy đăng nhập lại") from None
        except HTTPError:
            raise _unavailable() from None
        if "id_token" not in token:
            raise refused_token("the token response has no id_token (is the `openid` scope granted?)")
        claims = await self.id_token_claims(token["id_token"], nonce=nonce, access_token=token.get("access_token"))
        if self._missing(claims) and metadata.get("userinfo_endpoint") and token.get("access_token"):
            info = await self._userinfo(metadata["userinfo_endpoint"], token["access_token"], claims["sub"])
            claims = {**info, **claims}  # the signed ID token's claims win
        return claims

    async def id_token_claims(self, id_token: str, *, nonce: str, access_token: str | None = None,
                              now: int | None = None) -> dict[str, object]:
        """The ID token's claims once every check passes (api/auth/oidc_id_token.py)."""
        metadata = await self.metadata()
        check = partial(checked_claims, id_token, issuer=metadata["issuer"], client_id=self.settings.client_id,
                        allowed=algorithms(metadata.get("id_token_signing_alg_values_supported")), nonce=nonce,
                        access_token=access_token, now=now)
        try:
            return check(await self._jwks())
        except UnknownKey:
            try:
                return check(await self._jwks(refresh=True))
            except UnknownKey:
                raise refused_token("no key of the provider has the token's key id") from None

    async def metadata(self) -> dict:
        """The provider's discovery document, checked: the issuer is the one configured, and the
        endpoints the sign-in uses are there, over TLS (or on a loopback address)."""
        async with self._lock:
            if self._metadata is None or time.monotonic() - self._read_at > METADATA_TTL_S:
                self._metadata = _checked(self.settings.issuer, await self._get_json(_discovery_url(self.settings)))
                self._keys, self._read_at = None, time.monotonic()
            return self._metadata

    async def _jwks(self, refresh: bool = False) -> KeySet:
        metadata = await self.metadata()
        if self._keys is None or refresh:
            try:
                self._keys = KeySet.import_key_set(await self._get_json(metadata["jwks_uri"]))
            except (JoseError, ValueError, TypeError, KeyError):
                raise _unavailable("the provider's signing keys (jwks_uri) cannot be read") from None
        return self._keys

    def _missing(self, claims: Mapping) -> bool:
        s = self.settings
        wanted = [s.subject_claim, s.email_claim] + ([s.email_verified_claim] if s.require_verified_email else [])
        return any(name not in claims for name in wanted)

    async def _userinfo(self, endpoint: str, access_token: str, subject: object) -> dict[str, object]:
        try:
            async with self.client() as client:  # the access token as it is: no refresh, no expiry guess
                response = await client.request("GET", endpoint, withhold_token=True,
                                                headers={"Authorization": f"Bearer {access_token}"})
            if response.status_code != 200:  # no more claims: the mapping says which one was missing
                return {}
            info = response.json()
        except HTTPError:
            raise _unavailable("the provider's userinfo endpoint did not answer") from None
        except ValueError:  # a signed or encrypted userinfo answer: only the ID token's claims count
            return {}
        if not isinstance(info, dict) or info.get("sub") != subject:  # OIDC Core 5.3.2: must be the same person
            raise refused_token("the userinfo answer names another subject")
        return info

    async def _get_json(self, url: str) -> dict:
        try:
            async with self.client() as client:
                response = await client.request("GET", url, withhold_token=True)
            response.raise_for_status()
            document = response.json()
        except (HTTPError, ValueError):
            raise _unavailable() from None
        if not isinstance(document, dict):
            raise _unavailable()
        return document


def _discovery_url(settings: OidcSettings) -> str:
    return settings.issuer.rstrip("/") + "/.well-known/openid-configuration"


def _checked(issuer: str, metadata: dict) -> dict:
    if metadata.get("issuer") != issuer:  # OIDC Discovery 4.3: exactly the issuer configured
        raise _unavailable(f"the provider's discovery names issuer {metadata.get('issuer')!r}, not {issuer!r}")
    for name in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not isinstance(metadata.get(name), str) or not is_secure_transport(metadata[name]):
            raise _unavailable(f"the provider's discovery has no usable {name}")
    userinfo = metadata.get("userinfo_endpoint")
    if userinfo is not None and (not isinstance(userinfo, str) or not is_secure_transport(userinfo)):
        raise _unavailable("the provider's userinfo_endpoint is not over TLS")  # it would carry the access token
    return metadata


def _unavailable(detail: str = "the identity provider cannot be reached") -> ProviderUnavailable:
    return ProviderUnavailable(f"{detail}; try again later")
