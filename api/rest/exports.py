"""A plan's lists as spreadsheets (CSV and XLSX): registrations, reports (late and missing
marked), nominations. Tenant data: the tenant's own roles only (a national reader gets no
unit's list and no nominee's name)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from litestar import Controller, Response, get
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery

from api.auth.policy import Access, scope_tenant
from api.rest.attachments import attachment
from documents.exports import nominations_sheet, registrations_sheet, reports_sheet
from documents.spreadsheet import CSV, XLSX, Sheet, to_csv, to_xlsx
from services.auth.principal import Principal


class ListExports(Controller):
    path = "/plans/{plan_id:uuid}"
    tags = ["exports"]

    @get("/registrations.csv", media_type=CSV, summary="The plan's registrations as CSV")
    async def registrations_csv(self, state: State, principal: NamedDependency[Principal],
                                plan_id: FromPath[UUID]) -> Response[bytes]:
        return _csv(await registrations_sheet(state.platform, _tenant(principal), plan_id))

    @get("/registrations.xlsx", media_type=XLSX, summary="The plan's registrations as XLSX")
    async def registrations_xlsx(self, state: State, principal: NamedDependency[Principal],
                                 plan_id: FromPath[UUID]) -> Response[bytes]:
        return _xlsx(await registrations_sheet(state.platform, _tenant(principal), plan_id))

    @get("/reports.csv", media_type=CSV, summary="The plan's reports, late and missing ones marked, as CSV")
    async def reports_csv(self, state: State, principal: NamedDependency[Principal], plan_id: FromPath[UUID],
                          today: FromQuery[date | None] = None) -> Response[bytes]:
        return _csv(await reports_sheet(state.platform, _tenant(principal), plan_id, today or date.today()))

    @get("/reports.xlsx", media_type=XLSX, summary="The plan's reports, late and missing ones marked, as XLSX")
    async def reports_xlsx(self, state: State, principal: NamedDependency[Principal], plan_id: FromPath[UUID],
                           today: FromQuery[date | None] = None) -> Response[bytes]:
        return _xlsx(await reports_sheet(state.platform, _tenant(principal), plan_id, today or date.today()))

    @get("/nominations.csv", media_type=CSV, summary="The plan's nominations as CSV")
    async def nominations_csv(self, state: State, principal: NamedDependency[Principal],
                              plan_id: FromPath[UUID]) -> Response[bytes]:
        return _csv(await nominations_sheet(state.platform, _tenant(principal), plan_id))

    @get("/nominations.xlsx", media_type=XLSX, summary="The plan's nominations as XLSX")
    async def nominations_xlsx(self, state: State, principal: NamedDependency[Principal],
                               plan_id: FromPath[UUID]) -> Response[bytes]:
        return _xlsx(await nominations_sheet(state.platform, _tenant(principal), plan_id))


def _tenant(principal: Principal) -> str:
    return scope_tenant(principal, Access.TENANT_DATA)


def _csv(sheet: Sheet) -> Response[bytes]:
    return attachment(to_csv(sheet), CSV, sheet.title, "csv")


def _xlsx(sheet: Sheet) -> Response[bytes]:
    return attachment(to_xlsx(sheet), XLSX, sheet.title, "xlsx")
