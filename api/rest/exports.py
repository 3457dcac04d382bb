"""A plan's lists as spreadsheets (CSV and XLSX): registrations, reports (late and missing
marked), nominations, awards: tenant data, the tenant's own roles only (a national reader gets
no unit's list and no nominee's name). A node's rollup by child unit: the rollup's rules
(national readers too; figures and unit names only)."""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from litestar import Controller, Response, get
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery

from api.auth.policy import Access, scope_tenant
from api.graphql.reach import read_scope
from api.rest.attachments import attachment
from documents.awards_sheet import awards_sheet
from documents.exports import nominations_sheet, registrations_sheet, reports_sheet
from documents.rollup_sheet import rollup_breakdown_sheet
from documents.statistical_forms import reporting_year
from documents.statistics_sources import statistical_form
from documents.spreadsheet import CSV, XLSX, Sheet, to_csv, to_xlsx
from domain.errors import BadInput
from projections.queries import PlanRef
from services.auth.principal import Principal


StatForm = Literal["0601", "0602", "0603"]  # Circular 02/2023/TT-BNV form numbers (.N/BNV-TĐKT)
MIN_YEAR, MAX_YEAR = 2000, 2100


class ListExports(Controller):
    path = "/"
    tags = ["exports"]

    @get("/plans/{plan_id:uuid}/registrations.csv", media_type=CSV, summary="The plan's registrations as CSV")
    async def registrations_csv(self, state: State, principal: NamedDependency[Principal],
                                plan_id: FromPath[UUID]) -> Response[bytes]:
        return _csv(await registrations_sheet(state.platform, _tenant(principal), plan_id))

    @get("/plans/{plan_id:uuid}/registrations.xlsx", media_type=XLSX, summary="The plan's registrations as XLSX")
    async def registrations_xlsx(self, state: State, principal: NamedDependency[Principal],
                                 plan_id: FromPath[UUID]) -> Response[bytes]:
        return _xlsx(await registrations_sheet(state.platform, _tenant(principal), plan_id))

    @get("/plans/{plan_id:uuid}/reports.csv", media_type=CSV,
         summary="The plan's reports, late and missing ones marked, as CSV")
    async def reports_csv(self, state: State, principal: NamedDependency[Principal], plan_id: FromPath[UUID],
                          today: FromQuery[date | None] = None) -> Response[bytes]:
        return _csv(await reports_sheet(state.platform, _tenant(principal), plan_id, today or date.today()))

    @get("/plans/{plan_id:uuid}/reports.xlsx", media_type=XLSX,
         summary="The plan's reports, late and missing ones marked, as XLSX")
    async def reports_xlsx(self, state: State, principal: NamedDependency[Principal], plan_id: FromPath[UUID],
                           today: FromQuery[date | None] = None) -> Response[bytes]:
        return _xlsx(await reports_sheet(state.platform, _tenant(principal), plan_id, today or date.today()))

    @get("/plans/{plan_id:uuid}/nominations.csv", media_type=CSV, summary="The plan's nominations as CSV")
    async def nominations_csv(self, state: State, principal: NamedDependency[Principal],
                              plan_id: FromPath[UUID]) -> Response[bytes]:
        return _csv(await nominations_sheet(state.platform, _tenant(principal), plan_id))

    @get("/plans/{plan_id:uuid}/nominations.xlsx", media_type=XLSX, summary="The plan's nominations as XLSX")
    async def nominations_xlsx(self, state: State, principal: NamedDependency[Principal],
                               plan_id: FromPath[UUID]) -> Response[bytes]:
        return _xlsx(await nominations_sheet(state.platform, _tenant(principal), plan_id))

    @get("/plans/{plan_id:uuid}/awards.csv", media_type=CSV,
         summary="The plan's awards (decided, revoked ones marked) as CSV")
    async def awards_csv(self, state: State, principal: NamedDependency[Principal],
                         plan_id: FromPath[UUID]) -> Response[bytes]:
        return _csv(await awards_sheet(state.platform, _tenant(principal), plan_id))

    @get("/plans/{plan_id:uuid}/awards.xlsx", media_type=XLSX,
         summary="The plan's awards (decided, revoked ones marked) as XLSX")
    async def awards_xlsx(self, state: State, principal: NamedDependency[Principal],
                          plan_id: FromPath[UUID]) -> Response[bytes]:
        return _xlsx(await awards_sheet(state.platform, _tenant(principal), plan_id))

    @get("/plans/{plan_id:uuid}/rollup.csv", media_type=CSV,
         summary="A node's rollup broken down by child unit, every metric, with the node's totals, as CSV")
    async def rollup_csv(self, state: State, principal: NamedDependency[Principal], plan_id: FromPath[UUID],
                         node: FromQuery[UUID], as_of: FromQuery[date | None] = None,
                         plan_tenant: FromQuery[str | None] = None,
                         tenant: FromQuery[str | None] = None) -> Response[bytes]:
        return _csv(await _rollup(state, principal, plan_id, node, as_of, plan_tenant, tenant))

    @get("/plans/{plan_id:uuid}/rollup.xlsx", media_type=XLSX,
         summary="A node's rollup broken down by child unit, every metric, with the node's totals, as XLSX")
    async def rollup_xlsx(self, state: State, principal: NamedDependency[Principal], plan_id: FromPath[UUID],
                          node: FromQuery[UUID], as_of: FromQuery[date | None] = None,
                          plan_tenant: FromQuery[str | None] = None,
                          tenant: FromQuery[str | None] = None) -> Response[bytes]:
        return _xlsx(await _rollup(state, principal, plan_id, node, as_of, plan_tenant, tenant))

    @get("/statistics/{form:str}/form.xlsx", media_type=XLSX,
         summary="A yearly statistical report form on emulation and commendation (0601, 0602, 0603), as XLSX")
    async def statistics_xlsx(self, state: State, principal: NamedDependency[Principal], form: FromPath[StatForm],
                              year: FromQuery[int], tree_on: FromQuery[date | None] = None,
                              tenant: FromQuery[str | None] = None) -> Response[bytes]:
        return _xlsx(await _statistics(state, principal, form, year, tree_on, tenant))

    @get("/statistics/{form:str}/form.csv", media_type=CSV,
         summary="A yearly statistical report form on emulation and commendation (0601, 0602, 0603), as CSV")
    async def statistics_csv(self, state: State, principal: NamedDependency[Principal], form: FromPath[StatForm],
                             year: FromQuery[int], tree_on: FromQuery[date | None] = None,
                             tenant: FromQuery[str | None] = None) -> Response[bytes]:
        return _csv(await _statistics(state, principal, form, year, tree_on, tenant))


async def _rollup(state: State, principal: Principal, plan_id: UUID, node: UUID, as_of: date | None,
                  plan_tenant: str | None, tenant: str | None) -> Sheet:
    """The rollup's access rules (national readers too): figures and unit names, no person."""
    scope = read_scope(principal, Access.ROLLUP, tenant)
    owner = scope_tenant(principal, Access.METADATA, plan_tenant or scope or principal.tenant)
    return await rollup_breakdown_sheet(state.platform, PlanRef(owner, plan_id), node, scope=scope, as_of=as_of)


async def _statistics(state: State, principal: Principal, form: str, year: int, tree_on: date | None,
                      tenant: str | None) -> Sheet:
    """Counts only, no names: the rollup's access rules (a tenant its own; national readers any
    tenant, or all of them when they name none). The reporting year ends on 30/11."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadInput(f"year must be within {MIN_YEAR}..{MAX_YEAR}", rule="exports.statistics.year",
                       message_vi=f"Năm báo cáo phải trong khoảng {MIN_YEAR}..{MAX_YEAR}")
    scope = read_scope(principal, Access.ROLLUP, tenant)
    return await statistical_form(state.platform, form, tenant=scope, year=year,
                                  tree_on=tree_on or reporting_year(year)[1])


def _tenant(principal: Principal) -> str:
    return scope_tenant(principal, Access.TENANT_DATA)


def _csv(sheet: Sheet) -> Response[bytes]:
    return attachment(to_csv(sheet), CSV, sheet.title, "csv")


def _xlsx(sheet: Sheet) -> Response[bytes]:
    return attachment(to_xlsx(sheet), XLSX, sheet.title, "xlsx")
