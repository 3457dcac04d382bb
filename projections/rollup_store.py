"""The rollup projection's SQL: what a batch loads once, and its effects written set-based.

counters(plan, node, metric) = Σ leaf(plan, u, metric) over units u whose attribution path
now contains node. Rows are keyed by tenant, so two tenants never touch the same counter row.
Every write here is one statement for the whole batch (unnest of parallel arrays).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from uuid import UUID

import asyncpg
import orjson

from projections.values import json_text, uuid_array

NIL_PLAN = UUID(int=0)  # plan-independent facts: units in the tree


class RollupStore:
    def __init__(self, t: dict[str, str]):
        self.t = t

    async def load_paths(self, conn: asyncpg.Connection, tenant: str) -> dict[UUID, list[UUID]]:
        rows = await conn.fetch(f"SELECT unit_id, path FROM {self.t['rollup_units']} WHERE tenant_id = $1", tenant)
        return {r["unit_id"]: r["path"] for r in rows}

    async def load_changes(self, conn: asyncpg.Connection, tenant: str) -> list[tuple[UUID, list[dict]]]:
        rows = await conn.fetch(f"SELECT unit_id, changes FROM {self.t['rollup_units']} WHERE tenant_id = $1",
                                tenant)
        return [(r["unit_id"], json.loads(r["changes"])) for r in rows]

    async def load_registrations(self, conn: asyncpg.Connection, tenant: str, ids: list[UUID]) -> dict[UUID, dict]:
        rows = await conn.fetch(
            f"SELECT registration_id, plan_id, unit_id, targets, results, targets_met"
            f" FROM {self.t['rollup_registrations']} WHERE tenant_id = $1 AND registration_id = ANY($2::uuid[])",
            tenant, ids)
        return {r["registration_id"]: {"plan_id": r["plan_id"], "unit_id": r["unit_id"],
                                       "targets": json.loads(r["targets"]), "results": json.loads(r["results"]),
                                       "targets_met": r["targets_met"]} for r in rows}

    async def load_registered(self, conn: asyncpg.Connection, tenant: str,
                              pairs: set[tuple[UUID, UUID]]) -> set[tuple[UUID, UUID]]:
        plans, units = [p for p, _ in pairs], [u for _, u in pairs]
        rows = await conn.fetch(
            f"SELECT DISTINCT plan_id, unit_id FROM {self.t['rollup_registrations']} WHERE tenant_id = $1"
            " AND (plan_id, unit_id) IN (SELECT * FROM unnest($2::uuid[], $3::uuid[]))", tenant, plans, units)
        return {(r["plan_id"], r["unit_id"]) for r in rows}

    async def load_nominations(self, conn: asyncpg.Connection, tenant: str, ids: list[UUID]) -> dict[UUID, dict]:
        rows = await conn.fetch(
            f"SELECT nomination_id, plan_id, unit_id, award_form, status FROM {self.t['rollup_nominations']}"
            " WHERE tenant_id = $1 AND nomination_id = ANY($2::uuid[])", tenant, ids)
        return {r["nomination_id"]: dict(r) for r in rows}

    async def leaf_values(self, conn: asyncpg.Connection, tenant: str, plan: UUID, unit: UUID,
                          metrics: Iterable[str]) -> dict[str, int]:
        return dict(await conn.fetch(
            f"SELECT metric, value FROM {self.t['rollup_leaf']} WHERE tenant_id = $1 AND plan_id = $2"
            " AND unit_id = $3 AND metric = ANY($4::text[])", tenant, plan, unit, list(metrics)))

    async def write_units(self, conn: asyncpg.Connection, tenant: str,
                          rows: list[tuple[UUID, list[UUID], list[dict]]]) -> None:
        """Set each unit's path and append its new changes (created if absent)."""
        await conn.execute(
            f"INSERT INTO {self.t['rollup_units']} AS u (tenant_id, unit_id, path, changes)"
            " SELECT $1, i, p::uuid[], c::jsonb FROM unnest($2::uuid[], $3::text[], $4::text[]) AS r(i, p, c)"
            " ON CONFLICT (tenant_id, unit_id) DO UPDATE SET path = excluded.path,"
            " changes = u.changes || excluded.changes",
            tenant, [r[0] for r in rows], [uuid_array(r[1]) for r in rows], [json.dumps(r[2]) for r in rows])

    async def write_registrations(self, conn: asyncpg.Connection, tenant: str, rows: dict[UUID, dict]) -> None:
        await conn.execute(
            f"INSERT INTO {self.t['rollup_registrations']} AS r"
            " (tenant_id, registration_id, plan_id, unit_id, targets, results, targets_met)"
            " SELECT $1, i, p, u, t::jsonb, s::jsonb, m"
            " FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::int[]) AS x(i, p, u, t, s, m)"
            " ON CONFLICT (tenant_id, registration_id) DO UPDATE SET results = excluded.results,"
            " targets_met = excluded.targets_met",
            tenant, list(rows), [r["plan_id"] for r in rows.values()], [r["unit_id"] for r in rows.values()],
            [json_text(r["targets"]) for r in rows.values()],
            [json_text(r["results"]) for r in rows.values()],
            [r["targets_met"] for r in rows.values()])

    async def write_nominations(self, conn: asyncpg.Connection, tenant: str, rows: dict[UUID, dict]) -> None:
        await conn.execute(
            f"INSERT INTO {self.t['rollup_nominations']} AS n"
            " SELECT $1, i, p, u, f, s FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[])"
            " AS x(i, p, u, f, s) ON CONFLICT (tenant_id, nomination_id) DO UPDATE SET status = excluded.status",
            tenant, list(rows), *([r[k] for r in rows.values()] for k in ("plan_id", "unit_id", "award_form", "status")))

    async def add(self, conn: asyncpg.Connection, tenant: str, table: str,
                  rows: list[tuple[UUID, UUID, str, int]]) -> None:
        """Add deltas to rollup_leaf (rows: plan, unit, metric, delta) or rollup_counters
        (plan, node, metric, delta); keys unique. The rows travel as one JSON text made by
        orjson (UUIDs natively): asyncpg's array encoding checks every element in Python."""
        key = "unit_id" if table == "rollup_leaf" else "node_id"
        await conn.execute(
            f"INSERT INTO {self.t[table]} AS c"
            " SELECT $1, (d->>0)::uuid, (d->>1)::uuid, d->>2, (d->>3)::bigint FROM json_array_elements($2::json) d"
            f" ON CONFLICT (tenant_id, plan_id, {key}, metric) DO UPDATE SET value = c.value + excluded.value",
            tenant, orjson.dumps(rows, default=str).decode())

    async def move_leaves(self, conn: asyncpg.Connection, tenant: str, unit: UUID,
                          left: list[UUID], joined: list[UUID]) -> None:
        """Move the unit's stored leaf facts from the nodes it left to the nodes it joined."""
        await conn.execute(
            f"INSERT INTO {self.t['rollup_counters']} AS c"
            " SELECT $1, l.plan_id, n.node, l.metric, sum(l.value * n.sign)"
            f" FROM {self.t['rollup_leaf']} l,"
            " (SELECT unnest($3::uuid[]) AS node, -1 AS sign UNION ALL SELECT unnest($4::uuid[]), 1) AS n"
            " WHERE l.tenant_id = $1 AND l.unit_id = $2 GROUP BY 1, 2, 3, 4"
            " ON CONFLICT (tenant_id, plan_id, node_id, metric) DO UPDATE SET value = c.value + excluded.value",
            tenant, unit, left, joined)
