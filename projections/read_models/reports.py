"""reports: one row per progress report (late flag as the domain decided it).

A batch's reports go out as one INSERT at its end: one statement for thousands of rows
instead of one execution per row. The rows travel as one JSON text (`engine.rows.json_rows`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import asyncpg

from domain.report import ProgressReport
from projections.engine.base import Projection, handles
from projections.engine.event import Event
from projections.engine.rows import insert_rows, json_rows


@dataclass
class ReportRows:
    conn: asyncpg.Connection
    tenant: str
    rows: list[dict[str, Any]] = field(default_factory=list)


class ReportsProjection(Projection):
    name = "reports"
    tables = ("reports",)

    async def begin(self, conn: asyncpg.Connection, tenant_id: str, events: Any) -> ReportRows:
        return ReportRows(conn, tenant_id)

    @handles(ProgressReport.ReportSubmitted)
    async def on_submitted(self, b: ReportRows, e: Event) -> None:
        r = e.domain_event
        b.rows.append({"tenant_id": b.tenant, "report_id": e.stream_id, "plan_id": r.plan_id,
                       "unit_id": r.unit_id, "day": r.day, "submitted_on": r.submitted_on,
                       "late": r.late, "members_supported": r.members_supported,
                       "funds_mobilised": r.funds_mobilised, "models": r.models_started,
                       "initiatives": r.initiatives, "work_items_completed": r.work_items_completed})

    async def finish(self, b: ReportRows) -> None:
        if b.rows:
            await b.conn.execute(insert_rows(self.t["reports"]), json_rows(b.rows))
