"""org_tree: units as they are now, and their effective-dated versions for "as of D".

A batch keeps each touched unit's changes in memory and writes the unit's row and versions
once, at the end, as of its last change in the batch (what row-by-row writes left behind),
each table's rows in one statement (rows as one JSON text, `engine.rows.json_rows`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import asyncpg

from domain.organisation import ChangeType, OrgTimeline, UnitChange, fold_name
from projections.engine.base import Projection, handles
from projections.engine.event import Event
from projections.engine.rows import insert_rows, json_rows
from projections.read_models.org_changes import ORG_EVENTS, change_from, from_json, to_json, versions


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
        b.new_changes.append({"tenant_id": b.tenant, "unit_id": e.stream_id, "seq": change.seq,
                              "change": to_json(change)})
        changes = b.changes.setdefault(e.stream_id, [])
        changes.append(change)
        if not any(c.change is ChangeType.CREATED for c in changes):
            return  # a change recorded before the creation: kept, applied once created
        b.histories[e.stream_id] = OrgTimeline(changes).history(e.stream_id)

    async def finish(self, b: OrgBatch) -> None:
        t, conn, tenant = self.t, b.conn, b.tenant
        await conn.execute(insert_rows(t["org_unit_changes"]), json_rows(b.new_changes))
        if not b.histories:
            return
        await conn.execute(
            insert_rows(t["org_units"]) + " ON CONFLICT (tenant_id, unit_id) DO UPDATE SET name = excluded.name,"
            " search_name = excluded.search_name, parent_id = excluded.parent_id, ended_on = excluded.ended_on,"
            " end_kind = excluded.end_kind, successor_ids = excluded.successor_ids",
            json_rows([_unit_row(tenant, h) for h in b.histories.values()]))
        await conn.execute(f"DELETE FROM {t['org_unit_versions']} WHERE tenant_id = $1 AND unit_id = ANY($2::uuid[])",
                           tenant, list(b.histories))
        await conn.execute(insert_rows(t["org_unit_versions"]), json_rows([
            {"tenant_id": tenant, "unit_id": h.unit_id, "valid_from": start, "valid_to": end, "name": name,
             "parent_id": parent, "kind": h.kind.value, "level": h.kind.level}
            for h in b.histories.values() for start, end, name, parent in versions(h)]))


@dataclass
class OrgBatch:
    """One batch: every change seen per unit, the changes to insert, each touched unit's
    history as of the batch's last change (its row and versions are written once)."""

    conn: asyncpg.Connection
    tenant: str
    changes: dict[UUID, list[UnitChange]] = field(default_factory=dict)
    new_changes: list[dict] = field(default_factory=list)
    histories: dict[UUID, Any] = field(default_factory=dict)


def _unit_row(tenant: str, h: Any) -> dict[str, Any]:
    day = h.last_day()
    name = h.names.on(day)
    return {"tenant_id": tenant, "unit_id": h.unit_id, "kind": h.kind.value, "level": h.kind.level,
            "name": name, "search_name": fold_name(name), "code": h.code, "enterprise": h.enterprise,
            "parent_id": h.parents.on(day),
            "active_from": h.active_from, "ended_on": h.ended_on, "end_kind": h.end.value if h.end else None,
            "successor_ids": h.successor_ids}
