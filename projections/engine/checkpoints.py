"""Checkpoints: one row per (tenant, projection), locked and advanced inside each batch."""

from __future__ import annotations

import asyncpg


async def ensure(conn: asyncpg.Connection, tenant_id: str, projection: str) -> None:
    """Create the row in its own short transaction, so a batch only ever locks existing rows."""
    await conn.execute(
        "INSERT INTO projection_checkpoints (tenant_id, projection) VALUES ($1, $2)"
        " ON CONFLICT DO NOTHING", tenant_id, projection)


async def lock(conn: asyncpg.Connection, tenant_id: str, projection: str) -> asyncpg.Record:
    """Re-read the checkpoint FOR UPDATE: a concurrent batch of the same pair waits, then
    sees the advanced position, so no event is applied twice."""
    return await conn.fetchrow(
        "SELECT position, error, error_position FROM projection_checkpoints"
        " WHERE tenant_id = $1 AND projection = $2 FOR UPDATE", tenant_id, projection)


async def advance(conn: asyncpg.Connection, tenant_id: str, projection: str, position: int) -> None:
    await conn.execute(
        "UPDATE projection_checkpoints SET position = $3, updated_at = now(), error = NULL,"
        " error_position = NULL WHERE tenant_id = $1 AND projection = $2",
        tenant_id, projection, position)


async def record_error(conn: asyncpg.Connection, tenant_id: str, projection: str,
                       position: int, message: str) -> None:
    await conn.execute(
        "UPDATE projection_checkpoints SET error = $3, error_position = $4, updated_at = now()"
        " WHERE tenant_id = $1 AND projection = $2", tenant_id, projection, message, position)


async def ensure_all(conn: asyncpg.Connection, tenant_id: str, projections: list[str]) -> None:
    """`ensure` for several projections in one statement."""
    await conn.execute(
        "INSERT INTO projection_checkpoints (tenant_id, projection) SELECT $1, unnest($2::text[])"
        " ON CONFLICT DO NOTHING", tenant_id, projections)


async def skip_to(conn: asyncpg.Connection, tenant_id: str, projections: list[str], start: int,
                  end: int) -> dict[str, int]:
    """Advance, in one statement, projections that have NO events after `start` up to `end`:
    each one whose checkpoint lies in [start, end) goes to `end` (the row lock and the
    re-checked condition make a concurrent batch of the same pair safe). Returns every
    named checkpoint's position afterwards."""
    await conn.execute(
        "UPDATE projection_checkpoints SET position = $4, updated_at = now(), error = NULL,"
        " error_position = NULL WHERE tenant_id = $1 AND projection = ANY($2::text[])"
        " AND position >= $3 AND position < $4", tenant_id, projections, start, end)
    return dict(await conn.fetch("SELECT projection, position FROM projection_checkpoints"
                                 " WHERE tenant_id = $1 AND projection = ANY($2::text[])", tenant_id, projections))
