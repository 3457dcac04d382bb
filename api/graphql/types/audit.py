"""Auditor types: a page of history, an aggregate as of a moment, a recorded read, a chain report."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.scalars import JSON

from api.graphql.types.event_record import EventRecord
from audit.history import HistoryPage
from audit.reads import AuditRead
from audit.state import AggregateState
from infra.hash_chain import ChainReport


@strawberry.type(description="A page of a tenant's history; pass `nextAfter` as `after` for the next one.")
class HistoryPageView:
    tenant: str
    entries: list[EventRecord]
    next_after: int | None

    @classmethod
    def from_page(cls, page: HistoryPage) -> HistoryPageView:
        return cls(tenant=page.tenant_id, entries=[EventRecord.from_entry(e) for e in page.entries],
                   next_after=page.next_after)


@strawberry.type(description="An aggregate rebuilt from its events up to a moment or a version.")
class AggregateStateView:
    tenant: str
    stream_id: strawberry.ID
    aggregate_type: str
    version: int
    as_of: datetime | None
    asked_version: int | None
    state: JSON

    @classmethod
    def from_state(cls, s: AggregateState) -> AggregateStateView:
        return cls(tenant=s.tenant_id, stream_id=strawberry.ID(str(s.aggregate_id)),
                   aggregate_type=s.aggregate_type, version=s.version, as_of=s.as_of,
                   asked_version=s.asked_version, state=s.state)


@strawberry.type(description="One recorded read of a tenant's history or state by an auditor.")
class AuditReadView:
    read_id: strawberry.ID
    auditor: str
    read_at: datetime
    what: str
    detail: JSON

    @classmethod
    def from_read(cls, r: AuditRead) -> AuditReadView:
        return cls(read_id=strawberry.ID(str(r.read_id)), auditor=r.auditor, read_at=r.read_at,
                   what=r.what, detail=r.detail)


@strawberry.type(description="Result of walking a tenant's hash chain.")
class ChainReportView:
    tenant: str
    ok: bool
    head_position: int
    head_hash: str
    first_bad_position: int | None
    reason: str

    @classmethod
    def from_report(cls, r: ChainReport) -> ChainReportView:
        return cls(tenant=r.tenant_id, ok=r.ok, head_position=r.head_position, head_hash=r.head_hash.hex(),
                   first_bad_position=r.first_bad_position, reason=r.reason)
