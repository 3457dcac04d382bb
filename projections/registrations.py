"""registrations: one row per registration, with targets, results and targets met."""

from __future__ import annotations

import json

import asyncpg

from domain.registration import Registration
from projections.base import Event, Projection, handles
from projections.writes import DeferredWrites, Writes
from projections.values import targets_met


class RegistrationsProjection(DeferredWrites, Projection):
    name = "registrations"
    tables = ("registrations",)

    @handles(Registration.UnitRegistered)
    async def on_registered(self, w: Writes, e: Event) -> None:
        d = e.data
        await w.execute(
            f"INSERT INTO {self.t['registrations']} (tenant_id, registration_id, plan_id, phase, unit_id,"
            " registered_on, late, targets, work_items, initiatives)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)",
            e.tenant_id, e.stream_id, d["plan_id"], d["phase"], d["unit_id"], d["registered_on"],
            d["late"], json.dumps(d["targets"], default=str, ensure_ascii=False),
            len(d["work_items"]), len(d["initiatives"]))
        w.rows[e.stream_id] = (d["targets"], {})

    @handles(Registration.TargetResultRecorded)
    async def on_result(self, w: Writes, e: Event) -> None:
        """Targets and results are kept at hand for the batch: no read per result."""
        table = self.t["registrations"]
        if e.stream_id not in w.rows:
            row = await w.fetchrow(
                f"SELECT targets, results FROM {table} WHERE tenant_id = $1 AND registration_id = $2",
                e.tenant_id, e.stream_id)
            w.rows[e.stream_id] = (json.loads(row["targets"]), json.loads(row["results"]))
        targets, results = w.rows[e.stream_id]
        results = {**results, e.data["indicator"]: str(e.data["achieved"])}
        w.rows[e.stream_id] = (targets, results)
        await w.execute(
            f"UPDATE {table} SET results = $3::jsonb, targets_met = $4"
            " WHERE tenant_id = $1 AND registration_id = $2", e.tenant_id, e.stream_id,
            json.dumps(results, ensure_ascii=False), targets_met(targets, results))
