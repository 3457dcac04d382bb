"""Auditor queries: an aggregate as of a moment or version, the record of reads, chain verification.

Same reach as `history` (Access.HISTORY): auditors for the tenants of their `audit_tenants`
claim, platform admins for every tenant; anything else is NOT_FOUND (no existence leak).
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import strawberry

from api.auth.policy import Access, scope_tenant
from api.graphql.context import Info
from api.graphql.types.audit import AggregateStateView, AuditReadView, ChainReportView
from audit.reads import list_reads, record_read
from audit.state import state_of
from audit.verify import verify_with_files
from domain.errors import BadInput

MAX_READS = 1000


@strawberry.type
class AuditorQueries:
    @strawberry.field(description="An aggregate rebuilt from its events recorded up to `asOf`, or up to"
                                  " `version` (neither: now). Read recorded.")
    async def aggregate_state(self, info: Info, stream_id: UUID, tenant: str | None = None,
                              as_of: datetime | None = None, version: int | None = None) -> AggregateStateView:
        principal = info.context.principal()
        scoped = scope_tenant(principal, Access.HISTORY, tenant)
        state = await state_of(info.context.platform.repository, scoped, stream_id, auditor=principal.subject,
                               version=version, as_of=as_of)
        return AggregateStateView.from_state(state)

    @strawberry.field(description="Recorded reads of a tenant's history and state, newest first.")
    async def audit_reads(self, info: Info, tenant: str | None = None, limit: int = 100) -> list[AuditReadView]:
        scoped = scope_tenant(info.context.principal(), Access.HISTORY, tenant)
        if not 1 <= limit <= MAX_READS:
            raise BadInput(f"limit must be within 1..{MAX_READS}", rule="api.paging",
                           message_vi=f"limit phải trong khoảng 1..{MAX_READS}")
        return [AuditReadView.from_read(r) for r in await list_reads(info.context.platform.db, scoped, limit)]

    @strawberry.field(description="Walk a tenant's hash chain and re-hash its dossier files: ok with head"
                                  " position and hash, or the first bad position. Recorded as a read.")
    async def verify_chain(self, info: Info, tenant: str | None = None) -> ChainReportView:
        principal = info.context.principal()
        scoped = scope_tenant(principal, Access.HISTORY, tenant)
        db = info.context.platform.db
        report = await verify_with_files(db, scoped, info.context.platform.files)
        async with db.tenant_transaction(scoped) as conn:
            await record_read(conn, scoped, principal.subject, "verify",
                              {"ok": report.ok, "head_position": report.head_position,
                               "first_bad_position": report.first_bad_position})
        return ChainReportView.from_report(report)
