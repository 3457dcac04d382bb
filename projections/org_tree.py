"""org_tree: units as they are now, and their effective-dated versions for "as of D"."""

from __future__ import annotations

import json

import asyncpg

from domain.organisation import ChangeType, OrgTimeline
from projections.base import Event, Projection, handles
from projections.org_changes import ORG_EVENTS, change_from, from_json, to_json, versions


class OrgTreeProjection(Projection):
    name = "org_tree"
    tables = ("org_units", "org_unit_versions", "org_unit_changes")

    @handles(*ORG_EVENTS)
    async def on_change(self, conn: asyncpg.Connection, e: Event) -> None:
        t, change = self.t, change_from(e)
        await conn.execute(
            f"INSERT INTO {t['org_unit_changes']} VALUES ($1, $2, $3, $4)",
            e.tenant_id, e.stream_id, change.seq, json.dumps(to_json(change)))
        rows = await conn.fetch(
            f"SELECT change FROM {t['org_unit_changes']} WHERE tenant_id = $1 AND unit_id = $2",
            e.tenant_id, e.stream_id)
        changes = [from_json(e.stream_id, json.loads(r["change"])) for r in rows]
        if not any(c.change is ChangeType.CREATED for c in changes):
            return  # a change recorded before the creation: kept, applied once created
        await self._write_unit(conn, e.tenant_id, OrgTimeline(changes).history(e.stream_id))

    async def _write_unit(self, conn: asyncpg.Connection, tenant: str, h) -> None:
        t, day = self.t, h.last_day()
        await conn.execute(
            f"INSERT INTO {t['org_units']} (tenant_id, unit_id, kind, level, name, code, enterprise,"
            " parent_id, active_from, ended_on, end_kind, successor_ids)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
            " ON CONFLICT (tenant_id, unit_id) DO UPDATE SET name = excluded.name,"
            " parent_id = excluded.parent_id, ended_on = excluded.ended_on,"
            " end_kind = excluded.end_kind, successor_ids = excluded.successor_ids",
            tenant, h.unit_id, h.kind.value, h.kind.level, h.names.on(day), h.code, h.enterprise,
            h.parents.on(day), h.active_from, h.ended_on, h.end.value if h.end else None,
            list(h.successor_ids))
        await conn.execute(f"DELETE FROM {t['org_unit_versions']} WHERE tenant_id = $1 AND unit_id = $2",
                           tenant, h.unit_id)
        await conn.executemany(
            f"INSERT INTO {t['org_unit_versions']} VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            [(tenant, h.unit_id, start, end, name, parent, h.kind.value, h.kind.level)
             for start, end, name, parent in versions(h)])
