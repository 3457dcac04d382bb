"""Sign-in through an OpenID Connect provider (Authorization Code + PKCE), for browsers:

    GET /auth/oidc/login?next=/path  -> 302 to the provider, the sign-in kept in a cookie
    GET /auth/oidc/callback          -> the provider sends the person back here; the code is
                                        exchanged, the ID token checked, the account found
                                        (services/accounts/external.py) and a session opened
                                        exactly as a password sign-in does, then 303 to `next`

Neither takes the `principal`: the person is not signed in yet. A refusal answers a problem
(4xx, English and Vietnamese, `rule` naming the reason; a page for a browser) and forgets the
sign-in in progress.
"""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Request, Response, get
from litestar.datastructures import State
from litestar.params import FromQuery, QueryParameter
from litestar.response import Redirect
from litestar.status_codes import HTTP_302_FOUND, HTTP_303_SEE_OTHER

from api.auth.cookies import session_cookies
from api.auth.oidc_login import PendingLogin, cleared_cookie, cookie_name, local_path, pending_cookie, pending_login
from api.auth.oidc_provider import OidcProvider
from api.errors import to_public
from api.rest.problems import render
from infra.errors import CodedError
from services.accounts.external import SignInRefused, identity_from_claims, sign_in_with_provider

class OidcSignIn(Controller):
    path = "/auth/oidc"
    tags = ["sign-in"]

    @get("/login", summary="Sign in through the identity provider: redirects there", security=[],
         status_code=HTTP_302_FOUND)
    async def login(self, state: State,
                    next_path: Annotated[str | None, QueryParameter(name="next")] = None) -> Response:
        provider = _provider(state)
        login = PendingLogin.start(local_path(next_path))
        url = await provider.authorization_url(state=login.state, nonce=login.nonce, verifier=login.verifier)
        cookie = pending_cookie(state.settings.accounts, state.settings.auth.jwt_secret, login)
        return Redirect(url, status_code=HTTP_302_FOUND, cookies=[cookie])

    @get("/callback", summary="Where the identity provider sends the person back: opens the session",
         security=[], status_code=HTTP_303_SEE_OTHER)
    async def callback(self, request: Request, state: State, code: FromQuery[str | None] = None,
                       returned_state: Annotated[str | None, QueryParameter(name="state")] = None,
                       error: FromQuery[str | None] = None, error_description: FromQuery[str | None] = None,
                       iss: FromQuery[str | None] = None) -> Response:
        accounts = state.settings.accounts
        try:
            provider = _provider(state)
            state.signin_throttle.check(request.client.host if request.client else "unknown")
            login = pending_login(request.cookies.get(cookie_name(accounts)), state.settings.auth.jwt_secret,
                                  returned_state)
            _check_answer(provider, code, error, error_description, iss)
            claims = await provider.redeem(code=code, verifier=login.verifier, nonce=login.nonce)
            identity = identity_from_claims(provider.settings.issuer, claims, provider.settings)
            session = await sign_in_with_provider(state.platform, identity)
        except CodedError as refusal:
            response = _refusal(request, refusal)
            response.set_cookie(cleared_cookie(accounts))
            return response
        cookies = [*session_cookies(accounts, session.cookie, session.csrf, session.expires_at),
                   cleared_cookie(accounts)]
        return Redirect(local_path(login.next), status_code=HTTP_303_SEE_OTHER, cookies=cookies)


def _refusal(request: Request, refusal: CodedError) -> Response:
    """The app's own answer to an error (a page for a browser, problem details for others)."""
    handler = request.app.exception_handlers.get(Exception)
    return handler(request, refusal) if handler else render(request, to_public(refusal))


def _provider(state: State) -> OidcProvider:
    """One relying party per app, made on first use: it keeps the provider's metadata and keys."""
    settings = state.settings.oidc
    if settings is None:
        raise SignInRefused("oidc.not_configured", "sign-in through an identity provider is not configured",
                            "Chưa cấu hình đăng nhập qua nhà cung cấp định danh", code="NOT_FOUND")
    if getattr(state, "oidc_provider", None) is None:
        state.oidc_provider = OidcProvider(settings)
    return state.oidc_provider


def _check_answer(provider: OidcProvider, code: str | None, error: str | None, description: str | None,
                  iss: str | None) -> None:
    if iss is not None and iss != provider.settings.issuer:  # RFC 9207: an answer from another provider
        raise SignInRefused("oidc.issuer", "the answer comes from another identity provider",
                            "Câu trả lời đến từ một nhà cung cấp định danh khác", code="BAD_INPUT")
    if error == "access_denied":
        raise SignInRefused("oidc.access_denied", "the sign-in was refused at the identity provider",
                            "Đăng nhập đã bị từ chối tại nhà cung cấp định danh")
    if error:
        raise SignInRefused("oidc.provider_error",
                            f"the identity provider answered {error[:50]!r}: {(description or '')[:200]}",
                            f"Nhà cung cấp định danh báo lỗi {error[:50]!r}; hãy đăng nhập lại")
    if not code:
        raise SignInRefused("oidc.code", "the identity provider's answer has no code",
                            "Câu trả lời của nhà cung cấp định danh thiếu mã đăng nhập", code="BAD_INPUT")
