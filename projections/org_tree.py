"""org_tree: units as they are now, and their effective-dated versions for "as of D".

A batch keeps each touched unit's changes in memory and writes the unit's row and versions
once, at the end, as of its last change in the batch (what row-by-row writes left behind),
each table's rows in one statement of parallel arrays (unnest).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import asyncpg

from domain.organisation import ChangeType, OrgTimeline, UnitChange
from projections.base import Event, Projection, handles
from projections.org_changes import ORG_EVENTS, change_from, from_json, to_json, versions
from projections.values import columns, uuid_array


class OrgTreeProjection(Projection):
    name = "org_tree"
    tables = ("org_units", "org_unit_versions", "org_unit_changes")

    async def begin(self, conn: asyncpg.Connection, tenant_id: str, events: Any) -> OrgBatch:
        """The stored changes of the batch's units, read once; the batch's rows written at the end."""
        rows = await conn.fetch(
            f"SELECT unit_id, change FROM {self.t['org_unit_changes']} WHERE tenant_id = $1"
            " AND unit_id = ANY($2::uuid[])", tenant_id, list({e.stream_id for e in events}))
        batch = OrgBatch(conn, tenant_id)
        for r in rows:
            batch.changes.setdefault(r["unit_id"], []).append(from_json(r["unit_id"], json.loads(r["change"])))
        return batch

    @handles(*ORG_EVENTS)
    async def on_change(self, b: OrgBatch, e: Event) -> None:
        change = change_from(e)
        b.new_changes.append((e.stream_id, change.seq, json.dumps(to_json(change))))
        changes = b.changes.setdefault(e.stream_id, [])
        changes.append(change)
        if not any(c.change is ChangeType.CREATED for c in changes):
            return  # a change recorded before the creation: kept, applied once created
        b.histories[e.stream_id] = OrgTimeline(changes).history(e.stream_id)

    async def finish(self, b: OrgBatch) -> None:
        t, conn, tenant = self.t, b.conn, b.tenant
        await conn.execute(
            f"INSERT INTO {t['org_unit_changes']} SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::jsonb[])",
            tenant, *columns(b.new_changes, 3))
        if not b.histories:
            return
        await conn.execute(
            f"INSERT INTO {t['org_units']} (tenant_id, unit_id, kind, level, name, code, enterprise,"
            " parent_id, active_from, ended_on, end_kind, successor_ids)"
            " SELECT $1, u, k, l, n, c, e, p, f, d, x, s::uuid[] FROM unnest($2::uuid[], $3::text[], $4::int[],"
            " $5::text[], $6::text[], $7::boolean[], $8::uuid[], $9::date[], $10::date[], $11::text[], $12::text[])"
            " AS r(u, k, l, n, c, e, p, f, d, x, s)"
            " ON CONFLICT (tenant_id, unit_id) DO UPDATE SET name = excluded.name,"
            " parent_id = excluded.parent_id, ended_on = excluded.ended_on,"
            " end_kind = excluded.end_kind, successor_ids = excluded.successor_ids",
            tenant, *columns([_unit_row(h) for h in b.histories.values()], 11))
        await conn.execute(f"DELETE FROM {t['org_unit_versions']} WHERE tenant_id = $1 AND unit_id = ANY($2::uuid[])",
                           tenant, list(b.histories))
        await conn.execute(
            f"INSERT INTO {t['org_unit_versions']} SELECT $1, * FROM unnest($2::uuid[], $3::date[], $4::date[],"
            " $5::text[], $6::uuid[], $7::text[], $8::int[])", tenant,
            *columns([(h.unit_id, start, end, name, parent, h.kind.value, h.kind.level)
                       for h in b.histories.values() for start, end, name, parent in versions(h)], 7))


@dataclass
class OrgBatch:
    """One batch: every change seen per unit, the changes to insert, each touched unit's
    history as of the batch's last change (its row and versions are written once)."""

    conn: asyncpg.Connection
    tenant: str
    changes: dict[UUID, list[UnitChange]] = field(default_factory=dict)
    new_changes: list[tuple] = field(default_factory=list)
    histories: dict[UUID, Any] = field(default_factory=dict)


def _unit_row(h: Any) -> tuple:
    day = h.last_day()
    return (h.unit_id, h.kind.value, h.kind.level, h.names.on(day), h.code, h.enterprise,
            h.parents.on(day), h.active_from, h.ended_on, h.end.value if h.end else None,
            uuid_array(h.successor_ids))
