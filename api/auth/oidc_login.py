"""A sign-in at the provider in progress: its state, nonce, PKCE verifier and where to go
after, kept in the browser in a signed, short-lived, HttpOnly cookie (no table to clean up).

The cookie binds the provider's answer to the browser that asked: a callback whose `state`
is not the cookie's, or that comes without the cookie, is refused. It is signed with a key
derived from THIDUA_JWT_SECRET, so it cannot be forged, and lives ten minutes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

import jwt
from litestar.datastructures import Cookie

from infra.settings import AccountSettings
from services.accounts.external import SignInRefused

TTL_S = 600
AUDIENCE = "thidua:oidc-login"
MAX_NEXT = 2000


@dataclass(frozen=True)
class PendingLogin:
    state: str
    nonce: str
    verifier: str
    next: str

    @classmethod
    def start(cls, next_path: str) -> PendingLogin:
        # 43+ characters of the unreserved set: a valid PKCE code_verifier (RFC 7636 4.1)
        return cls(secrets.token_urlsafe(32), secrets.token_urlsafe(32), secrets.token_urlsafe(48), next_path)


def cookie_name(settings: AccountSettings) -> str:
    return "__Host-thidua_oidc" if settings.secure_cookies else "thidua_oidc"


def pending_cookie(settings: AccountSettings, jwt_secret: str, login: PendingLogin) -> Cookie:
    value = jwt.encode({**asdict(login), "aud": AUDIENCE, "exp": int(time.time()) + TTL_S}, _key(jwt_secret),
                       algorithm="HS256")
    return Cookie(key=cookie_name(settings), value=value, path="/", max_age=TTL_S, httponly=True,
                  secure=settings.secure_cookies, samesite="lax")


def cleared_cookie(settings: AccountSettings) -> Cookie:
    return Cookie(key=cookie_name(settings), value="", path="/", max_age=0, httponly=True,
                  secure=settings.secure_cookies, samesite="lax")


def pending_login(cookie: str | None, jwt_secret: str, state: str | None) -> PendingLogin:
    """The sign-in this browser started, if `state` is the one it was sent with."""
    if not cookie:
        raise _bad_state("no sign-in is in progress in this browser (or it took over ten minutes)")
    try:
        claims = jwt.decode(cookie, _key(jwt_secret), algorithms=["HS256"], audience=AUDIENCE)
        login = PendingLogin(*(str(claims[name]) for name in ("state", "nonce", "verifier", "next")))
    except (jwt.PyJWTError, KeyError):
        raise _bad_state("the sign-in in progress has expired or was tampered with") from None
    if not state or not hmac.compare_digest(login.state.encode(), str(state).encode()):
        raise _bad_state("the provider's answer is not for the sign-in this browser started (state)")
    return login


def local_path(raw: str | None) -> str:
    """`next` as a path on this platform; anything that could leave it (a scheme, a host,
    `//host`, a backslash that browsers read as a slash) is refused: no open redirect."""
    if raw is None or raw == "":
        return "/"
    text = str(raw)
    parts = urlsplit(text)
    if (len(text) > MAX_NEXT or not text.startswith("/") or text.startswith("//") or "\\" in text
            or any(ord(c) < 0x21 or ord(c) == 0x7F for c in text) or parts.scheme or parts.netloc):
        raise SignInRefused("oidc.next", "`next` must be a path on this site, such as /plans",
                            "Tham số `next` phải là một đường dẫn trong trang này, ví dụ /plans", code="BAD_INPUT")
    return text


def _bad_state(message: str) -> SignInRefused:
    return SignInRefused("oidc.state", message,
                         "Phiên đăng nhập không khớp hoặc đã hết hạn; hãy bắt đầu đăng nhập lại", code="BAD_INPUT")


def _key(jwt_secret: str) -> bytes:
    """A key of its own, so a login cookie is never a valid bearer token and the reverse."""
    return hmac.new(jwt_secret.encode(), b"thidua oidc login cookie", hashlib.sha256).digest()
