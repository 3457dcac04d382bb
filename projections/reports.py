"""reports: one row per progress report (late flag as the domain decided it)."""

from __future__ import annotations

import asyncpg

from domain.report import ProgressReport
from projections.base import Event, Projection, handles
from projections.values import json_text
from projections.writes import DeferredWrites


class ReportsProjection(DeferredWrites, Projection):
    name = "reports"
    tables = ("reports",)

    @handles(ProgressReport.ReportSubmitted)
    async def on_submitted(self, conn: asyncpg.Connection, e: Event) -> None:
        d = e.data
        await conn.execute(
            f"INSERT INTO {self.t['reports']} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)",
            e.tenant_id, e.stream_id, d["plan_id"], d["unit_id"], d["day"], d["submitted_on"],
            d["late"], d["members_supported"], d["funds_mobilised"],
            json_text(d["models_started"]), d["initiatives"],
            d["work_items_completed"])
