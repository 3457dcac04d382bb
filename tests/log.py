"""What a test reads of a tenant's log: its events in position order, as the store records them."""

from __future__ import annotations

from infra.platform import Platform
from infra.records import EVENT_COLUMNS, RecordedEvent, recorded_event


async def read_log(platform: Platform, tenant_id: str, after: int = 0, limit: int = 1000) -> list[RecordedEvent]:
    """The tenant's events with position > `after`, in position order (under row-level security)."""
    async with platform.db.tenant_transaction(tenant_id) as conn:
        rows = await conn.fetch(f"SELECT {EVENT_COLUMNS} FROM events WHERE tenant_id = $1 AND position > $2"
                                " ORDER BY position LIMIT $3", tenant_id, after, limit)
    return [recorded_event(row) for row in rows]
