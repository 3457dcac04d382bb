"""Registrations and reports of the units below, for one plan: late ones and missing reports
highlighted, page by page (the registrations/reports/missing_reports read models), with the
CSV/XLSX exports of api/rest/exports.py."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from litestar import Controller, get
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter
from litestar.response import Template

from api.auth.policy import Access, scope_tenant
from api.web.form_values import day
from api.web.review.common import PAGE_SIZE, one_plan, unit_names
from api.web.review.labels import Labels
from projections import queries
from projections.read_models import pages
from services.auth.principal import Principal

CURSOR_SEPARATOR = "~"


class FollowUpPage(Controller):
    path = "/issued-plans/{plan_id:uuid}/follow-up"
    include_in_schema = False

    @get("/")
    async def show(self, state: State, reader: NamedDependency[Principal], plan_id: FromPath[UUID],
                   as_of: Annotated[str, QueryParameter(name="as_of")] = "",
                   registrations_after: Annotated[str, QueryParameter(name="reg")] = "",
                   reports_after: Annotated[str, QueryParameter(name="rep")] = "") -> Template:
        tenant = scope_tenant(reader, Access.TENANT_DATA)
        plan = await one_plan(state, reader, plan_id)
        today = day(as_of, "as_of", required=False) or date.today()
        db = state.platform.db
        registered = await pages.registrations(db, tenant, plan_id, first=PAGE_SIZE, after=_cursor(registrations_after))
        reported = await pages.reports(db, tenant, plan_id, first=PAGE_SIZE, after=_cursor(reports_after))
        missing = await queries.missing_reports(db, tenant, plan_id, today=today)
        late_registrations = len(await queries.registrations(db, tenant, plan_id, late=True))
        return Template("review/follow_up.html", context={
            "reader": reader, "plan": plan, "labels": Labels, "names": await unit_names(state, reader),
            "registered": registered, "reported": reported, "missing": missing, "today": today,
            "late_registrations": late_registrations,
            "next_registrations": _next(registered, pages.REGISTRATION_KEY),
            "next_reports": _next(reported, pages.REPORT_KEY), "as_of": as_of})


def _cursor(value: str) -> tuple[str, ...] | None:
    return tuple(value.split(CURSOR_SEPARATOR)) if value else None


def _next(page: pages.Page, key: pages.SortKey) -> str | None:
    """The cursor of the page after this one: the last row's sort key."""
    if not page.has_next or not page.rows:
        return None
    return CURSOR_SEPARATOR.join(str(page.rows[-1][column]) for column in key.columns)
