"""A projection's next version beside the live one: its tables, made and dropped.

Version N+1 of a projection writes `<table>__v<N+1>` (created LIKE the live table: columns,
defaults, keys, indexes) under the checkpoint name `<name>__v<N+1>`; the live tables keep
their plain names, which every reader and writer resolves. The new tables get the live
table's row-level security, policies and grants copied from the catalog, so a table another
migration secured differently is copied as it is, not as `thidua_secure_read_model` would
make it. Built, they are settled for the switch (`settle`). All of this runs on a superuser
connection (`Database.admin_url`).
"""

from __future__ import annotations

import re

import asyncpg

from projections.engine.base import Projection

_LEFTOVER = r"__(v[0-9]+|rebuild)$"
"""What earlier builds leave when killed or failed (`__rebuild`: the rebuild before versions)."""


def suffix(version: int) -> str:
    return f"__v{version}"


async def live_version(admin: asyncpg.Connection, name: str) -> int:
    return await admin.fetchval("SELECT version FROM projection_versions WHERE projection = $1", name) or 1


async def drop_leftovers(admin: asyncpg.Connection, cls: type[Projection]) -> None:
    """Tables and checkpoints of builds of `cls` that never switched. Only under the
    projection's rebuild lock: no build of it runs meanwhile."""
    for table in cls.tables:
        for row in await admin.fetch("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                                     " AND tablename ~ $1", "^" + re.escape(table) + _LEFTOVER):
            await admin.execute(f'DROP TABLE IF EXISTS "{row["tablename"]}"')
    await admin.execute("DELETE FROM projection_checkpoints WHERE projection ~ $1",
                        "^" + re.escape(cls.name) + _LEFTOVER)


async def create_tables(admin: asyncpg.Connection, tables: tuple[str, ...], version_suffix: str) -> None:
    for table in tables:
        fresh = table + version_suffix
        await admin.execute(f"CREATE TABLE {fresh} (LIKE {table} INCLUDING ALL)")
        await copy_security(admin, table, fresh)


AUTOVACUUM = ("autovacuum_enabled", "toast.autovacuum_enabled")


async def settle(admin: asyncpg.Connection, tables: list[str]) -> None:
    """Ready built tables for the switch: autovacuum off on them, then their statistics. An
    autovacuum still running on one when the switch renames it would hold the switch, and
    every reader of the live tables behind it, until it gave way; here, outside the switch,
    a running one gives way to the ALTER (after deadlock_timeout) and no new one starts. The
    switch turns autovacuum back on (`autovacuum_back_on`)."""
    off = ", ".join(f"{option} = false" for option in AUTOVACUUM)
    for table in tables:
        await admin.execute(f"ALTER TABLE {table} SET ({off})")
    await admin.execute(f"ANALYZE {', '.join(tables)}")


def autovacuum_back_on(table: str) -> str:
    return f"ALTER TABLE {table} RESET ({', '.join(AUTOVACUUM)})"


async def copy_security(admin: asyncpg.Connection, source: str, target: str) -> None:
    """Row-level security, every policy and every grant of `source`, onto `target`."""
    rls, forced = await admin.fetchrow("SELECT relrowsecurity, relforcerowsecurity FROM pg_class"
                                       " WHERE oid = $1::regclass", source)
    if rls:
        await admin.execute(f"ALTER TABLE {target} ENABLE ROW LEVEL SECURITY")
    if forced:
        await admin.execute(f"ALTER TABLE {target} FORCE ROW LEVEL SECURITY")
    for p in await admin.fetch("SELECT policyname, permissive, roles, cmd, qual, with_check FROM pg_policies"
                               " WHERE schemaname = current_schema() AND tablename = $1", source):
        roles = ", ".join(r if r == "public" else quote(r) for r in p["roles"])
        using = f" USING ({p['qual']})" if p["qual"] is not None else ""
        check = f" WITH CHECK ({p['with_check']})" if p["with_check"] is not None else ""
        await admin.execute(f"CREATE POLICY {quote(p['policyname'])} ON {target} AS {p['permissive']}"
                            f" FOR {p['cmd']} TO {roles}{using}{check}")
    for g in await admin.fetch(
            "SELECT grantee, string_agg(privilege_type, ', ') AS privileges FROM information_schema.role_table_grants"
            " WHERE table_schema = current_schema() AND table_name = $1"
            " AND grantee <> (SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() AND tablename = $1)"
            " GROUP BY grantee", source):
        grantee = "PUBLIC" if g["grantee"] == "PUBLIC" else quote(g["grantee"])
        await admin.execute(f"GRANT {g['privileges']} ON {target} TO {grantee}")


async def index_names(admin: asyncpg.Connection, table: str) -> dict[str, str]:
    """Index definition (its own name and its table's left out) -> index name."""
    rows = await admin.fetch("SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def FROM pg_index x"
                             " JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = $1::regclass", table)
    return {re.sub(r"^CREATE (UNIQUE )?INDEX \S+ ON \S+ ", r"\1", r["def"]): r["name"] for r in rows}


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
