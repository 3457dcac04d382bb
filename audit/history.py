"""A tenant's event history for auditors: filtered, paginated by position, and itself recorded.

    page = await read_history(db, "hanoi", auditor="kiem-toan-1",
                              filter=HistoryFilter(topic="Plan.PlanLaunched"), after=0, limit=100)
    next_page = await read_history(db, "hanoi", auditor=..., after=page.next_after)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from audit.errors import AuditInputError
from audit.history_entry import HistoryEntry
from audit.reads import record_read, validate_auditor
from infra.database import Database, validate_tenant_id
from infra.records import EVENT_COLUMNS, recorded_event

MAX_PAGE = 1000


@dataclass(frozen=True)
class HistoryFilter:
    stream_id: UUID | None = None
    topic: str | None = None
    """A full topic (`domain.plan:Plan.Launched`) or just its class part (`Plan.Launched`)."""
    actor: str | None = None
    """Matches `metadata->>'actor'`."""
    since: datetime | None = None
    """Inclusive lower bound on `recorded_at` (timezone-aware)."""
    until: datetime | None = None
    """Exclusive upper bound on `recorded_at` (timezone-aware)."""

    def as_detail(self) -> dict[str, Any]:
        return {k: str(v) for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class HistoryPage:
    tenant_id: str
    entries: tuple[HistoryEntry, ...]
    next_after: int | None
    """Pass as `after` for the next page; None when this page is the last."""
    filter: HistoryFilter = field(default_factory=HistoryFilter)


_QUERY = f"""
SELECT {EVENT_COLUMNS}
  FROM events
 WHERE tenant_id = $1 AND position > $2
   AND ($3::uuid IS NULL OR stream_id = $3)
   AND ($4::text IS NULL OR topic = $4 OR split_part(topic, ':', 2) = $4)
   AND ($5::text IS NULL OR metadata->>'actor' = $5)
   AND ($6::timestamptz IS NULL OR recorded_at >= $6)
   AND ($7::timestamptz IS NULL OR recorded_at < $7)
 ORDER BY position
 LIMIT $8
"""


async def read_history(
    db: Database,
    tenant_id: str,
    *,
    auditor: str,
    filter: HistoryFilter = HistoryFilter(),
    after: int = 0,
    limit: int = 100,
) -> HistoryPage:
    """One page of the tenant's history; the read is recorded in the same transaction."""
    _check(tenant_id, auditor, filter, after, limit)
    f = filter
    async with db.tenant_transaction(tenant_id) as conn:
        rows = await conn.fetch(
            _QUERY, tenant_id, after, f.stream_id, f.topic, f.actor, f.since, f.until, limit + 1
        )
        detail = {"filter": f.as_detail(), "after": after, "limit": limit}
        await record_read(conn, tenant_id, auditor, "history", detail)
    entries = tuple(HistoryEntry.of(recorded_event(row)) for row in rows[:limit])
    next_after = entries[-1].position if len(rows) > limit else None
    return HistoryPage(tenant_id, entries, next_after, f)


def _check(tenant_id: str, auditor: str, f: HistoryFilter, after: int, limit: int) -> None:
    validate_tenant_id(tenant_id)
    validate_auditor(auditor)
    if not 1 <= limit <= MAX_PAGE:
        raise AuditInputError(f"limit must be between 1 and {MAX_PAGE}")
    if after < 0:
        raise AuditInputError("after must be a position >= 0")
    for name in ("since", "until"):
        value = getattr(f, name)
        if value is not None and value.tzinfo is None:
            raise AuditInputError(f"{name} needs a timezone (e.g. 2025-07-01T00:00:00+07:00)")

