"""Rebuild a projection from position 0 into fresh tables, then swap them in.

1. `<table>__rebuild` is created LIKE the live table (indexes, defaults) and secured the
   same way (thidua_secure_read_model: RLS, policies, grants).
2. The rebuild catches up every tenant under its own checkpoint name (`<name>__rebuild`)
   while the live projection keeps serving readers and keeps advancing.
3. One transaction locks the projection's checkpoints (so live batches wait), applies the
   last events, renames the live tables away, renames the fresh ones in, drops the old ones
   and moves the rebuild checkpoints onto the live name. Readers wait only for this
   transaction, then read the new tables.
"""

from __future__ import annotations

import asyncio

import asyncpg

from infra.database import Database, apply_tenant
from infra.gc_policy import relax_for_batches
from projections.engine.base import Projection
from projections.engine.batch import BATCH_SIZE, apply_batch_in, catch_up

SUFFIX = "__rebuild"


async def rebuild(db: Database, projection_cls: type[Projection], batch_size: int = BATCH_SIZE) -> dict[str, int]:
    """Returns the position reached per tenant."""
    relax_for_batches()
    fresh, name = projection_cls(SUFFIX), projection_cls.name
    admin = await asyncpg.connect(db.admin_url)
    try:
        await _create_fresh_tables(admin, projection_cls.tables)
        await admin.execute("DELETE FROM projection_checkpoints WHERE projection = $1", fresh.checkpoint_name)
        tenants = [r["tenant_id"] for r in await admin.fetch("SELECT tenant_id FROM tenant_heads")]
        for tenant in tenants:
            await catch_up(db, fresh, tenant, batch_size)
        return await _swap(admin, fresh, name, projection_cls.tables, batch_size)
    finally:
        await admin.close()


async def _create_fresh_tables(admin: asyncpg.Connection, tables: tuple[str, ...]) -> None:
    for table in tables:
        national = await admin.fetchval(
            "SELECT EXISTS (SELECT 1 FROM pg_policies WHERE tablename = $1 AND policyname = 'national_read')",
            table)
        await admin.execute(f"DROP TABLE IF EXISTS {table}{SUFFIX}")
        await admin.execute(f"CREATE TABLE {table}{SUFFIX} (LIKE {table} INCLUDING ALL)")
        await admin.execute("SELECT thidua_secure_read_model($1, $2)", table + SUFFIX, national)


async def _swap(admin: asyncpg.Connection, fresh: Projection, name: str, tables: tuple[str, ...],
                batch_size: int) -> dict[str, int]:
    reached = {}
    async with admin.transaction():
        # SHARE ROW EXCLUSIVE: no runner may create a checkpoint row meanwhile; FOR UPDATE:
        # live batches of this projection wait for the swap, then continue on the new tables.
        await admin.execute("LOCK TABLE projection_checkpoints IN SHARE ROW EXCLUSIVE MODE")
        await admin.execute("SELECT 1 FROM projection_checkpoints WHERE projection = $1 FOR UPDATE", name)
        for tenant in [r["tenant_id"] for r in await admin.fetch("SELECT tenant_id FROM tenant_heads")]:
            await apply_tenant(admin, tenant)
            await admin.execute("INSERT INTO projection_checkpoints (tenant_id, projection) VALUES ($1, $2)"
                                " ON CONFLICT DO NOTHING", tenant, fresh.checkpoint_name)
            while (done := await apply_batch_in(admin, fresh, tenant, batch_size))[0] == batch_size:
                pass
            reached[tenant] = done[1]
        await _lock_live_tables(admin, tables)
        for table in tables:
            await admin.execute(f"ALTER TABLE {table} RENAME TO {table}__old")
            await admin.execute(f"ALTER TABLE {table}{SUFFIX} RENAME TO {table}")
            await admin.execute(f"DROP TABLE {table}__old")
        await admin.execute("DELETE FROM projection_checkpoints WHERE projection = $1", name)
        await admin.execute("UPDATE projection_checkpoints SET projection = $1 WHERE projection = $2",
                            name, fresh.checkpoint_name)
    return reached


async def _lock_live_tables(admin: asyncpg.Connection, tables: tuple[str, ...], tries: int = 600) -> None:
    """All live tables at once, NOWAIT, retried: a reader holding one table while waiting
    for another would otherwise deadlock with renames taken one by one."""
    for _ in range(tries):
        try:
            async with admin.transaction():  # a savepoint: a refused lock keeps the swap alive
                await admin.execute(f"LOCK TABLE {', '.join(tables)} IN ACCESS EXCLUSIVE MODE NOWAIT")
            return
        except asyncpg.LockNotAvailableError:
            await asyncio.sleep(0.05)
    raise TimeoutError(f"could not lock {', '.join(tables)} for the swap; readers kept them busy")
