from __future__ import annotations

import asyncio
import random
import signal

import asyncpg

from infra.platform import Platform
from projections.engine.rebuild import rebuild
from projections.queries import NATIONAL, PlanRef, rollup
from projections.registry import projection_classes
from tests.projections.helpers import checkpoint, head, snapshot, start_runner, wait_for
from tests.projections.test_rollup_properties import World


async def _world(platform: Platform, ops: int, seed: int) -> World:
    rng, world = random.Random(seed), World(platform)
    await world.setup()
    kinds = ["unit"] * 4 + ["register", "result", "report", "report", "move", "merge", "nominate", "commune"]
    for _ in range(ops):
        kind = rng.choice(kinds)
        args = {"unit": (rng.randrange(10), rng.random() < 0.3), "commune": (rng.randrange(10),),
                "register": (rng.randrange(30), rng.random() < 0.3, rng.randrange(4), rng.choice(["", "p2"])),
                "result": (rng.randrange(30), rng.randrange(4), rng.randrange(15)),
                "report": (rng.randrange(30), rng.random() < 0.2, rng.randrange(50), "ATM gạo"),
                "move": (rng.randrange(30), rng.randrange(10)), "merge": (rng.randrange(30), rng.randrange(30)),
                "nominate": (rng.randrange(30), rng.randrange(4))}[kind]
        await world.run((kind, *args))
    return world


async def projected_world(platform: Platform, admin: asyncpg.Connection, project,
                          seed: int) -> tuple[World, list[str], dict]:
    """A random world of 60 operations, projected: (world, its tenants, their read models)."""
    world = await _world(platform, 60, seed=seed)
    tenants = [world.nat_tenant, *world.tenants]
    await project(*tenants)
    return world, tenants, {tenant: await snapshot(admin, tenant) for tenant in tenants}


async def _caught_up(admin: asyncpg.Connection, tenants: list[str]) -> bool:
    for t in tenants:
        h = await head(admin, t)
        for name in projection_classes():
            if await checkpoint(admin, t, name) < h:
                return False
    return True


async def test_a_runner_killed_mid_batch_and_restarted_equals_a_clean_rebuild(
        platform: Platform, admin: asyncpg.Connection, admin_url: str) -> None:
    world = await _world(platform, 150, seed=7)
    tenants = [world.nat_tenant, *world.tenants]
    t = world.tenants[0]
    runner = start_runner(admin_url, "--batch", "5")
    try:
        await wait_for(lambda: _progress(admin, t), timeout=60, every=0.01)
    finally:
        runner.send_signal(signal.SIGKILL)
        runner.wait()
    assert not await _caught_up(admin, tenants), "the kill should land before the end"
    runner = start_runner(admin_url, "--batch", "5")
    try:
        await wait_for(lambda: _caught_up(admin, tenants), timeout=120)
    finally:
        runner.kill()
        runner.wait()
    live = {tenant: await snapshot(admin, tenant) for tenant in tenants}
    for cls in projection_classes().values():
        await rebuild(platform.db, cls)
    assert {tenant: await snapshot(admin, tenant) for tenant in tenants} == live


async def test_a_rebuild_equals_the_live_read_models_while_readers_keep_reading(
        platform: Platform, admin: asyncpg.Connection, project) -> None:
    world, tenants, live = await projected_world(platform, admin, project, seed=11)
    root = PlanRef(world.nat_tenant, world.root.id)
    before = await rollup(platform.db, root, world.national.id, tenant=NATIONAL)
    stop, reads = asyncio.Event(), []

    async def reader() -> None:
        while not stop.is_set():
            reads.append((await rollup(platform.db, root, world.national.id, tenant=NATIONAL))["metrics"])

    task = asyncio.create_task(reader())
    try:
        await rebuild(platform.db, projection_classes()["rollups"])
    finally:
        stop.set()
        await task
    assert {tenant: await snapshot(admin, tenant) for tenant in tenants} == live
    assert reads and all(r == before["metrics"] for r in reads)


async def _progress(admin: asyncpg.Connection, tenant: str) -> bool:
    return await checkpoint(admin, tenant, "rollups") > 0
