"""The raw event log of a tenant: auditors (granted tenants) and platform admins only.

Every read goes through `audit.history.read_history`, which records it (auditor = the
token's subject) in the same transaction as the read.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from api.auth.policy import Access, scope_tenant
from api.graphql.context import Info
from api.graphql.types.audit import HistoryPageView
from api.graphql.types.event_record import EventRecord
from api.graphql.types.log_head import LogHead
from audit.history import HistoryFilter, HistoryPage, read_history
from domain.errors import BadInput

MAX_PAGE = 500


@strawberry.input(description="Narrows a history read; every field is optional and they combine (AND).")
class HistoryFilterInput:
    stream_id: UUID | None = None
    event_type: str | None = strawberry.field(default=None, description="Full topic or its class part, e.g. Plan.Launched.")
    actor: str | None = None
    since: datetime | None = strawberry.field(default=None, description="Inclusive, with a time zone.")
    until: datetime | None = strawberry.field(default=None, description="Exclusive, with a time zone.")

    def to_filter(self) -> HistoryFilter:
        return HistoryFilter(self.stream_id, self.event_type, self.actor, self.since, self.until)


async def _read(info: Info, tenant: str | None, filter: HistoryFilterInput | None, after: int,
                limit: int) -> HistoryPage:
    principal = info.context.principal()
    scoped = scope_tenant(principal, Access.HISTORY, tenant)
    if after < 0 or not 1 <= limit <= MAX_PAGE:
        raise BadInput(f"after must be >= 0 and limit within 1..{MAX_PAGE}", rule="api.paging",
                       message_vi=f"after phải >= 0 và limit trong khoảng 1..{MAX_PAGE}")
    return await read_history(info.context.platform.db, scoped, auditor=principal.subject,
                              filter=filter.to_filter() if filter else HistoryFilter(), after=after, limit=limit)


@strawberry.type
class HistoryQueries:
    @strawberry.field(description="Events of a tenant's log after a position, in order, filtered (read recorded).")
    async def history(self, info: Info, tenant: str | None = None, filter: HistoryFilterInput | None = None,
                      after: int = 0, limit: int = 100) -> list[EventRecord]:
        page = await _read(info, tenant, filter, after, limit)
        return [EventRecord.from_entry(e) for e in page.entries]

    @strawberry.field(description="Like `history`, with the position to continue after (read recorded).")
    async def history_page(self, info: Info, tenant: str | None = None, filter: HistoryFilterInput | None = None,
                           after: int = 0, limit: int = 100) -> HistoryPageView:
        return HistoryPageView.from_page(await _read(info, tenant, filter, after, limit))

    @strawberry.field(description="Last position and hash of a tenant's log.")
    async def log_head(self, info: Info, tenant: str | None = None) -> LogHead:
        scoped = scope_tenant(info.context.principal(), Access.HISTORY, tenant)
        head = await info.context.platform.store.head(scoped)
        return LogHead(tenant=scoped, position=head.position, hash=head.hash.hex() if head.hash else None)
