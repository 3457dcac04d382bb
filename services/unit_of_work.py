"""Load aggregates, check the client's expected version, save with the context's metadata."""

from __future__ import annotations

from typing import TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate
from eventsourcing.persistence import StoredEvent

from domain.errors import BadInput
from infra.errors import ConcurrencyError, NotFoundError
from infra.platform import Platform
from infra.repository import plain_uuid
from services.context import CommandContext, CommandResult

A = TypeVar("A", bound=Aggregate)


async def load(platform: Platform, tenant: str, aggregate_id: UUID, cls: type[A],
               expected_version: int | None = None) -> A:
    """The aggregate now; NOT_FOUND if absent or of another type, CONFLICT if stale."""
    aggregate = await platform.repository.get(tenant, aggregate_id)
    if not isinstance(aggregate, cls):
        raise NotFoundError(f"no {cls.__name__} {aggregate_id}")
    if expected_version is not None and aggregate.version != expected_version:
        raise ConcurrencyError(aggregate_id, expected_version, aggregate.version)
    return aggregate


async def load_or_none(platform: Platform, tenant: str, aggregate_id: UUID, cls: type[A]) -> A | None:
    try:
        return await load(platform, tenant, aggregate_id, cls)
    except NotFoundError:
        return None


async def replayed(platform: Platform, tenant: str, ctx: CommandContext) -> CommandResult | None:
    """The first result of a command retried with the same idempotency key, if any."""
    if not ctx.idempotency_key:
        return None
    async with platform.db.tenant_transaction(tenant) as conn:
        row = await conn.fetchrow(
            "SELECT stream_id, last_version, last_position FROM idempotency_keys"
            " WHERE tenant_id = $1 AND key = $2", tenant, ctx.idempotency_key)
    if row is None:
        return None
    return CommandResult(row["stream_id"], row["last_version"], row["last_position"], True)


async def save(platform: Platform, tenant: str, ctx: CommandContext, command: str,
               *aggregates: Aggregate) -> CommandResult:
    """All pending events of `aggregates` in one transaction; the first is the one reported."""
    first = aggregates[0]
    result = await platform.repository.save(
        tenant, *aggregates, metadata=ctx.metadata(command), idempotency_key=ctx.idempotency_key)
    if result.replayed:
        return CommandResult(first.id, result.version, result.last_position, True)
    return CommandResult(first.id, first.version, result.last_position)


def require(value: object, name: str, rule: str) -> None:
    """Missing required input is BAD_INPUT (a clear code), never a TypeError deep inside."""
    if value is None or value == "":
        raise BadInput(f"{name} is required", rule=rule)


async def load_many(platform: Platform, tenant: str, ids: list[UUID], cls: type[A]) -> list[A]:
    """The aggregates among `ids` that exist (one query; for small deterministic-id sets
    such as one unit's reports or a plan's registrations)."""
    if not ids:
        return []
    async with platform.db.tenant_transaction(tenant) as conn:
        rows = await conn.fetch(
            "SELECT stream_id, version, topic, body FROM events WHERE tenant_id = $1"
            " AND stream_id = ANY($2::uuid[]) ORDER BY stream_id, version", tenant, ids)
    found: dict[UUID, Aggregate] = {}
    for r in rows:
        stored = StoredEvent(plain_uuid(r["stream_id"]), r["version"], r["topic"], r["body"].encode())
        sid = stored.originator_id
        found[sid] = platform.repository.mapper.to_domain_event(stored).mutate(found.get(sid))
    return [a for a in found.values() if isinstance(a, cls)]


async def existing_streams(platform: Platform, tenant: str, ids: list[UUID]) -> set[UUID]:
    """Which of `ids` have at least one event."""
    if not ids:
        return set()
    async with platform.db.tenant_transaction(tenant) as conn:
        rows = await conn.fetch("SELECT stream_id FROM events WHERE tenant_id = $1 AND version = 1"
                                " AND stream_id = ANY($2::uuid[])", tenant, ids)
    return {plain_uuid(r["stream_id"]) for r in rows}
