"""My account: who I am (roles, unit) and my personal API tokens for integrations: issue one
(its secret is shown once, here), see when each expires, revoke it."""

from __future__ import annotations

from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Redirect, Template

from api.web.forms import form_context, read_form, submit
from services.accounts import personal_tokens
from services.auth.principal import Principal

_FIELDS = {"accounts.tokens.name": "name", "accounts.tokens.scopes": "scopes", "accounts.tokens.expiry": "days"}


class MyAccountPages(Controller):
    path = "/me"
    include_in_schema = False

    @get("/")
    async def me(self, state: State, reader: NamedDependency[Principal]) -> Template:
        return Template("account/me.html", context=await _page(state, reader))

    @post("/tokens")
    async def issue(self, request: Request, state: State, reader: NamedDependency[Principal]) -> Response:
        form = await read_form(request)

        async def issued() -> Response:
            days = form.get("days", "")
            token = await personal_tokens.issue_token(
                state.platform, form_context(request, reader, form), reader, name=form.get("name", ""),
                scopes=form.getall("scopes", []), days=int(days) if days.isdigit() else -1)
            return Template("account/me.html", context={**await _page(state, reader), "issued": token})

        return await submit("account/me.html", {**await _page(state, reader), "values": form}, issued, fields=_FIELDS)

    @post("/tokens/{token_id:uuid}/revoke")
    async def revoke(self, request: Request, state: State, reader: NamedDependency[Principal],
                     token_id: FromPath[UUID]) -> Response:
        form = await read_form(request)

        async def revoked() -> Response:
            await personal_tokens.revoke_token(state.platform, form_context(request, reader, form), reader, token_id)
            return Redirect("/me", status_code=303)

        return await submit("account/me.html", await _page(state, reader), revoked)


async def _page(state: State, reader: Principal) -> dict:
    tokens = await personal_tokens.my_tokens(state.platform, reader) if reader.account else []
    return {"reader": reader, "tokens": tokens, "values": {}}
