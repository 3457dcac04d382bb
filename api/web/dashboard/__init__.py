"""`/dashboard`: a campaign's figures at any node of the org tree (national body, a province,
... a grassroots union), as of today or a past day, with charts, their tables and each table
as CSV (`/dashboard/csv/<table>`, same address parameters)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, FromQuery
from litestar.response import Template

from api.rest.attachments import attachment
from api.web.dashboard import charts, tables
from api.web.dashboard.figures import Asked, NoCampaign, plan_key, read_figures
from api.web.i18n import language_of, translate
from documents.spreadsheet import CSV, to_csv
from services.auth.principal import Principal

PAGE_ROWS = 50
"""Rows of the units table per page (the CSV holds them all)."""


class DashboardPages(Controller):
    path = "/dashboard"
    include_in_schema = False

    @get("/")
    async def dashboard(self, request: Request, reader: NamedDependency[Principal], plan: FromQuery[str | None] = None,
                        node: FromQuery[UUID | None] = None, as_of: FromQuery[date | None] = None, page: FromQuery[int] = 1) -> Template:
        try:
            figures = await read_figures(request.app.state.platform.db, reader, Asked.parse(plan, node, as_of))
        except NoCampaign:
            return Template("dashboard/none.html", context={"reader": reader})
        tr = _translator(request)
        built = tables.build(figures, tr)
        pages = max(1, -(-(len(built["units"].rows) - 1) // PAGE_ROWS))
        page = min(max(page, 1), pages)
        return Template("dashboard/index.html", context={
            "reader": reader, "f": figures, "tables": built, "charts": charts.build(built, tr),
            "plan_key": plan_key(figures.plan), "page": page, "pages": pages, "page_rows": PAGE_ROWS,
            "metrics": figures.rollup["metrics"],
            "lagging": any(fresh.lag_events for fresh in figures.rollup["freshness"]), "percent": tables.percent,
            "query": _query(figures.plan, figures.node, figures.as_of),
            "drill": lambda unit: "/dashboard/?" + _query(figures.plan, unit, figures.as_of),
            "statistics_year": reporting_year(figures.as_of or date.today())})

    @get("/csv/{table:str}")
    async def table_csv(self, request: Request, reader: NamedDependency[Principal], table: FromPath[str],
                        plan: FromQuery[str | None] = None, node: FromQuery[UUID | None] = None, as_of: FromQuery[date | None] = None) -> Response:
        if table not in tables.TABLES:
            raise NotFoundException(f"no dashboard table {table!r}")
        figures = await read_figures(request.app.state.platform.db, reader, Asked.parse(plan, node, as_of))
        sheet = tables.build(figures, _translator(request))[table].sheet()
        return attachment(to_csv(sheet), CSV, f"{sheet.title} {date.today().isoformat()}", "csv")


def _translator(request: Request):
    language = language_of(request)
    return lambda message: translate(language, message)


def reporting_year(day: date) -> int:
    """The emulation and commendation reporting year a day falls in: 01/12 of the year before
    to 30/11 (the statistical forms' year)."""
    return day.year + 1 if day.month == 12 else day.year


def _query(plan, node: UUID, as_of: date | None) -> str:
    """The address parameters that keep the reader on this campaign, node and day."""
    text = f"plan={plan_key(plan)}&node={node}"
    return text + (f"&as_of={as_of.isoformat()}" if as_of else "")
