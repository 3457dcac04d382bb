"""Test projections: one records every position it applies (a duplicate would violate the
primary key), one fails on a marked event."""

from __future__ import annotations

import asyncio

import asyncpg

from projections.engine.base import Projection, handles
from projections.engine.event import Event

TOPIC = "tests:counted"
TABLE_SQL = """CREATE TABLE IF NOT EXISTS projection_test_applied (
    tenant_id text NOT NULL, position bigint NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, position))"""


async def create_table(admin: asyncpg.Connection) -> None:
    if not await admin.fetchval("SELECT to_regclass('projection_test_applied') IS NOT NULL"):
        await admin.execute(TABLE_SQL)
        await admin.execute("SELECT thidua_secure_read_model('projection_test_applied', false)")


class CountingProjection(Projection):
    name = "test_counting"
    tables = ("projection_test_applied",)
    delay = 0.0

    @handles(TOPIC)
    async def on_counted(self, conn: asyncpg.Connection, e: Event) -> None:
        if self.delay:
            await asyncio.sleep(self.delay)
        await conn.execute(f"INSERT INTO {self.t['projection_test_applied']} (tenant_id, position)"
                           " VALUES ($1, $2)", e.tenant_id, e.position)


class FailingProjection(Projection):
    name = "test_failing"
    tables = ()

    @handles(TOPIC)
    async def on_counted(self, conn: asyncpg.Connection, e: Event) -> None:
        if e.data.get("boom"):
            raise ValueError("a handler bug")
