"""Versioned schema migrations, applied at start-up under an advisory lock.

Migrations are the numbered `.sql` files beside this module. A landed migration is never
edited: its checksum is recorded, and a changed file stops the start-up.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources

import asyncpg

APP_ROLE = "thidua_app"
_LOCK_KEY = 0x7468_6964_7561  # "thidua": one lock for every process migrating this database


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


class MigrationEditedError(RuntimeError):
    pass


def available_migrations() -> list[Migration]:
    folder = resources.files("infra") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            found.append(Migration(version, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found, key=lambda m: m.version)


async def migrate(admin: asyncpg.Connection, app_password: str) -> list[str]:
    """Bring the schema up to date; return the names of the migrations applied now."""
    await admin.execute("SELECT pg_advisory_lock($1)", _LOCK_KEY)
    try:
        await _ensure_app_role(admin, app_password)
        await admin.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY,"
            " name text NOT NULL, checksum text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        applied = {r["version"]: r for r in await admin.fetch("SELECT * FROM schema_migrations")}
        done = []
        for migration in available_migrations():
            if migration.version in applied:
                _check_unchanged(migration, applied[migration.version]["checksum"])
                continue
            async with admin.transaction():
                await admin.execute(migration.sql)
                await admin.execute(
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                    migration.version, migration.name, migration.checksum,
                )
            done.append(migration.name)
        return done
    finally:
        await admin.execute("SELECT pg_advisory_unlock($1)", _LOCK_KEY)


def _check_unchanged(migration: Migration, recorded_checksum: str) -> None:
    if migration.checksum != recorded_checksum:
        raise MigrationEditedError(
            f"migration {migration.name} was edited after it was applied; add a new one instead"
        )


async def _ensure_app_role(admin: asyncpg.Connection, password: str) -> None:
    """The application's own role: no superuser, no BYPASSRLS, so row-level security holds."""
    quoted = await admin.fetchval("SELECT quote_literal($1)", password)
    await admin.execute(
        f"""DO $$ BEGIN
              CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE
                  PASSWORD {quoted};
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$"""
    )
