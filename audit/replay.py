"""Replay: rebuild every projection from the log into scratch tables and compare them with the
live read models, listing every difference.

Builds on the projections' own mechanism: `Projection(suffix=...)` writes into `<table><suffix>`
and keeps its own checkpoint; `projections.engine.batch.catch_up` drives it to the tenant's head. Each
run uses its own suffix, so replays never collide with each other or with a live rebuild.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field

import asyncpg

from audit.replay_tables import Difference, compare_table, create_scratch, drop_scratch, primary_key
from infra.database import Database, validate_tenant_id
from projections.engine.base import Projection, ProjectionError
from projections.engine.batch import catch_up


@dataclass(frozen=True)
class ReplayReport:
    tenants: tuple[str, ...]
    projections: tuple[str, ...]
    differences: tuple[Difference, ...]
    notes: tuple[str, ...] = field(default=())
    """Why a comparison may be unfair or impossible: a lagging or failed live projection."""

    @property
    def ok(self) -> bool:
        return not self.differences and not self.notes


async def replay(db: Database, tenants: Sequence[str],
                 classes: Sequence[type[Projection]] | None = None, *, keep: bool = False) -> ReplayReport:
    """Rebuild `classes` (default: every registered projection) for `tenants` and compare."""
    if classes is None:
        from projections.registry import projection_classes

        classes = list(projection_classes().values())
    for tenant in tenants:
        validate_tenant_id(tenant)  # before anything is created
    suffix = f"__replay_{secrets.token_hex(3)}"
    admin = await asyncpg.connect(db.admin_url)
    try:
        keys = {t: await primary_key(admin, t) for cls in classes for t in cls.tables}
        for table in keys:
            await create_scratch(admin, table, suffix)
        try:
            differences, notes = [], []
            for cls in classes:
                for tenant in tenants:
                    found, note = await _replay_one(db, cls, tenant, suffix, keys)
                    differences += found
                    notes += [note] if note else []
        finally:
            if not keep:
                await _clean_up(admin, classes, suffix, keys)
    finally:
        await admin.close()
    return ReplayReport(tuple(tenants), tuple(c.name for c in classes), tuple(differences), tuple(notes))


async def _replay_one(db: Database, cls: type[Projection], tenant: str, suffix: str,
                      keys: dict[str, list[str]]) -> tuple[list[Difference], str | None]:
    scratch = cls(suffix=suffix)
    try:
        rebuilt_at = await catch_up(db, scratch, tenant)
    except ProjectionError as exc:
        return [], f"REBUILD FAILED {cls.name} tenant={tenant} at position {exc.position}: {exc.cause}"
    found = []
    for table in cls.tables:
        found += await compare_table(db, cls.name, tenant, table, table + suffix, keys[table])
    return found, await _live_note(db, cls.name, tenant, rebuilt_at)


async def _live_note(db: Database, name: str, tenant: str, rebuilt_at: int) -> str | None:
    async with db.tenant_transaction(tenant) as conn:
        live = await conn.fetchrow(
            "SELECT position, error, error_position FROM projection_checkpoints"
            " WHERE tenant_id = $1 AND projection = $2", tenant, name)
    position = live["position"] if live else 0
    if live and live["error"]:
        return f"LIVE FAILED {name} tenant={tenant} at position {live['error_position']}: {live['error']}"
    if position != rebuilt_at:
        return f"LAG {name} tenant={tenant}: live at position {position}, log at {rebuilt_at}"
    return None


async def _clean_up(admin: asyncpg.Connection, classes: Sequence[type[Projection]], suffix: str,
                    keys: dict[str, list[str]]) -> None:
    for table in keys:
        await drop_scratch(admin, table, suffix)
    await admin.execute("DELETE FROM projection_checkpoints WHERE projection = ANY($1::text[])",
                        [cls.name + suffix for cls in classes])
