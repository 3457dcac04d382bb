"""Progress report commands: a unit's báo cáo nhanh for one reporting day of a plan."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import JSONBody

from api.rest.commanding import Body, CommandReply, command_context, reply, write_tenant
from domain.report import ReportFigures
from services import reports
from services.auth.principal import Principal


class Figures(Body):
    """The report's figures; a Struct (not the domain dataclass) so a misspelt figure is
    BAD_INPUT instead of silently counting as zero."""

    members_supported: int = 0
    funds_mobilised: int = 0  # integer đồng
    models_started: dict[str, int] = {}
    initiatives: int = 0
    work_items_completed: int = 0
    note: str = ""

    def to_domain(self) -> ReportFigures:
        return ReportFigures(**{f: getattr(self, f) for f in self.__struct_fields__})


class SubmitReport(Body):
    plan_id: UUID
    unit_id: UUID
    day: date
    submitted_on: date
    figures: Figures = msgspec.field(default_factory=Figures)


class ReportCommands(Controller):
    path = "/reports"
    tags = ["reports"]

    @post("/", summary="Submit a unit's report for a reporting day (once per day; late after its grace days)")
    async def submit(self, request: Request, state: State, principal: NamedDependency[Principal],
                     data: JSONBody[SubmitReport]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await reports.submit_report(
            state.platform, tenant, command_context(request, principal), plan_id=data.plan_id,
            unit_id=data.unit_id, day=data.day, figures=data.figures.to_domain(), submitted_on=data.submitted_on))
