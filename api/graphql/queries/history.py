"""The raw event log of a tenant: auditors (granted tenants) and platform admins only."""

from __future__ import annotations

import strawberry

from api.auth.policy import Access, scope_tenant
from api.graphql.context import Info
from api.graphql.types.event_record import EventRecord
from api.graphql.types.log_head import LogHead
from domain.errors import BadInput

MAX_PAGE = 500


@strawberry.type
class HistoryQueries:
    @strawberry.field(description="Events of a tenant's log after a position, in order.")
    async def history(self, info: Info, tenant: str | None = None, after: int = 0,
                      limit: int = 100) -> list[EventRecord]:
        scoped = scope_tenant(info.context.principal(), Access.HISTORY, tenant)
        if after < 0 or not 1 <= limit <= MAX_PAGE:
            raise BadInput(f"after must be >= 0 and limit within 1..{MAX_PAGE}", rule="api.paging",
                           message_vi=f"after phải >= 0 và limit trong khoảng 1..{MAX_PAGE}")
        rows = await info.context.platform.store.read_log(scoped, after=after, limit=limit)
        return [EventRecord.from_row(row) for row in rows]

    @strawberry.field(description="Last position and hash of a tenant's log.")
    async def log_head(self, info: Info, tenant: str | None = None) -> LogHead:
        scoped = scope_tenant(info.context.principal(), Access.HISTORY, tenant)
        head = await info.context.platform.store.head(scoped)
        return LogHead(tenant=scoped, position=head.position, hash=head.hash.hex() if head.hash else None)
