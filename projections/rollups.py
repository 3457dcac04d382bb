"""rollups: counters per (tenant, plan, org node, metric) at every ancestor level, "as now".

Facts are kept per (plan, unit) in rollup_leaf and added along the unit's attribution path
(domain Succession.path_now: a merged unit's history counts in its successor). Org changes
recompute the path of every unit whose path contains the changed unit, and move their leaves.
A fact's unit: the registering / reporting unit; a nomination's is the nominee for a
collective, else the proposing unit.
"""

from __future__ import annotations

import json
from typing import Any

import asyncpg

from domain.nomination import Nomination
from domain.organisation import ChangeType, OrgTimeline
from domain.registration import Registration
from domain.report import ProgressReport
from projections.base import Event, Projection, handles
from projections.nominations import STEP_EVENTS, state_after
from projections.org_changes import ORG_EVENTS, change_from, from_json, to_json
from projections.rollup_store import NIL_PLAN, RollupStore
from projections.values import targets_met

GRASSROOTS_LEVEL = 3  # grassroots unions and a department's divisions: the collectives in scope


class RollupsProjection(Projection):
    name = "rollups"
    tables = ("rollup_units", "rollup_leaf", "rollup_counters", "rollup_registrations",
              "rollup_nominations")

    def __init__(self, suffix: str = "") -> None:
        super().__init__(suffix)
        self.store = RollupStore(self.t)
        self._cached: OrgTimeline | None = None  # the tenant's org timeline within one batch

    async def apply(self, conn: asyncpg.Connection, tenant_id: str, events: Any) -> None:
        self._cached = None  # never trust a timeline across transactions (or tenants)
        await super().apply(conn, tenant_id, events)

    # --- the org tree ---------------------------------------------------------------------

    @handles(*ORG_EVENTS)
    async def on_org_change(self, conn: asyncpg.Connection, e: Event) -> None:
        change, units = change_from(e), self.t["rollup_units"]
        await self.store.path(conn, e.tenant_id, e.stream_id)
        await conn.execute(f"UPDATE {units} SET changes = changes || $3::jsonb WHERE tenant_id = $1 AND unit_id = $2",
                           e.tenant_id, e.stream_id, json.dumps([to_json(change)]))
        if change.change is ChangeType.RENAMED:
            return
        timeline = await self._timeline(conn, e.tenant_id, change)
        affected = await conn.fetch(f"SELECT unit_id, path FROM {units} WHERE tenant_id = $1 AND path @> $2",
                                    e.tenant_id, [e.stream_id])
        for row in affected:
            await self.store.repath(conn, e.tenant_id, row["unit_id"], row["path"],
                                    timeline.path_now(row["unit_id"]))
        if e.stream_id in timeline:
            await self._count_unit(conn, e.tenant_id, e.stream_id, timeline)

    async def _count_unit(self, conn: asyncpg.Connection, tenant: str, unit: Any,
                          timeline: OrgTimeline) -> None:
        """Set the unit's `units` leaf to 1 while it is an active grassroots unit, else 0."""
        h = timeline.history(unit)
        active = int(h.kind.level == GRASSROOTS_LEVEL and h.ended_on is None)
        current = dict(await conn.fetch(
            f"SELECT metric, value FROM {self.t['rollup_leaf']} WHERE tenant_id = $1 AND plan_id = $2"
            " AND unit_id = $3 AND metric IN ('units', 'units_enterprise')", tenant, NIL_PLAN, unit))
        await self.store.add(conn, tenant, NIL_PLAN, unit, {
            "units": active - current.get("units", 0),
            "units_enterprise": active * h.enterprise - current.get("units_enterprise", 0)})

    async def _timeline(self, conn: asyncpg.Connection, tenant: str, change: Any) -> OrgTimeline:
        """Loaded once per batch, then kept current change by change."""
        if self._cached is not None and (change.change is ChangeType.CREATED or change.unit_id in self._cached):
            self._cached.add(change)
            return self._cached
        rows = await conn.fetch(f"SELECT unit_id, changes FROM {self.t['rollup_units']} WHERE tenant_id = $1",
                                tenant)
        self._cached = OrgTimeline(from_json(r["unit_id"], c) for r in rows for c in json.loads(r["changes"]))
        return self._cached

    # --- registrations and reports ----------------------------------------------------------

    @handles(Registration.UnitRegistered)
    async def on_registered(self, conn: asyncpg.Connection, e: Event) -> None:
        d, table = e.data, self.t["rollup_registrations"]
        first = not await conn.fetchval(
            f"SELECT EXISTS (SELECT 1 FROM {table} WHERE tenant_id = $1 AND plan_id = $2 AND unit_id = $3)",
            e.tenant_id, d["plan_id"], d["unit_id"])
        await conn.execute(f"INSERT INTO {table} (tenant_id, registration_id, plan_id, unit_id, targets)"
                           " VALUES ($1, $2, $3, $4, $5::jsonb)", e.tenant_id, e.stream_id, d["plan_id"],
                           d["unit_id"], json.dumps(d["targets"], default=str, ensure_ascii=False))
        await self.store.add(conn, e.tenant_id, d["plan_id"], d["unit_id"], {
            "registrations": 1, "units_registered": int(first), "registrations_late": int(d["late"]),
            "targets_registered": len(d["targets"]), "initiatives_registered": len(d["initiatives"]),
            "work_items_registered": len(d["work_items"])})

    @handles(Registration.TargetResultRecorded)
    async def on_result(self, conn: asyncpg.Connection, e: Event) -> None:
        table = self.t["rollup_registrations"]
        row = await conn.fetchrow(f"SELECT * FROM {table} WHERE tenant_id = $1 AND registration_id = $2",
                                  e.tenant_id, e.stream_id)
        results = {**json.loads(row["results"]), e.data["indicator"]: str(e.data["achieved"])}
        met = targets_met(json.loads(row["targets"]), results)
        await conn.execute(f"UPDATE {table} SET results = $3::jsonb, targets_met = $4"
                           " WHERE tenant_id = $1 AND registration_id = $2",
                           e.tenant_id, e.stream_id, json.dumps(results, ensure_ascii=False), met)
        await self.store.add(conn, e.tenant_id, row["plan_id"], row["unit_id"],
                             {"targets_met": met - row["targets_met"]})

    @handles(ProgressReport.ReportSubmitted)
    async def on_report(self, conn: asyncpg.Connection, e: Event) -> None:
        d = e.data
        deltas = {"reports": 1, "reports_late": int(d["late"]), "reports_on_time": int(not d["late"]),
                  "members_supported": d["members_supported"], "funds_mobilised": d["funds_mobilised"],
                  "initiatives": d["initiatives"], "work_items_completed": d["work_items_completed"]}
        deltas |= {f"models:{kind}": n for kind, n in d["models_started"].items()}
        await self.store.add(conn, e.tenant_id, d["plan_id"], d["unit_id"], deltas)

    # --- nominations and awards -------------------------------------------------------------

    @handles(Nomination.NominationDrafted)
    async def on_nomination(self, conn: asyncpg.Connection, e: Event) -> None:
        d = e.data
        unit = d["nominee_id"] if d["nominee_kind"] == "collective" else d["proposing_unit_id"]
        await conn.execute(f"INSERT INTO {self.t['rollup_nominations']} VALUES ($1, $2, $3, $4, $5, 'drafted')",
                           e.tenant_id, e.stream_id, d["plan_id"], unit, d["award_form"])
        await self.store.add(conn, e.tenant_id, d["plan_id"], unit, {"nominations:drafted": 1})

    @handles(*STEP_EVENTS)
    async def on_nomination_step(self, conn: asyncpg.Connection, e: Event) -> None:
        table, state = self.t["rollup_nominations"], state_after(e)
        row = await conn.fetchrow(f"SELECT * FROM {table} WHERE tenant_id = $1 AND nomination_id = $2",
                                  e.tenant_id, e.stream_id)
        await conn.execute(f"UPDATE {table} SET status = $3 WHERE tenant_id = $1 AND nomination_id = $2",
                           e.tenant_id, e.stream_id, state)
        deltas = {f"nominations:{row['status']}": -1, f"nominations:{state}": 1}
        if state == "decided":
            deltas[f"awards:{row['award_form']}"] = 1
        elif state == "revoked" and row["status"] == "decided":
            deltas[f"awards:{row['award_form']}"] = -1
        if row["status"] == state:
            deltas = {}
        await self.store.add(conn, e.tenant_id, row["plan_id"], row["unit_id"], deltas)

