"""The pages a person reaches without being signed in: sign in, the invitation and reset
links the mails carry (services/accounts/links.py names their paths), sign out, language."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import Cookie, State
from litestar.params import FromPath, FromQuery, QueryParameter
from litestar.response import Redirect, Template

from api.auth.cookies import cleared_cookies, session_cookie_name, session_cookies
from api.web.access import local_path
from api.web.forms import read_form, submit
from api.web.i18n import COOKIE, LANGUAGES
from services.accounts import invitations, signin

_YEAR_S = 365 * 24 * 3600


def _sign_in_page(state: State, back_to: str, email: str = "") -> dict:
    """`oidc`: a provider is configured, so the page offers signing in through it too."""
    return {"next": back_to, "email": email, "oidc": state.settings.oidc is not None}


async def _set_password(request: Request, state: State, purpose: str, set_it, notice: str) -> Response:
    """The form a mailed link opens (an invitation or a reset): the password set, then the
    sign-in page with its `notice`; a refused password is shown next to its field."""
    form = await read_form(request)
    token = form.get("token", "")

    async def done() -> Response:
        await set_it(state.platform, token, form.get("password", ""))
        return Redirect(f"/sign-in?{notice}=1", status_code=303)

    return await submit("session/set_password.html", {"token": token, "purpose": purpose}, done,
                        fields={"accounts.password": "password"})


class SessionPages(Controller):
    include_in_schema = False

    @get("/sign-in")
    async def sign_in_form(self, state: State,
                           next_: Annotated[str | None, QueryParameter(name="next")] = None) -> Template:
        return Template("session/sign_in.html", context=_sign_in_page(state, local_path(next_)))

    @post("/sign-in")
    async def sign_in(self, request: Request, state: State) -> Response:
        form = await read_form(request)
        email, back_to = form.get("email", ""), local_path(form.get("next"))

        async def open_session() -> Response:
            state.signin_throttle.check(request.client.host if request.client else "unknown")
            session = await signin.sign_in(state.platform, email, form.get("password", ""))
            return Redirect(back_to, status_code=303, cookies=session_cookies(
                state.settings.accounts, session.cookie, session.csrf, session.expires_at))

        return await submit("session/sign_in.html", _sign_in_page(state, back_to, email), open_session)

    @post("/sign-out")
    async def sign_out(self, request: Request, state: State) -> Response:
        cookie = request.cookies.get(session_cookie_name(state.settings.accounts))
        if cookie:
            await signin.sign_out(state.platform, cookie)
        return Redirect("/sign-in", status_code=303, cookies=cleared_cookies(state.settings.accounts))

    @get("/account/accept")
    async def invitation_form(self, token: FromQuery[str] = "") -> Template:
        return Template("session/set_password.html", context={"token": token, "purpose": "invitation"})

    @post("/account/accept")
    async def accept(self, request: Request, state: State) -> Response:
        return await _set_password(request, state, "invitation", invitations.accept_invitation, "welcome")

    @get("/account/forgot")
    async def reset_request_form(self) -> Template:
        return Template("session/forgot.html", context={"sent": False})

    @post("/account/forgot")
    async def request_reset(self, request: Request, state: State) -> Response:
        form = await read_form(request)

        async def mailed() -> Response:
            state.signin_throttle.check(request.client.host if request.client else "unknown")
            await signin.request_password_reset(state.platform, form.get("email", ""))
            return Template("session/forgot.html", context={"sent": True})  # the same answer for any email

        return await submit("session/forgot.html", {"sent": False}, mailed)

    @get("/account/reset")
    async def reset_form(self, token: FromQuery[str] = "") -> Template:
        return Template("session/set_password.html", context={"token": token, "purpose": "reset"})

    @post("/account/reset")
    async def reset(self, request: Request, state: State) -> Response:
        return await _set_password(request, state, "reset", signin.reset_password, "reset")

    @get("/language/{language:str}")
    async def choose_language(self, language: FromPath[str],
                              next_: Annotated[str | None, QueryParameter(name="next")] = None) -> Response:
        chosen = language if language in LANGUAGES else LANGUAGES[0]
        return Redirect(local_path(next_), status_code=303,
                        cookies=[Cookie(key=COOKIE, value=chosen, max_age=_YEAR_S, samesite="lax")])
