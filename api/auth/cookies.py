"""The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
posts), Secure with the `__Host-` prefix unless THIDUA_SECURE_COOKIES=0 (plain-HTTP
development). A second cookie, readable by scripts, carries the CSRF token to send back."""

from __future__ import annotations

from datetime import datetime

from litestar.datastructures import Cookie

from infra.settings import AccountSettings

CSRF_COOKIE = "thidua_csrf"


def session_cookie_name(settings: AccountSettings) -> str:
    return "__Host-thidua_session" if settings.secure_cookies else "thidua_session"


def session_cookies(settings: AccountSettings, value: str, csrf: str, expires: datetime) -> list[Cookie]:
    common = {"path": "/", "secure": settings.secure_cookies, "samesite": "lax", "expires": int(expires.timestamp())}
    return [Cookie(key=session_cookie_name(settings), value=value, httponly=True, **common),
            Cookie(key=CSRF_COOKIE, value=csrf, httponly=False, **common)]


def cleared_cookies(settings: AccountSettings) -> list[Cookie]:
    common = {"path": "/", "secure": settings.secure_cookies, "samesite": "lax", "max_age": 0, "value": ""}
    return [Cookie(key=session_cookie_name(settings), httponly=True, **common),
            Cookie(key=CSRF_COOKIE, httponly=False, **common)]
