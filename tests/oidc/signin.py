"""Signing in to the platform through the test provider, as a browser would: the platform's
login redirect, the person at the provider, and the provider's redirect back to the platform."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from tests.accounts.session_client import Signed
from tests.oidc.browser import at_provider
from tests.oidc.fixtures import PLATFORM

PENDING = "thidua_oidc"  # the sign-in in progress (plain-HTTP cookie names in the tests)


@dataclass
class Attempt:
    """One sign-in: what the platform answered at the callback, and how to replay it."""

    response: object
    callback: str
    pending_cookie: str

    @property
    def signed(self) -> Signed:
        cookies = self.response.cookies
        return Signed("thidua_session", cookies["thidua_session"], cookies["thidua_csrf"])


async def start(client, next_path: str | None = None):
    """GET /auth/oidc/login: the redirect to the provider (the pending cookie is in the jar)."""
    client.cookies.clear()
    return await client.get("/auth/oidc/login", params={} if next_path is None else {"next": next_path},
                            follow_redirects=False)


async def oidc_sign_in(client, person: dict | None, *, next_path: str | None = None, refuse: bool = False,
                       edit_callback=None) -> Attempt:
    started = await start(client, next_path)
    assert started.status_code == 302, started.text
    pending = client.cookies[PENDING]
    back = await at_provider(started.headers["location"], PLATFORM.redirect_uri, person, refuse=refuse)
    callback = local(edit_callback(back) if edit_callback else back)
    response = await client.get(callback, follow_redirects=False)
    client.cookies.clear()
    return Attempt(response, callback, pending)


async def replay(client, attempt: Attempt):
    """The same callback again, with the sign-in cookie it came with (as a thief would)."""
    client.cookies.clear()
    return await client.get(attempt.callback, headers={"Cookie": f"{PENDING}={attempt.pending_cookie}"},
                            follow_redirects=False)


def local(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def person(email: str | None, *, verified: bool = True, sub: str | None = None) -> dict:
    from uuid import uuid4

    claims = {"sub": sub or f"sub-{uuid4().hex[:12]}", "email_verified": verified}
    return {**claims, "email": email} if email else claims
