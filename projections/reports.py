"""reports: one row per progress report (late flag as the domain decided it).

A batch's reports go out as one INSERT of parallel arrays (unnest) at its end: one
statement for thousands of rows instead of one execution per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import asyncpg

from domain.report import ProgressReport
from projections.base import Event, Projection, handles
from projections.values import columns, json_text

_COLUMNS = ("report_id", "plan_id", "unit_id", "day", "submitted_on", "late", "members_supported",
            "funds_mobilised", "models", "initiatives", "work_items_completed")
_TYPES = ("uuid", "uuid", "uuid", "date", "date", "boolean", "integer", "bigint", "jsonb", "integer", "integer")
_UNNEST = ", ".join(f"${i}::{t}[]" for i, t in enumerate(_TYPES, start=2))


@dataclass
class ReportRows:
    conn: asyncpg.Connection
    tenant: str
    rows: list[tuple[Any, ...]] = field(default_factory=list)


class ReportsProjection(Projection):
    name = "reports"
    tables = ("reports",)

    async def begin(self, conn: asyncpg.Connection, tenant_id: str, events: Any) -> ReportRows:
        return ReportRows(conn, tenant_id)

    @handles(ProgressReport.ReportSubmitted)
    async def on_submitted(self, b: ReportRows, e: Event) -> None:
        d = e.data
        b.rows.append((e.stream_id, d["plan_id"], d["unit_id"], d["day"], d["submitted_on"], d["late"],
                       d["members_supported"], d["funds_mobilised"], json_text(d["models_started"]),
                       d["initiatives"], d["work_items_completed"]))

    async def finish(self, b: ReportRows) -> None:
        if b.rows:
            await b.conn.execute(
                f"INSERT INTO {self.t['reports']} (tenant_id, {', '.join(_COLUMNS)})"
                f" SELECT $1, * FROM unnest({_UNNEST})", b.tenant, *columns(b.rows, len(_COLUMNS)))
