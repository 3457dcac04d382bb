"""A plan's registrations, reports, nominations, awards and quota ledgers: tenant data (it
names people), read by the tenant's own users only (Access.TENANT_DATA), page by page."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

import strawberry

from api.auth.policy import Access, scope_tenant
from api.graphql.context import Info
from api.graphql.types.connection import Connection, connection, decode_cursor, page_size
from api.graphql.types.enums import NominationStatus
from api.graphql.types.nomination import Award, Nomination
from api.graphql.types.quota import QuotaUse
from api.graphql.types.registration import Registration
from api.graphql.types.report import MissingReport, Report
from projections import queries
from projections.read_models import pages

FIRST = "Page size, 1 to 100 (default 20)."
AFTER = "The `pageInfo.endCursor` of the page before."
LATE = "Only late (true) or on-time (false)."


@strawberry.type
class TenantDataQueries:
    @strawberry.field(description="Registrations of a plan in the caller's tenant, by day registered then unit.")
    async def registrations(
            self, info: Info, plan_id: UUID,
            late: Annotated[bool | None, strawberry.argument(description=LATE)] = None,
            phase: Annotated[str | None, strawberry.argument(description="Only this phase (its name).")] = None,
            first: Annotated[int | None, strawberry.argument(description=FIRST)] = None,
            after: Annotated[str | None, strawberry.argument(description=AFTER)] = None) -> Connection[Registration]:
        tenant = scope_tenant(info.context.principal(), Access.TENANT_DATA)
        page = await pages.registrations(info.context.platform.db, tenant, plan_id, first=page_size(first),
                                         after=decode_cursor(after, pages.REGISTRATION_KEY), late=late, phase=phase)
        return connection(page, pages.REGISTRATION_KEY, Registration.from_row, after)

    @strawberry.field(description="Progress reports of a plan, by reporting day then unit.")
    async def reports(
            self, info: Info, plan_id: UUID,
            late: Annotated[bool | None, strawberry.argument(description=LATE)] = None,
            first: Annotated[int | None, strawberry.argument(description=FIRST)] = None,
            after: Annotated[str | None, strawberry.argument(description=AFTER)] = None) -> Connection[Report]:
        tenant = scope_tenant(info.context.principal(), Access.TENANT_DATA)
        page = await pages.reports(info.context.platform.db, tenant, plan_id, first=page_size(first),
                                   after=decode_cursor(after, pages.REPORT_KEY), late=late)
        return connection(page, pages.REPORT_KEY, Report.from_row, after)

    @strawberry.field(description="Reports owed and not arrived: a registered unit's report for a reporting "
                                  "day whose due-by day passed before `today` (default: the server's today).")
    async def missing_reports(self, info: Info, plan_id: UUID, today: date | None = None) -> list[MissingReport]:
        tenant = scope_tenant(info.context.principal(), Access.TENANT_DATA)
        rows = await queries.missing_reports(info.context.platform.db, tenant, plan_id, today=today)
        return [MissingReport.from_row(r) for r in rows]

    @strawberry.field(description="Nominations of a plan (names of nominees: tenant users only), by nominee name.")
    async def nominations(
            self, info: Info, plan_id: UUID,
            status: NominationStatus | None = None,  # type: ignore[valid-type]
            first: Annotated[int | None, strawberry.argument(description=FIRST)] = None,
            after: Annotated[str | None, strawberry.argument(description=AFTER)] = None) -> Connection[Nomination]:
        tenant = scope_tenant(info.context.principal(), Access.TENANT_DATA)
        page = await pages.nominations(info.context.platform.db, tenant, plan_id, first=page_size(first),
                                       after=decode_cursor(after, pages.NOMINATION_KEY),
                                       status=status.value if status else None)
        return connection(page, pages.NOMINATION_KEY, Nomination.from_row, after)

    @strawberry.field(description="Awards decided under a plan and not revoked, by decision day.")
    async def awards(
            self, info: Info, plan_id: UUID,
            first: Annotated[int | None, strawberry.argument(description=FIRST)] = None,
            after: Annotated[str | None, strawberry.argument(description=AFTER)] = None) -> Connection[Award]:
        tenant = scope_tenant(info.context.principal(), Access.TENANT_DATA)
        page = await pages.awards(info.context.platform.db, tenant, plan_id, first=page_size(first),
                                  after=decode_cursor(after, pages.AWARD_KEY))
        return connection(page, pages.AWARD_KEY, Award.from_row, after)

    @strawberry.field(description="Quota ledgers of a plan: limit, used, remaining, enterprise share.")
    async def quota_use(self, info: Info, plan_id: UUID) -> list[QuotaUse]:
        tenant = scope_tenant(info.context.principal(), Access.TENANT_DATA)
        return [QuotaUse.from_row(r) for r in await queries.quota_use(info.context.platform.db, tenant, plan_id)]
