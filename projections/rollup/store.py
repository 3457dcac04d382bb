"""The rollup projection's SQL: what a batch loads once, and its effects written set-based.

counters(plan, node, metric) = Σ leaf(plan, u, metric) over units u other than node whose
attribution path now contains node (a node's own facts are its leaf rows, migration 0007).
Rows are keyed by tenant, so two tenants never touch the same counter row.
Every write here is one statement for the whole batch (rows as one JSON text).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from uuid import UUID

import asyncpg
import orjson

from projections.engine.rows import insert_rows, json_rows
from projections.rollup.running_totals import totals_from
from projections.rollup.spans import Span, spans_from_json, spans_to_json

NIL_PLAN = UUID(int=0)  # plan-independent facts: units in the tree


class RollupStore:
    def __init__(self, t: dict[str, str]):
        self.t = t

    async def load_units(self, conn: asyncpg.Connection,
                         tenant: str) -> tuple[dict[UUID, list[UUID]], dict[UUID, tuple[Span, ...]]]:
        """Every unit's path now and its spans (as of a day)."""
        rows = await conn.fetch(f"SELECT unit_id, path, spans FROM {self.t['rollup_units']} WHERE tenant_id = $1",
                                tenant)
        return ({r["unit_id"]: r["path"] for r in rows},
                {r["unit_id"]: spans_from_json(json.loads(r["spans"])) for r in rows if r["spans"] != "[]"})

    async def load_changes(self, conn: asyncpg.Connection, tenant: str) -> list[tuple[UUID, list[dict]]]:
        rows = await conn.fetch(f"SELECT unit_id, changes FROM {self.t['rollup_units']} WHERE tenant_id = $1",
                                tenant)
        return [(r["unit_id"], json.loads(r["changes"])) for r in rows]

    async def load_registrations(self, conn: asyncpg.Connection, tenant: str, ids: list[UUID]) -> dict[UUID, dict]:
        rows = await conn.fetch(
            f"SELECT registration_id, plan_id, unit_id, phase, targets, results, targets_met"
            f" FROM {self.t['rollup_registrations']} WHERE tenant_id = $1 AND registration_id = ANY($2::uuid[])",
            tenant, ids)
        return {r["registration_id"]: {"plan_id": r["plan_id"], "unit_id": r["unit_id"], "phase": r["phase"],
                                       "targets": json.loads(r["targets"]), "results": json.loads(r["results"]),
                                       "targets_met": r["targets_met"]} for r in rows}

    async def load_registered(self, conn: asyncpg.Connection, tenant: str,
                              units: set[UUID]) -> set[tuple[UUID, UUID, str]]:
        """Every (plan, unit, phase) with a registration, for these units."""
        rows = await conn.fetch(
            f"SELECT DISTINCT plan_id, unit_id, phase FROM {self.t['rollup_registrations']} WHERE tenant_id = $1"
            " AND unit_id = ANY($2::uuid[])", tenant, list(units))
        return {(r["plan_id"], r["unit_id"], r["phase"]) for r in rows}

    async def load_nominations(self, conn: asyncpg.Connection, tenant: str, ids: list[UUID]) -> dict[UUID, dict]:
        rows = await conn.fetch(
            f"SELECT nomination_id, plan_id, unit_id, phase, award_form, status, since FROM {self.t['rollup_nominations']}"
            " WHERE tenant_id = $1 AND nomination_id = ANY($2::uuid[])", tenant, ids)
        return {r["nomination_id"]: dict(r) for r in rows}

    async def leaf_values(self, conn: asyncpg.Connection, tenant: str, plan: UUID, unit: UUID,
                          metrics: Iterable[str]) -> dict[str, int]:
        return dict(await conn.fetch(
            f"SELECT metric, value FROM {self.t['rollup_leaf']} WHERE tenant_id = $1 AND plan_id = $2"
            " AND unit_id = $3 AND metric = ANY($4::text[])", tenant, plan, unit, list(metrics)))

    async def write_units(self, conn: asyncpg.Connection, tenant: str,
                          rows: list[tuple[UUID, list[UUID], tuple[Span, ...], list[dict]]]) -> None:
        """Set each unit's path and spans and append its new changes (created if absent)."""
        await self._upsert(conn, "rollup_units", "unit_id",
                           "path = excluded.path, spans = excluded.spans, changes = t.changes || excluded.changes",
                           [{"tenant_id": tenant, "unit_id": u, "path": p, "spans": spans_to_json(sp), "changes": c}
                            for u, p, sp, c in rows])

    async def write_registrations(self, conn: asyncpg.Connection, tenant: str, rows: dict[UUID, dict]) -> None:
        await self._upsert(conn, "rollup_registrations", "registration_id",
                           "results = excluded.results, targets_met = excluded.targets_met",
                           [{"tenant_id": tenant, "registration_id": i, **r} for i, r in rows.items()])

    async def write_nominations(self, conn: asyncpg.Connection, tenant: str, rows: dict[UUID, dict]) -> None:
        await self._upsert(conn, "rollup_nominations", "nomination_id",
                           "status = excluded.status, since = excluded.since",
                           [{"tenant_id": tenant, "nomination_id": i, **r} for i, r in rows.items()])

    async def _upsert(self, conn: asyncpg.Connection, table: str, key: str, update: str,
                      rows: list[dict]) -> None:
        """Rows keyed (tenant_id, key), each dict named as the table's columns."""
        await conn.execute(insert_rows(self.t[table]) + f" ON CONFLICT (tenant_id, {key}) DO UPDATE SET {update}",
                           json_rows(rows))

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

    async def add_dated(self, conn: asyncpg.Connection, tenant: str,
                        rows: list[tuple[UUID, UUID, date, dict[str, int]]]) -> None:
        """Add deltas to rollup_leaf_dated (rows: plan, unit, day, metric -> delta; keys unique).
        One row per unit, plan and day, its figures a JSON object: a fifth of the rows that
        one per metric took, and each row costs the upsert about the same (migration 0026)."""
        await conn.execute(
            f"INSERT INTO {self.t['rollup_leaf_dated']} AS c (tenant_id, plan_id, unit_id, day, figures)"
            " SELECT $1, (d->>0)::uuid, (d->>1)::uuid, (d->>2)::date, (d->3)::jsonb"
            " FROM json_array_elements($2::json) d"
            " ON CONFLICT (tenant_id, unit_id, plan_id, day)"
            " DO UPDATE SET figures = thidua_add_figures(c.figures, excluded.figures)",
            tenant, orjson.dumps(rows, default=str).decode())

    async def load_plan_phases(self, conn: asyncpg.Connection, tenant: str,
                               plan: UUID) -> list[tuple[str, date, date]] | None:
        phases = await conn.fetchval(f"SELECT phases FROM {self.t['rollup_plans']} WHERE tenant_id = $1"
                                     " AND plan_id = $2", tenant, plan)
        return None if phases is None else [(n, date.fromisoformat(a), date.fromisoformat(b))
                                            for n, a, b in json.loads(phases)]

    async def write_plan_phases(self, conn: asyncpg.Connection, tenant: str,
                                rows: dict[UUID, list[tuple[str, date, date]]]) -> None:
        await self._upsert(conn, "rollup_plans", "plan_id", "phases = excluded.phases",
                           [{"tenant_id": tenant, "plan_id": p, "phases": [[n, a, b] for n, a, b in phases]}
                            for p, phases in rows.items()])

    async def load_dated(self, conn: asyncpg.Connection, tenant: str,
                         units: list[UUID]) -> dict[UUID, list[tuple[UUID, str, date, int]]]:
        """The units' dated facts: unit -> [(plan, metric, day, value)]."""
        rows = await conn.fetch(
            f"SELECT unit_id, plan_id, day, figures FROM {self.t['rollup_leaf_dated']}"
            " WHERE tenant_id = $1 AND unit_id = ANY($2::uuid[])", tenant, units)
        out: dict[UUID, list[tuple[UUID, str, date, int]]] = {}
        for r in rows:
            figures = orjson.loads(r["figures"]).items()
            out.setdefault(r["unit_id"], []).extend((r["plan_id"], m, r["day"], v) for m, v in figures if v)
        return out

    async def add_counters_dated(self, conn: asyncpg.Connection, tenant: str,
                                 rows: list[tuple[UUID | str, UUID | str, str, date, int]]) -> None:
        """Add deltas (rows: plan, node, metric, day, delta; keys unique) to the running totals
        of rollup_counters_dated (running_totals.py): read each key's stored rows from the
        last one before its first delta on, write the totals that change, and each key's last
        day and total to rollup_counters_dated_keys (where the as-of read starts)."""
        if not rows:
            return
        by_key: dict[tuple[str, str, str], dict[date, int]] = {}
        for plan, node, metric, day, delta in rows:
            by_key.setdefault((str(plan), str(node), metric), {})[day] = delta
        stored: dict[int, list[tuple[date, int]]] = {}
        plans, nodes, metrics = zip(*by_key)
        for i, day, total in await conn.fetch(self.load_totals_query, tenant, plans, nodes, metrics,
                                              [min(days) for days in by_key.values()]):
            stored.setdefault(i - 1, []).append((day, total))
        totals = [(*key, day, total) for i, (key, deltas) in enumerate(by_key.items())
                  for day, total in totals_from(sorted(stored.get(i, [])), deltas)]
        # Every stored day from a key's first delta on is rewritten: its last row is the key's last.
        dated, keys = self.t["rollup_counters_dated"], self.t["rollup_counters_dated_keys"]
        await conn.execute(
            "WITH d AS MATERIALIZED (SELECT $1 AS tenant_id, (d->>0)::uuid AS plan_id, (d->>1)::uuid AS node_id,"
            " d->>2 AS metric, (d->>3)::date AS day, (d->>4)::bigint AS total FROM json_array_elements($2::json) d),"
            f" days AS (INSERT INTO {dated} (tenant_id, plan_id, node_id, metric, day, total) SELECT * FROM d"
            " ON CONFLICT (node_id, plan_id, tenant_id, metric, day) DO UPDATE SET total = excluded.total)"
            f" INSERT INTO {keys} (tenant_id, plan_id, node_id, metric, last_day, last_total)"
            " SELECT DISTINCT ON (node_id, plan_id, metric) * FROM d ORDER BY node_id, plan_id, metric, day DESC"
            " ON CONFLICT (node_id, plan_id, tenant_id, metric)"
            " DO UPDATE SET last_day = excluded.last_day, last_total = excluded.last_total",
            tenant, orjson.dumps(totals, default=str).decode())

    @property
    def load_totals_query(self) -> str:
        """$2..$5: the keys' plans, nodes, metrics and first days: (its index from 1, day, total)
        of each key's last stored row before the first day and of every stored row from it on.

        The keys come as typed arrays, not JSON: under row-level security a condition that
        calls a function not marked leakproof (->>, a cast from text) cannot be an index
        condition, and PostgreSQL 15 read the whole table once for each key."""
        same_key = "c.node_id = k.node_id AND c.plan_id = k.plan_id AND c.tenant_id = $1 AND c.metric = k.metric"
        table = self.t["rollup_counters_dated"]
        return (f"SELECT k.i, c.day, c.total FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::date[])"
                f" WITH ORDINALITY AS k(plan_id, node_id, metric, first_day, i)"
                f" CROSS JOIN LATERAL ((SELECT c.day, c.total FROM {table} c WHERE {same_key}"
                f" AND c.day < k.first_day ORDER BY c.day DESC LIMIT 1)"
                f" UNION ALL SELECT c.day, c.total FROM {table} c WHERE {same_key} AND c.day >= k.first_day) c")

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
