"""People (tenant administrators): the tenant's accounts with their roles and state, invite a
user with roles over a unit's subtree, change roles, disable and enable, renew an invitation.
The services decide who may (services/accounts/authority.py); these pages only ask."""

from __future__ import annotations

from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import FormMultiDict, State
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import Redirect, Template

from api.web.forms import form_context, read_form, submit
from domain.accounts import Grant
from domain.errors import BadInput
from projections.queries import org_tree
from services.accounts import administration, invitations
from services.auth.principal import Principal, Role
from tenants.ids import root_unit_id

GRANTABLE = [Role.OFFICER, Role.VIEWER, Role.AUDITOR, Role.TENANT_ADMIN]
_ROLE_FIELDS = {"accounts.roles": "roles", "accounts.grant": "roles", "accounts.unit": "unit", "accounts.email": "email"}


class PeoplePages(Controller):
    path = "/people"
    include_in_schema = False

    @get("/")
    async def people(self, state: State, reader: NamedDependency[Principal]) -> Template:
        return Template("people/list.html", context=await _listing(state, reader))

    @post("/invite")
    async def invite(self, request: Request, state: State, reader: NamedDependency[Principal]) -> Response:
        form = await read_form(request)

        async def invited() -> Response:
            done = await invitations.invite_user(state.platform, form_context(request, reader, form), reader,
                                                 tenant=reader.tenant, email=form.get("email", ""),
                                                 grant=_grant(form))
            return Template("people/list.html", context={**await _listing(state, reader), "invited": done})

        context = {**await _listing(state, reader), "values": form}
        return await submit("people/list.html", context, invited, fields=_ROLE_FIELDS)

    @post("/{user_id:uuid}/roles")
    async def change_roles(self, request: Request, state: State, reader: NamedDependency[Principal],
                           user_id: FromPath[UUID]) -> Response:
        form = await read_form(request)
        return await _step(state, reader, lambda: administration.change_roles(
            state.platform, form_context(request, reader, form), reader, user_id, _grant(form)))

    @post("/{user_id:uuid}/disable")
    async def disable(self, request: Request, state: State, reader: NamedDependency[Principal],
                      user_id: FromPath[UUID]) -> Response:
        form = await read_form(request)
        return await _step(state, reader, lambda: administration.disable_account(
            state.platform, form_context(request, reader, form), reader, user_id, form.get("reason", "")))

    @post("/{user_id:uuid}/enable")
    async def enable(self, request: Request, state: State, reader: NamedDependency[Principal],
                     user_id: FromPath[UUID]) -> Response:
        form = await read_form(request)
        return await _step(state, reader, lambda: administration.enable_account(
            state.platform, form_context(request, reader, form), reader, user_id))

    @post("/{user_id:uuid}/invitation")
    async def renew(self, request: Request, state: State, reader: NamedDependency[Principal],
                    user_id: FromPath[UUID]) -> Response:
        form = await read_form(request)

        async def renewed() -> Response:
            done = await administration.renew_invitation(state.platform, form_context(request, reader, form),
                                                         reader, user_id)
            return Template("people/list.html", context={**await _listing(state, reader), "invited": done})

        return await submit("people/list.html", await _listing(state, reader), renewed)


async def _step(state: State, reader: Principal, command) -> Response:
    async def done() -> Response:
        await command()
        return Redirect("/people", status_code=303)

    return await submit("people/list.html", await _listing(state, reader), done, fields=_ROLE_FIELDS)


async def _listing(state: State, reader: Principal) -> dict:
    accounts = await administration.list_accounts(state.platform, reader, reader.tenant)
    units = await org_tree(state.platform.db, root_unit_id(reader.tenant), tenant=reader.tenant)
    return {"reader": reader, "accounts": accounts, "units": units, "unit_names": {u["unit_id"]: u["name"] for u in units},
            "grantable": [role.value for role in GRANTABLE], "values": {}}


def _grant(form: FormMultiDict) -> Grant:
    unit = form.get("unit") or None
    try:
        return Grant(frozenset(form.getall("roles", [])), UUID(unit) if unit else None)
    except ValueError:
        raise BadInput("the unit is not a unit id", rule="accounts.unit", message_vi="Đơn vị không hợp lệ") from None
