"""registrations: one row per registration, with targets, results and targets met.

A batch keeps its registrations in memory (the stored ones its results touch are read
once, at the start) and writes them at the end: new rows in one INSERT, changed ones in
one UPDATE, each set-based (rows as one JSON text, `engine.rows.json_rows`), in the batch's
transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import asyncpg
from eventsourcing.utils import get_topic

from domain.registration import Registration
from projections.engine.base import Projection, handles
from projections.engine.event import Event
from projections.engine.rows import insert_rows, json_rows
from projections.read_models.targets import targets_met

_RESULT = get_topic(Registration.TargetResultRecorded)


@dataclass
class RegistrationRows:
    conn: asyncpg.Connection
    tenant: str
    new: dict[UUID, dict[str, Any]] = field(default_factory=dict)  # registered in this batch
    stored: dict[UUID, dict[str, Any]] = field(default_factory=dict)  # read at the start
    changed: set[UUID] = field(default_factory=set)  # stored rows whose results changed


class RegistrationsProjection(Projection):
    name = "registrations"
    tables = ("registrations",)

    async def begin(self, conn: asyncpg.Connection, tenant_id: str, events: Any) -> RegistrationRows:
        ids = list({e.stream_id for e in events if e.topic == _RESULT})
        rows = await conn.fetch(
            f"SELECT registration_id, targets, results FROM {self.t['registrations']}"
            " WHERE tenant_id = $1 AND registration_id = ANY($2::uuid[])", tenant_id, ids) if ids else []
        return RegistrationRows(conn, tenant_id, stored={
            r["registration_id"]: {"targets": json.loads(r["targets"]), "results": json.loads(r["results"])}
            for r in rows})

    @handles(Registration.UnitRegistered)
    async def on_registered(self, b: RegistrationRows, e: Event) -> None:
        if e.stream_id in b.new or e.stream_id in b.stored:
            raise ValueError(f"registration {e.stream_id} is already projected")
        r = e.domain_event
        b.new[e.stream_id] = {
            "plan_id": r.plan_id, "phase": r.phase, "unit_id": r.unit_id,
            "registered_on": r.registered_on, "late": r.late, "targets": r.targets, "results": {},
            "work_items": len(r.work_items), "initiatives": len(r.initiatives),
            "work_item_names": list(r.work_items), "initiative_names": list(r.initiatives)}

    @handles(Registration.TargetResultRecorded)
    async def on_result(self, b: RegistrationRows, e: Event) -> None:
        row = b.new.get(e.stream_id) or b.stored.get(e.stream_id)
        if row is None:
            raise LookupError(f"registration {e.stream_id} has a result but was never registered")
        result = e.domain_event
        row["results"] = {**row["results"], result.indicator: str(result.achieved)}
        if e.stream_id in b.stored:
            b.changed.add(e.stream_id)

    async def finish(self, b: RegistrationRows) -> None:
        table = self.t["registrations"]
        if b.new:
            await b.conn.execute(insert_rows(table), json_rows([
                {"tenant_id": b.tenant, "registration_id": i, **r, "targets_met": _met(r)} for i, r in b.new.items()]))
        if b.changed:
            await b.conn.execute(
                f"UPDATE {table} AS r SET results = x.results, targets_met = x.targets_met"
                f" FROM json_populate_recordset(NULL::{table}, $2) AS x"
                " WHERE r.tenant_id = $1 AND r.registration_id = x.registration_id", b.tenant,
                json_rows([{"registration_id": i, "results": b.stored[i]["results"], "targets_met": _met(b.stored[i])}
                           for i in b.changed]))


def _met(row: dict[str, Any]) -> int:
    return targets_met(row["targets"], row["results"])
