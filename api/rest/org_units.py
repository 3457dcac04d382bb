"""Org unit commands: create and rename (moves, merges and splits follow the same shape)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from litestar import Controller, Request, Response, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from api.rest.commanding import Body, CommandReply, command_context, reply, write_tenant
from api.rest.vocabulary import UnitKindName
from services import org_units
from services.auth.principal import Principal


class CreateUnit(Body):
    kind: UnitKindName
    name: str
    parent_id: UUID
    effective: date
    code: str | None = None
    enterprise: bool = False


class RenameUnit(Body):
    name: str
    effective: date
    expected_version: int | None = None


class OrgUnitCommands(Controller):
    path = "/org-units"
    tags = ["org units"]

    @post("/", summary="Create a unit under a parent (Idempotency-Key header honoured)")
    async def create(self, request: Request, state: State, principal: NamedDependency[Principal],
                     data: JSONBody[CreateUnit]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await org_units.create_unit(
            state.platform, tenant, command_context(request, principal), kind=data.kind, name=data.name,
            parent_id=data.parent_id, effective=data.effective, code=data.code, enterprise=data.enterprise))

    @post("/{unit_id:uuid}/rename", summary="Rename a unit from an effective date")
    async def rename(self, request: Request, state: State, principal: NamedDependency[Principal],
                     unit_id: FromPath[UUID], data: JSONBody[RenameUnit]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await org_units.rename_unit(
            state.platform, tenant, command_context(request, principal), unit_id, name=data.name,
            effective=data.effective, expected_version=data.expected_version))
