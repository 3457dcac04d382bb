"""Position, head and lag of every (projection, tenant); read with the superuser URL
(checkpoints of all tenants are behind row-level security for the application role)."""

from __future__ import annotations

from dataclasses import dataclass

import asyncpg


@dataclass(frozen=True)
class ProjectionStatus:
    projection: str
    tenant_id: str
    position: int
    head: int
    error: str | None
    error_position: int | None

    @property
    def lag(self) -> int:
        return max(self.head - self.position, 0)


async def projection_status(admin: asyncpg.Connection, names: list[str]) -> list[ProjectionStatus]:
    rows = await admin.fetch(
        "SELECT p.name AS projection, h.tenant_id, coalesce(c.position, 0) AS position,"
        " h.position AS head, c.error, c.error_position"
        " FROM tenant_heads h CROSS JOIN unnest($1::text[]) AS p(name)"
        " LEFT JOIN projection_checkpoints c ON c.tenant_id = h.tenant_id AND c.projection = p.name"
        " ORDER BY h.tenant_id, p.name", names)
    return [ProjectionStatus(**dict(r)) for r in rows]


def format_status(rows: list[ProjectionStatus]) -> str:
    lines = [f"{'projection':<16} {'tenant':<28} {'position':>9} {'head':>9} {'lag':>7}  error"]
    for r in rows:
        error = f"stopped at {r.error_position}: {r.error}" if r.error else ""
        lines.append(f"{r.projection:<16} {r.tenant_id:<28} {r.position:>9} {r.head:>9} {r.lag:>7}  {error}")
    return "\n".join(lines)
