"""The switch: one transaction puts the new versions' tables under the live names.

Readers and the runner resolve a read model by its table name, so the name is the pointer:
inside one transaction the live tables are dropped, the new ones renamed in (their indexes
taking the old names), each live checkpoint moved to where its new version stands and
`projection_versions` advanced. A reader sees the old tables or the new ones, never a mix:
the tables are locked all at once before anything changes, and a READ COMMITTED statement
blocked on those locks takes its snapshot after the switch commits.

The new version has caught up when every new checkpoint is at or past the live one. A new
version a little behind (at most `max_gap` events of a tenant's log) is finished inside the
switch, with the runner held; further behind, the switch gives way and the build catches up
again, so the runner is never held for long.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass

import asyncpg

from infra.database import apply_tenant
from projections.engine import versions
from projections.engine.base import Projection
from projections.engine.batch import apply_batch_in

CHECKPOINTS_WAIT_MS = 200
"""How long the switch waits for runner statements writing checkpoints before giving way."""
LOCK_TRIES_S = 10.0
"""How long one switch tries to lock the live tables between readers before giving way."""


class NotCaughtUp(Exception):
    """The live version moved past the new one after the last catch-up: catch up again."""


class Busy(Exception):
    """A live batch held a checkpoint, or readers kept a live table locked for LOCK_TRIES_S:
    try again shortly."""


@dataclass(frozen=True)
class Built:
    """A projection's new version, built beside the live one."""
    live: type[Projection]
    fresh: Projection
    version: int


async def switch(admin: asyncpg.Connection, built: Sequence[Built], *, max_gap: int | None,
                 batch_size: int) -> dict[str, dict[str, int]]:
    """Put every built version live in one transaction; returns, per projection, the
    position per tenant it serves from. Raises NotCaughtUp (a new version more than
    `max_gap` behind the live one; None: any gap is finished here) or Busy; either way the
    transaction rolls back and the live versions keep serving.

    The order of the locks keeps the runner and readers out of a deadlock with us. First
    every live checkpoint row of these projections, waiting: a live batch holds its row from
    its start to its commit, so this waits for the batches in flight, and the next ones wait
    on their row before touching a table. Then no checkpoint may be created or advanced
    (SHARE ROW EXCLUSIVE), given up after CHECKPOINTS_WAIT_MS: a runner statement holding
    the table while waiting for one of our rows would otherwise wait on us as we on it. A
    checkpoint row created meanwhile (a new tenant) must be free too. Last the live tables,
    which only readers may still hold."""
    names = [b.live.name for b in built]
    locked = "SELECT 1 FROM projection_checkpoints WHERE projection = ANY($1::text[]) FOR UPDATE"
    async with admin.transaction():
        await admin.execute(locked, names)
        try:
            await admin.execute(f"SET LOCAL lock_timeout = {CHECKPOINTS_WAIT_MS}")
            await admin.execute("LOCK TABLE projection_checkpoints IN SHARE ROW EXCLUSIVE MODE")
            await admin.execute("SET LOCAL lock_timeout = 0")
            await admin.execute(locked + " NOWAIT", names)
        except asyncpg.LockNotAvailableError:
            raise Busy("the runner was advancing a checkpoint") from None
        for b in built:
            behind = await _behind(admin, b)
            if max_gap is not None and any(gap > max_gap for gap in behind.values()):
                raise NotCaughtUp(f"{b.live.name}: {len(behind)} tenant(s) up to {max(behind.values())}"
                                  " positions behind the live version")
            for tenant in behind:
                await _finish(admin, b.fresh, tenant, batch_size)
        reached = {}
        for b in built:  # rows readers read without locks: changed before the tables are taken
            reached[b.live.name] = await _move_checkpoints(admin, b)
            await admin.execute(
                "INSERT INTO projection_versions (projection, version, positions) VALUES ($1, $2, $3::jsonb)"
                " ON CONFLICT (projection) DO UPDATE SET version = excluded.version, switched_at = now(),"
                " positions = excluded.positions", b.live.name, b.version, json.dumps(reached[b.live.name]))
        # Readers wait from here to the commit: the renames go as one script, one round trip.
        script = await _renames(admin, built)
        await _lock_tables(admin, [t for b in built for t in (*b.live.tables, *b.fresh.t.values())])
        await admin.execute(script)
    return reached


async def _behind(admin: asyncpg.Connection, b: Built) -> dict[str, int]:
    """Tenants whose live checkpoint is past the new version's, and by how much."""
    rows = await admin.fetch(
        "SELECT l.tenant_id, l.position - coalesce(f.position, 0) AS gap"
        " FROM projection_checkpoints l LEFT JOIN projection_checkpoints f"
        " ON f.tenant_id = l.tenant_id AND f.projection = $2"
        " WHERE l.projection = $1 AND l.position > coalesce(f.position, 0)", b.live.name, b.fresh.checkpoint_name)
    return {r["tenant_id"]: r["gap"] for r in rows}


async def _finish(admin: asyncpg.Connection, fresh: Projection, tenant: str, batch_size: int) -> None:
    """The last events of a tenant applied inside the switch: only when the build could not
    overtake a busy live runner in the catch-ups it was given."""
    await apply_tenant(admin, tenant)
    await admin.execute("INSERT INTO projection_checkpoints (tenant_id, projection) VALUES ($1, $2)"
                        " ON CONFLICT DO NOTHING", tenant, fresh.checkpoint_name)
    while (await apply_batch_in(admin, fresh, tenant, batch_size))[0] == batch_size:
        pass


async def _lock_tables(admin: asyncpg.Connection, tables: list[str]) -> None:
    """Every table the renames touch at once, NOWAIT, retried: taken one by one, a reader
    holding one table while waiting for another would deadlock with us (and one of us would
    fail); and the switch never waits, holding the live tables from readers, on a session
    (a VACUUM, an ANALYZE) that holds a new one."""
    deadline = time.monotonic() + LOCK_TRIES_S
    while True:
        try:
            async with admin.transaction():  # a savepoint: a refused lock keeps the switch alive
                await admin.execute(f"LOCK TABLE {', '.join(tables)} IN ACCESS EXCLUSIVE MODE NOWAIT")
            return
        except asyncpg.LockNotAvailableError:
            if time.monotonic() > deadline:
                raise Busy(f"could not lock {', '.join(tables)}: readers kept them busy") from None
            await asyncio.sleep(0.01)


async def _renames(admin: asyncpg.Connection, built: Sequence[Built]) -> str:
    """Drop each live table, rename its new version in (autovacuum back on) and give the new
    indexes (so their keys) the names the old ones had: the schema stays as the migrations
    left it, and a later migration naming an index finds it."""
    statements = []
    for b in built:
        for table in b.live.tables:
            fresh = b.fresh.t[table]
            statements += [f"DROP TABLE {table}", f"ALTER TABLE {fresh} RENAME TO {table}",
                           versions.autovacuum_back_on(table)]
            old_names = await versions.index_names(admin, table)
            for definition, name in (await versions.index_names(admin, fresh)).items():
                wanted = old_names.get(definition)
                if wanted is not None and wanted != name:
                    statements.append(f"ALTER INDEX {versions.quote(name)} RENAME TO {versions.quote(wanted)}")
    return ";\n".join(statements)


async def _move_checkpoints(admin: asyncpg.Connection, b: Built) -> dict[str, int]:
    """The live rows take the new version's positions in place (UPDATE, not delete and
    insert: a live batch waiting on its row lock then reads the new position and gives way);
    tenants only the new version has get a live row; the new version's rows go."""
    name, fresh = b.live.name, b.fresh.checkpoint_name
    await admin.execute(
        "UPDATE projection_checkpoints l SET position = f.position, updated_at = now(), error = f.error,"
        " error_position = f.error_position FROM projection_checkpoints f"
        " WHERE l.projection = $1 AND f.projection = $2 AND f.tenant_id = l.tenant_id", name, fresh)
    await admin.execute(
        "INSERT INTO projection_checkpoints (tenant_id, projection, position) SELECT tenant_id, $1, position"
        " FROM projection_checkpoints WHERE projection = $2 ON CONFLICT DO NOTHING", name, fresh)
    rows = await admin.fetch("DELETE FROM projection_checkpoints WHERE projection = $1 RETURNING tenant_id, position",
                             fresh)
    return {r["tenant_id"]: r["position"] for r in rows}
