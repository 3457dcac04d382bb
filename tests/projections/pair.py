"""A test projection with two tables written together: each event adds one row to both,
marked with the version that wrote it, so a reader can tell a half-built table (fewer rows
than events) and a mix of versions (two marks) apart from a whole one."""

from __future__ import annotations

import json
import os
from uuid import uuid4

import asyncpg

from infra.event_store import EventStore
from infra.records import NewEvent
from projections.engine.base import Projection, handles
from projections.engine.event import Event

TOPIC = "tests:paired"
"""Its own topic: a rebuild of this projection reads only the pair tests' events, not the
many other test projections' events in the shared test database."""

TABLES = ("pair_left", "pair_right")
FAIL_IN_ENV = "THIDUA_TEST_PAIR_FAIL_IN"


async def append_paired(store: EventStore, tenant: str, n: int) -> None:
    for start in range(0, n, 25):
        await store.append(tenant, uuid4(), 0, [NewEvent(TOPIC, json.dumps({"i": i}))
                                                for i in range(min(25, n - start))])


async def create_tables(admin: asyncpg.Connection) -> None:
    for table in TABLES:
        if not await admin.fetchval("SELECT to_regclass($1) IS NOT NULL", table):
            await admin.execute(f"CREATE TABLE {table} (tenant_id text NOT NULL, position bigint NOT NULL,"
                                " built_by text NOT NULL, PRIMARY KEY (tenant_id, position))")
            await admin.execute(f"CREATE INDEX {table}_by_mark ON {table} (built_by, position)")
            await admin.execute("SELECT thidua_secure_read_model($1, false)", table)


class PairProjection(Projection):
    name = "test_pair"
    tables = TABLES
    fail_at: int | None = None
    """A rebuilt version (not the live one) raises at the event at this log position."""
    fail_in: str | None = os.environ.get(FAIL_IN_ENV)
    """A rebuilt version raises at every event of this tenant: read from the environment, as
    a rebuild's child processes import this class afresh."""

    def __init__(self, suffix: str = "") -> None:
        super().__init__(suffix)
        self.mark = suffix or "live"

    @handles(TOPIC)
    async def on_counted(self, conn: asyncpg.Connection, e: Event) -> None:
        if self.mark != "live" and (e.position == self.fail_at or e.tenant_id == self.fail_in):
            raise ValueError("a handler bug in the new version")
        for table in TABLES:
            await conn.execute(f"INSERT INTO {self.t[table]} (tenant_id, position, built_by) VALUES ($1, $2, $3)",
                               e.tenant_id, e.position, self.mark)
