"""Scratch copies of read-model tables for a replay, and the row-by-row comparison with live.

Scratch tables are `<table><suffix>` created LIKE the live table (columns, defaults, keys) and
secured like every read model (`thidua_secure_read_model` from migration 0003), so the
projection code writes into them unchanged through `Projection(suffix=...)`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import asyncpg

from infra.database import Database

MAX_DIFFERENCES_PER_TABLE = 1000


@dataclass(frozen=True)
class Difference:
    projection: str
    table: str
    tenant_id: str
    key: dict[str, Any]
    kind: str
    """`missing` (the log yields the row, live lacks it), `extra` (live only) or `differs`."""
    live: dict[str, Any] | None
    rebuilt: dict[str, Any] | None

    @property
    def columns(self) -> list[str]:
        if self.live is None or self.rebuilt is None:
            return []
        return sorted(c for c in self.live.keys() | self.rebuilt.keys()
                      if self.live.get(c) != self.rebuilt.get(c))

    def describe(self) -> str:
        where = f"{self.projection}/{self.table} tenant={self.tenant_id} key={json.dumps(self.key, ensure_ascii=False)}"
        if self.kind != "differs":
            row = self.rebuilt if self.kind == "missing" else self.live
            return f"{self.kind.upper()} {where}: {json.dumps(row, ensure_ascii=False)}"
        changes = "; ".join(f"{c}: live={json.dumps(self.live.get(c), ensure_ascii=False)}"
                            f" rebuilt={json.dumps(self.rebuilt.get(c), ensure_ascii=False)}"
                            for c in self.columns)
        return f"DIFFERS {where}: {changes}"


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


async def create_scratch(admin: asyncpg.Connection, table: str, suffix: str) -> None:
    scratch = table + suffix
    await admin.execute(f"DROP TABLE IF EXISTS {quote(scratch)}")
    await admin.execute(f"CREATE TABLE {quote(scratch)} (LIKE {quote(table)} INCLUDING ALL)")
    await admin.execute("SELECT thidua_secure_read_model($1, false)", scratch)


async def drop_scratch(admin: asyncpg.Connection, table: str, suffix: str) -> None:
    await admin.execute(f"DROP TABLE IF EXISTS {quote(table + suffix)}")


async def primary_key(admin: asyncpg.Connection, table: str) -> list[str]:
    rows = await admin.fetch(
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
        " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey::int2[])"
        " WHERE i.indrelid = $1::regclass AND i.indisprimary"
        " ORDER BY array_position(i.indkey::int2[], a.attnum)", quote(table))
    return [r["attname"] for r in rows]


async def compare_table(db: Database, projection: str, tenant_id: str, table: str,
                        scratch: str, key: list[str]) -> list[Difference]:
    """Rows of the tenant that differ between the live table and its rebuilt copy."""
    on = " AND ".join(f"l.j -> '{c}' = s.j -> '{c}'" for c in key)
    sql = (f"WITH l AS (SELECT to_jsonb(x) AS j FROM {quote(table)} x WHERE tenant_id = $1),"
           f" s AS (SELECT to_jsonb(y) AS j FROM {quote(scratch)} y WHERE tenant_id = $1)"
           f" SELECT l.j::text AS live, s.j::text AS rebuilt FROM l FULL JOIN s ON {on}"
           f" WHERE l.j IS DISTINCT FROM s.j LIMIT {MAX_DIFFERENCES_PER_TABLE}")
    async with db.tenant_transaction(tenant_id) as conn:
        rows = await conn.fetch(sql, tenant_id)
    return [_difference(projection, tenant_id, table, key, r["live"], r["rebuilt"]) for r in rows]


def _difference(projection: str, tenant_id: str, table: str, key: list[str],
                live_text: str | None, rebuilt_text: str | None) -> Difference:
    live = json.loads(live_text) if live_text else None
    rebuilt = json.loads(rebuilt_text) if rebuilt_text else None
    kind = "missing" if live is None else "extra" if rebuilt is None else "differs"
    row = live if live is not None else rebuilt
    return Difference(projection, table, tenant_id, {c: row[c] for c in key}, kind, live, rebuilt)
