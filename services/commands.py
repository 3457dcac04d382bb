"""The one way to run a command: answer a retried idempotency key with its first result, or
load, decide and save.

    await run_command(platform, tenant, ctx, "register_unit", decide)

`decide()` loads what it needs (`load`, `load_or_none`), checks the caller's reach, lets the
domain decide and returns the aggregates with new events, the one to report first. They are
saved in one append with the context's metadata and idempotency key. A refusal met while the
first run with the same key was committing answers that run's result, as a later retry would.
A lost race is, by the command's choice, a named refusal (`on_conflict`: a second
registration for the same phase), or a retry from the start: `decide()` runs again on fresh
state, up to `retries` times (default RETRIES), then CONFLICT. A retry never overrides a
version the client named: `decide()` checks it again (`check_version`) and a stale one is
CONFLICT at once.
Commands that change one existing aggregate use `update`.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.errors import DomainError
from infra import errors as store
from infra.platform import Platform
from infra.stream_queries import aggregates_among, keyed_result
from services.context import CommandContext, CommandResult
from services.errors import (
    ApplicationError,
    ConcurrencyError,
    IdempotencyKeyReused,
    NotFoundError,
)
from services.scope import check_reach

A = TypeVar("A", bound=Aggregate)
RETRIES = 8  # racers on one stream: each retry reloads it; 8 absorbs bursts of a few dozen writers
Decide = Callable[[], Awaitable[Aggregate | Sequence[Aggregate]]]


async def run_command(platform: Platform, tenant: str, ctx: CommandContext, name: str, decide: Decide, *,
                      on_conflict: Callable[[], DomainError] | None = None, retries: int = RETRIES) -> CommandResult:
    attempt = 0
    while True:
        if (done := await replayed(platform, tenant, ctx)) is not None:
            return done
        try:
            changed = await decide()
        except (DomainError, ApplicationError):
            # A double submit: the first run with this key may have committed after the check
            # above, and this run then meets its effect (a slot already held, a stale version).
            if (done := await replayed(platform, tenant, ctx)) is not None:
                return done
            raise
        aggregates = (changed,) if isinstance(changed, Aggregate) else tuple(changed)
        try:
            return await _save(platform, tenant, ctx, name, aggregates)
        except store.ConcurrencyError as conflict:
            if (done := await replayed(platform, tenant, ctx)) is not None:
                return done  # the racer that won carried the same key: this is its retry
            if on_conflict is not None:
                raise on_conflict() from None
            attempt += 1
            if attempt > retries:
                raise ConcurrencyError(conflict.stream_id, conflict.expected, conflict.actual) from None
            await asyncio.sleep(random.uniform(0, 0.005 * attempt))  # spread the racers apart


async def update(platform: Platform, tenant: str, ctx: CommandContext, name: str, cls: type[A],
                 aggregate_id: UUID, expected_version: int | None, change: Callable[[A], Awaitable[object]],
                 *, unit_of: Callable[[A], UUID]) -> CommandResult:
    """Load one aggregate, check that the caller reaches `unit_of(it)`, then the version the
    client named (NOT_FOUND, then FORBIDDEN, then CONFLICT), apply `change` and save it."""
    async def decide() -> A:
        aggregate = await load(platform, tenant, aggregate_id, cls)
        await check_reach(platform, tenant, ctx, unit_of(aggregate))
        check_version(aggregate, expected_version)
        await change(aggregate)
        return aggregate
    return await run_command(platform, tenant, ctx, name, decide)


async def load(platform: Platform, tenant: str, aggregate_id: UUID, cls: type[A],
               expected_version: int | None = None) -> A:
    """The aggregate now; NOT_FOUND if absent or of another type, CONFLICT if stale."""
    try:
        aggregate = await platform.repository.get(tenant, aggregate_id)
    except store.NotFoundError:
        aggregate = None
    if not isinstance(aggregate, cls):
        raise NotFoundError(f"no {cls.__name__} {aggregate_id}")
    check_version(aggregate, expected_version)
    return aggregate


async def load_or_none(platform: Platform, tenant: str, aggregate_id: UUID, cls: type[A]) -> A | None:
    try:
        return await load(platform, tenant, aggregate_id, cls)
    except NotFoundError:
        return None


async def load_many(platform: Platform, tenant: str, ids: list[UUID], cls: type[A]) -> list[A]:
    """The aggregates of type `cls` among `ids` that exist (one query; small sets)."""
    return [a for a in await aggregates_among(platform.repository, tenant, ids) if isinstance(a, cls)]


def check_version(aggregate: Aggregate, expected_version: int | None) -> None:
    if expected_version is not None and aggregate.version != expected_version:
        raise ConcurrencyError(aggregate.id, expected_version, aggregate.version)


async def replayed(platform: Platform, tenant: str, ctx: CommandContext) -> CommandResult | None:
    """The first result of a command retried with the same idempotency key, if any."""
    if not ctx.idempotency_key:
        return None
    first = await keyed_result(platform.repository, tenant, ctx.idempotency_key)
    if first is None:
        return None
    if first.fingerprint and ctx.request_fingerprint and first.fingerprint != ctx.request_fingerprint:
        raise IdempotencyKeyReused(f"the idempotency key {ctx.idempotency_key!r} was used for another request")
    return CommandResult(first.stream_id, first.version, first.position, True)


async def _save(platform: Platform, tenant: str, ctx: CommandContext, command: str,
                aggregates: tuple[Aggregate, ...]) -> CommandResult:
    """All pending events of `aggregates` in one transaction; the first is the one reported."""
    first = aggregates[0]
    result = await platform.repository.save(
        tenant, *aggregates, metadata=ctx.metadata(command), idempotency_key=ctx.idempotency_key)
    if result.replayed:  # a racer with the same key won: answer as a retry would be answered
        return await replayed(platform, tenant, ctx) or CommandResult(first.id, result.version,
                                                                      result.last_position, True)
    return CommandResult(first.id, first.version, result.last_position)
