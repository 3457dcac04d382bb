"""Registration commands: a unit registers for a plan's phase; results recorded against targets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from litestar import Controller, Request, Response, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from api.rest.commanding import Body, CommandReply, command_context, reply, write_tenant
from domain.registration import Target
from services import registrations
from services.auth.principal import Principal


class RegisterUnit(Body):
    plan_id: UUID
    unit_id: UUID
    on: date
    targets: list[Target]
    phase: str = ""
    work_items: list[str] = []
    initiatives: list[str] = []


class RecordResult(Body):
    indicator: str
    achieved: Decimal
    on: date
    expected_version: int | None = None


class RegistrationCommands(Controller):
    path = "/registrations"
    tags = ["registrations"]

    @post("/", summary="Register a unit for a plan phase (Idempotency-Key header honoured)")
    async def register(self, request: Request, state: State, principal: NamedDependency[Principal],
                       data: JSONBody[RegisterUnit]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await registrations.register_unit(
            state.platform, tenant, command_context(request, principal), plan_id=data.plan_id,
            unit_id=data.unit_id, phase=data.phase, targets=data.targets, on=data.on,
            work_items=data.work_items, initiatives=data.initiatives))

    @post("/{registration_id:uuid}/results", summary="Record the achieved amount of a target")
    async def record(self, request: Request, state: State, principal: NamedDependency[Principal],
                     registration_id: FromPath[UUID], data: JSONBody[RecordResult]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await registrations.record_result(
            state.platform, tenant, command_context(request, principal), registration_id,
            indicator=data.indicator, achieved=_number(data.achieved), on=data.on,
            expected_version=data.expected_version))


def _number(value: Decimal) -> int | Decimal:
    return int(value) if value == value.to_integral_value() else value
