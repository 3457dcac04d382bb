"""`/audit`: the auditor's pages over the `audit/` package, with the same reach as the GraphQL
auditor queries (Access.HISTORY: an auditor for the tenants of its grant, a platform admin for
any; anyone else is refused): a tenant's history, any aggregate's events with actor, time and
trace id, the aggregate's state as of a moment, and the verification of the tenant's chain.
Each read is recorded in the tenant's audit_reads, as through the API."""

from __future__ import annotations

import json
from datetime import datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from litestar import Controller, Request, get
from litestar.di import NamedDependency
from litestar.params import FromQuery
from litestar.response import Template

from api.auth.policy import Access, require, scope_tenant
from audit.history import HistoryFilter, read_history
from audit.reads import record_read
from audit.state import state_of
from audit.verify import verify_with_files
from services.auth.principal import Principal, Role

PAGE = 100
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
"""A moment typed into the page is read as Vietnam time (the officers' and auditors' clock)."""


class AuditPages(Controller):
    path = "/audit"
    include_in_schema = False

    @get("/")
    async def index(self, reader: NamedDependency[Principal]) -> Template:
        require(reader, Access.HISTORY)
        return Template("audit/index.html", context={"reader": reader, "tenants": _tenants(reader)})

    @get("/history")
    async def history(self, request: Request, reader: NamedDependency[Principal], tenant: FromQuery[str | None] = None,
                      stream: FromQuery[UUID | None] = None, event_type: FromQuery[str | None] = None, after: FromQuery[int] = 0) -> Template:
        scoped = _scope(reader, tenant)
        page = await read_history(request.app.state.platform.db, scoped, auditor=reader.subject,
                                  filter=HistoryFilter(stream, event_type or None), after=max(after, 0), limit=PAGE)
        return Template("audit/history.html", context={
            "reader": reader, "tenant": scoped, "stream": stream, "event_type": event_type or "", "page": page,
            "after": after, "tenants": _tenants(reader), "vietnam": VIETNAM})

    @get("/state")
    async def state(self, request: Request, reader: NamedDependency[Principal], tenant: FromQuery[str | None] = None,
                    stream: FromQuery[UUID | None] = None, at: FromQuery[str | None] = None) -> Template:
        scoped = _scope(reader, tenant)
        moment = _moment(at)
        state = None
        if stream is not None:
            state = await state_of(request.app.state.platform.repository, scoped, stream, auditor=reader.subject,
                                   as_of=moment)
        return Template("audit/state.html", context={
            "reader": reader, "tenant": scoped, "stream": stream, "at": at or "", "state": state,
            "fields": _fields(state.state) if state else [], "tenants": _tenants(reader), "vietnam": VIETNAM})

    @get("/verify")
    async def verify(self, request: Request, reader: NamedDependency[Principal],
                     tenant: FromQuery[str | None] = None) -> Template:
        scoped = _scope(reader, tenant)
        platform = request.app.state.platform
        report = await verify_with_files(platform.db, scoped, platform.files)
        async with platform.db.tenant_transaction(scoped) as conn:
            await record_read(conn, scoped, reader.subject, "verify",
                              {"ok": report.ok, "head_position": report.head_position,
                               "first_bad_position": report.first_bad_position})
        return Template("audit/verify.html", context={"reader": reader, "tenant": scoped, "report": report,
                                                      "tenants": _tenants(reader)})


def _tenants(reader: Principal) -> list[str]:
    granted = sorted(reader.audit_tenants) if reader.has(Role.AUDITOR) else []
    return granted or [reader.tenant]


def _scope(reader: Principal, tenant: str | None) -> str:
    """The tenant asked for (default: the first granted), if the reader may read its history."""
    return scope_tenant(reader, Access.HISTORY, tenant or _tenants(reader)[0])


def _moment(text: str | None) -> datetime | None:
    """`2021-12-20T17:30` (a date-time input) as Vietnam time; empty: now."""
    if not text:
        return None
    from domain.errors import BadInput

    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise BadInput("the moment must be a date and time (2021-12-20T17:30)", rule="web.audit.moment",
                       message_vi="Thời điểm phải là ngày và giờ (2021-12-20T17:30)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=VIETNAM)


def _fields(state: dict) -> list[tuple[str, str]]:
    """The state's attributes as (name, text) rows; nested values as indented JSON."""
    return [(name, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=1, default=str))
            for name, value in state.items()]
