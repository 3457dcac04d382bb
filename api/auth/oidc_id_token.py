"""The checks an ID token must pass before anyone is signed in by it (OIDC Core 3.1.3.7):
a signature by one of the provider's published keys with an asymmetric algorithm it offers
(never a shared secret, never `none`), then issuer, audience (and `azp`), nonce, expiry and,
when present, the access token's hash."""

from __future__ import annotations

from authlib.oidc.core import CodeIDToken
from joserfc import jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

from services.accounts.external import SignInRefused

LEEWAY_S = 60  # clock difference tolerated between the provider and the platform
ASYMMETRIC = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA")


class UnknownKey(Exception):
    """Signed with a key id the key set does not hold: the provider may have rotated its keys."""


def refused_token(detail: str) -> SignInRefused:
    return SignInRefused("oidc.id_token", f"the provider's ID token was refused: {detail}",
                         "Mã định danh (ID token) của nhà cung cấp không hợp lệ; hãy đăng nhập lại")


def algorithms(offered: list | None) -> list[str]:
    """The provider's ID token algorithms that are asymmetric (RS256 when it names none)."""
    return [alg for alg in offered or ["RS256"] if alg in ASYMMETRIC] or ["RS256"]


def checked_claims(id_token: str, keys: KeySet, *, issuer: str, client_id: str, allowed: list[str], nonce: str,
                   access_token: str | None = None, now: int | None = None) -> dict[str, object]:
    """The token's claims; SignInRefused (rule `oidc.id_token`) for any failed check."""
    try:
        token = jwt.decode(id_token, keys, registry=JWSRegistry(algorithms=allowed))
        params = {"nonce": nonce, "client_id": client_id, **({"access_token": access_token} if access_token else {})}
        claims = CodeIDToken(token.claims, token.header, {
            "iss": {"essential": True, "values": [issuer]},
            "aud": {"essential": True, "values": [client_id]},
            "exp": {"essential": True},
            "nonce": {"essential": True},
        }, params)
        claims.validate(now=now, leeway=LEEWAY_S)
    except InvalidKeyIdError:
        raise UnknownKey() from None
    except (JoseError, ValueError, TypeError, KeyError) as failure:
        raise refused_token(getattr(failure, "description", None) or type(failure).__name__) from None
    return dict(claims)
