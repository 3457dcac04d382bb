"""Tenant provisioning (platform administrators only)."""

from __future__ import annotations

from datetime import date

import msgspec
from litestar import Controller, Request, Response, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import JSONBody
from litestar.status_codes import HTTP_201_CREATED

from api.rest.commanding import Body, command_context
from api.rest.vocabulary import UnitKindName
from services.auth.principal import Principal, Role
from services.errors import Forbidden
from services.tenants import provision_tenant
from tenants.ids import root_unit_id


class ProvisionTenant(Body):
    tenant_id: str
    name: str
    kind: UnitKindName
    effective: date
    code: str | None = None


class TenantReply(msgspec.Struct):
    tenant_id: str
    name: str
    kind: str
    root_unit_id: str


class TenantCommands(Controller):
    path = "/tenants"
    tags = ["tenants"]

    @post("/", summary="Provision a tenant with its root unit under the national body")
    async def provision(self, request: Request, state: State, principal: NamedDependency[Principal],
                        data: JSONBody[ProvisionTenant]) -> Response[TenantReply]:
        if not principal.has(Role.PLATFORM_ADMIN) or not principal.may("write"):
            raise Forbidden("only a platform administrator provisions tenants")
        info = await provision_tenant(state.platform, command_context(request, principal), tenant_id=data.tenant_id,
                                      name=data.name, kind=data.kind, effective=data.effective, code=data.code)
        return Response(TenantReply(info.tenant_id, info.name, info.kind, str(root_unit_id(info.tenant_id))),
                        status_code=HTTP_201_CREATED)
