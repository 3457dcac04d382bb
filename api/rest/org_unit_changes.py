"""Org unit changes that reshape the tree: move, merge, split, dissolve (each from a date).

The caller's subtree must hold the unit AND where it goes (new parent, successor, the
parents of the new units), so an officer cannot move a unit out of, or into, another's branch.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from api.rest.commanding import Body, CommandReply, command_context, reply, write_tenant
from api.rest.vocabulary import UnitKindName
from services import org_units
from services.auth.principal import Principal


class MoveUnit(Body):
    parent_id: UUID
    effective: date
    expected_version: int | None = None


class MergeUnit(Body):
    successor_id: UUID
    effective: date
    expected_version: int | None = None


class NewUnit(Body):
    kind: UnitKindName
    name: str
    parent_id: UUID | None = None  # default: the split unit's parent that day
    code: str | None = None
    enterprise: bool = False


class SplitUnit(Body):
    into: list[NewUnit]
    effective: date
    expected_version: int | None = None


class Dissolve(Body):
    effective: date
    expected_version: int | None = None


class SplitReply(msgspec.Struct):
    id: UUID
    version: int
    position: int
    replayed: bool
    created: list[UUID]


class OrgUnitChanges(Controller):
    path = "/org-units"
    tags = ["org units"]

    @post("/{unit_id:uuid}/move", summary="Move a unit under another parent from an effective date")
    async def move(self, request: Request, state: State, principal: NamedDependency[Principal],
                   unit_id: FromPath[UUID], data: JSONBody[MoveUnit]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await org_units.move_unit(state.platform, tenant, command_context(request, principal), unit_id,
                                               parent_id=data.parent_id, effective=data.effective,
                                               expected_version=data.expected_version))

    @post("/{unit_id:uuid}/merge", summary="Merge a unit into a successor (the unit ends that day)")
    async def merge(self, request: Request, state: State, principal: NamedDependency[Principal],
                    unit_id: FromPath[UUID], data: JSONBody[MergeUnit]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await org_units.merge_unit(state.platform, tenant, command_context(request, principal),
                                                unit_id, successor_id=data.successor_id, effective=data.effective,
                                                expected_version=data.expected_version))

    @post("/{unit_id:uuid}/split", summary="Split a unit into new units (the first listed inherits)")
    async def split(self, request: Request, state: State, principal: NamedDependency[Principal],
                    unit_id: FromPath[UUID], data: JSONBody[SplitUnit]) -> Response[SplitReply]:
        tenant = write_tenant(principal)
        into = [org_units.NewUnit(kind=n.kind, name=n.name, parent_id=n.parent_id, code=n.code,
                                  enterprise=n.enterprise) for n in data.into]
        result = await org_units.split_unit(state.platform, tenant, command_context(request, principal), unit_id,
                                            into=into, effective=data.effective,
                                            expected_version=data.expected_version)
        return Response(SplitReply(result.id, result.version, result.position, result.replayed,
                                   list(result.created)),
                        status_code=HTTP_200_OK if result.replayed else HTTP_201_CREATED)

    @post("/{unit_id:uuid}/dissolve", summary="Dissolve a unit (no active units may be left under it)")
    async def dissolve(self, request: Request, state: State, principal: NamedDependency[Principal],
                       unit_id: FromPath[UUID], data: JSONBody[Dissolve]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await org_units.dissolve_unit(state.platform, tenant, command_context(request, principal),
                                                   unit_id, effective=data.effective,
                                                   expected_version=data.expected_version))
