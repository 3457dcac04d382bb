"""Signing in and out, accepting an invitation, resetting a password: the endpoints a person
reaches without being signed in (none takes the `principal` dependency but `whoami`)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, delete, get, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import JSONBody
from litestar.status_codes import HTTP_201_CREATED, HTTP_202_ACCEPTED, HTTP_204_NO_CONTENT

from api.auth.cookies import cleared_cookies, session_cookie_name, session_cookies
from api.rest.commanding import Body, CommandReply, reply
from services.accounts import invitations, signin
from services.auth.principal import Principal


class SignIn(Body):
    email: str
    password: str


class SetPassword(Body):
    token: str
    password: str


class ResetRequest(Body):
    email: str


class Caller(msgspec.Struct):
    subject: str
    tenant: str
    roles: list[str]
    unit: UUID | None
    account: UUID | None
    csrf_token: str | None = None
    expires_at: datetime | None = None


def _caller(principal: Principal, csrf: str | None = None, expires: datetime | None = None) -> Caller:
    return Caller(principal.subject, principal.tenant, sorted(principal.roles), principal.unit, principal.account,
                  csrf, expires)


class SessionCommands(Controller):
    path = "/session"
    tags = ["sign-in"]

    @post("/", summary="Sign in with email and password: sets the session cookie", security=[])
    async def sign_in(self, request: Request, state: State, data: JSONBody[SignIn]) -> Response[Caller]:
        state.signin_throttle.check(request.client.host if request.client else "unknown")
        session = await signin.sign_in(state.platform, data.email, data.password)
        cookies = session_cookies(state.settings.accounts, session.cookie, session.csrf, session.expires_at)
        return Response(_caller(session.principal, session.csrf, session.expires_at), status_code=HTTP_201_CREATED,
                        cookies=cookies)

    @get("/", summary="Who is signed in (and the session's CSRF token)")
    async def whoami(self, principal: NamedDependency[Principal]) -> Caller:
        return _caller(principal)

    @delete("/", summary="Sign out: the session ends on the server too", security=[], status_code=HTTP_204_NO_CONTENT)
    async def sign_out(self, request: Request, state: State) -> Response[None]:
        cookie = request.cookies.get(session_cookie_name(state.settings.accounts))
        if cookie:
            await signin.sign_out(state.platform, cookie)
        return Response(None, status_code=HTTP_204_NO_CONTENT, cookies=cleared_cookies(state.settings.accounts))


class AccountLinks(Controller):
    path = "/account"
    tags = ["sign-in"]

    @post("/invitation", summary="Accept an invitation: set the first password", security=[])
    async def accept(self, state: State, data: JSONBody[SetPassword]) -> Response[CommandReply]:
        return reply(await invitations.accept_invitation(state.platform, data.token, data.password))

    @post("/password-reset", summary="Mail a password reset link (same answer for any email)", security=[],
          status_code=HTTP_202_ACCEPTED)
    async def request_reset(self, request: Request, state: State, data: JSONBody[ResetRequest]) -> dict[str, str]:
        state.signin_throttle.check(request.client.host if request.client else "unknown")
        await signin.request_password_reset(state.platform, data.email)
        return {"status": "if the email has an active account, a reset link is on its way"}

    @post("/password", summary="Set a new password from a reset link; every session ends", security=[])
    async def reset(self, state: State, data: JSONBody[SetPassword]) -> Response[CommandReply]:
        return reply(await signin.reset_password(state.platform, data.token, data.password))
