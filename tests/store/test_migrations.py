from __future__ import annotations

import asyncio
from uuid import uuid4

import asyncpg
import pytest

from infra.migrations import Migration, MigrationEditedError, _check_unchanged, available_migrations, migrate
from infra.scratch_database import with_database

pytestmark = pytest.mark.store


@pytest.fixture
async def fresh_database_url(admin):
    name = f"thidua_mig_{uuid4().hex[:8]}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def test_two_processes_migrating_at_once_do_not_collide(admin_url, fresh_database_url):
    url = with_database(admin_url, fresh_database_url)
    conns = [await asyncpg.connect(url) for _ in range(2)]
    try:
        applied = await asyncio.gather(*(migrate(c, "pw") for c in conns))
        assert sorted(len(a) for a in applied) == [0, len(available_migrations())]
        versions = await conns[0].fetch("SELECT version FROM schema_migrations ORDER BY version")
        assert [v["version"] for v in versions] == [m.version for m in available_migrations()]
    finally:
        for c in conns:
            await c.close()


def test_an_edited_landed_migration_stops_the_start_up():
    migration = available_migrations()[0]
    _check_unchanged(migration, migration.checksum)
    edited = Migration(migration.version, migration.name, migration.sql + "\n-- edited")
    with pytest.raises(MigrationEditedError, match=migration.name):
        _check_unchanged(edited, migration.checksum)
