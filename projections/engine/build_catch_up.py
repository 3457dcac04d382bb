"""A rebuild's catch-up: every new version to a target position of each tenant, as the
runner does it (one read per batch feeding them all, a few tenants at once), spread over
several processes as `projections run --workers N` spreads the live catch-up. Each process
takes a share of the tenants, their logs about equal in size; the rebuild's own process
takes the first, child processes the others. A child ends with the rebuild (parent_process),
so a killed rebuild leaves no process writing into the tables the next one drops."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import Sequence
from contextlib import aclosing

from eventsourcing.utils import get_topic, resolve_topic

from infra.database import Database
from infra.gc_policy import relax_for_batches
from infra.settings import DatabaseSettings
from projections.engine.base import Projection, ProjectionError
from projections.engine.batch import BATCH_SIZE
from projections.engine.parent_process import PARENT_ENV, die_with_parent
from projections.engine.runner import TENANTS_AT_ONCE
from projections.engine.shared_batch import batches_together


async def catch_up(db: Database, projections: Sequence[Projection], heads: dict[str, int],
                   batch_size: int = BATCH_SIZE, processes: int = 1) -> None:
    """`catch_up_all` over `processes` processes (fewer if there are fewer tenants); raises
    the first failure, the other processes then stopped."""
    parts = shares(heads, processes)
    if len(parts) < 2 or db.settings is None:
        await catch_up_all(db, projections, heads, batch_size)
        return
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no copy of this loop or pool
    outcomes = context.Queue()
    kinds = [(get_topic(type(p)), p.suffix) for p in projections]
    children = [context.Process(target=_child, name=f"rebuild-share-{i}", daemon=True,
                                args=(db.admin_url, db.settings, kinds, part, batch_size, outcomes))
                for i, part in enumerate(parts[1:], start=1)]
    os.environ[PARENT_ENV] = str(os.getpid())
    try:
        for child in children:
            child.start()
    finally:
        del os.environ[PARENT_ENV]
    try:
        await catch_up_all(db, projections, parts[0], batch_size)
        for _ in children:
            _raise_failure(await asyncio.to_thread(outcomes.get))
    finally:
        for child in children:
            if child.is_alive():
                child.kill()
            child.join()


async def catch_up_all(db: Database, projections: Sequence[Projection], heads: dict[str, int],
                       batch_size: int = BATCH_SIZE) -> None:
    """Every projection at least to the given head of each tenant, in this process. A
    target, not the moving head: under a write rate above the rebuild's speed it still ends,
    and the switch asks only for the live checkpoints, which lag the head too. Raises the
    first handler failure (the tenants in progress then stop, so nothing writes on after it)."""
    gate = asyncio.Semaphore(TENANTS_AT_ONCE)

    async def one(tenant: str, target: int) -> None:
        async with gate, aclosing(batches_together(db, projections, tenant, batch_size)) as batches:
            async for results in batches:
                for result in results.values():
                    if isinstance(result, ProjectionError):
                        raise result
                if all(result[1] >= target for result in results.values()):
                    return

    try:
        async with asyncio.TaskGroup() as group:
            for tenant, target in heads.items():
                group.create_task(one(tenant, target))
    except ExceptionGroup as failed:
        raise failed.exceptions[0] from None


def shares(heads: dict[str, int], count: int) -> list[dict[str, int]]:
    """The tenants split into at most `count` shares of about equal log size (the largest
    log first, onto the lightest share)."""
    parts: list[dict[str, int]] = [{} for _ in range(max(count, 1))]
    loads = [0] * len(parts)
    for tenant, head in sorted(heads.items(), key=lambda item: -item[1]):
        lightest = loads.index(min(loads))
        parts[lightest][tenant] = head
        loads[lightest] += head
    return [part for part in parts if part]


def _raise_failure(outcome: tuple) -> None:
    if outcome[0] == "failed":
        _, projection, tenant, position, cause = outcome
        raise ProjectionError(projection, tenant, position, RuntimeError(cause))
    if outcome[0] == "error":
        raise RuntimeError(f"a rebuild process failed: {outcome[1]}")


def _child(admin_url: str, settings: DatabaseSettings, kinds: list[tuple[str, str]], heads: dict[str, int],
           batch_size: int, outcomes: multiprocessing.Queue) -> None:
    die_with_parent()
    relax_for_batches()
    try:
        asyncio.run(_catch_up_share(admin_url, settings, kinds, heads, batch_size))
    except ProjectionError as exc:  # sent as plain values: its cause may not pickle
        outcomes.put(("failed", exc.projection, exc.tenant_id, exc.position, repr(exc.cause)))
    except BaseException as exc:
        outcomes.put(("error", repr(exc)))
    else:
        outcomes.put(("done",))


async def _catch_up_share(admin_url: str, settings: DatabaseSettings, kinds: list[tuple[str, str]],
                          heads: dict[str, int], batch_size: int) -> None:
    db = await Database.open(admin_url, settings)
    try:
        await catch_up_all(db, [resolve_topic(topic)(suffix) for topic, suffix in kinds], heads, batch_size)
    finally:
        await db.close()
