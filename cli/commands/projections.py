"""`thidua projections status|run|rebuild NAME`: the read-model runner and its upkeep."""

from __future__ import annotations

import argparse
import asyncio

import asyncpg

from infra.platform import open_platform
from infra.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("projections", help="projection runner: status, run, rebuild")
    parser.set_defaults(uses_database=True)
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("status", help="position, head and lag per projection and tenant").set_defaults(
        handler=lambda args, settings: asyncio.run(_status(settings)))
    run = sub.add_parser("run", help="run the projection runner alone (until interrupted)")
    run.add_argument("--batch-size", type=int, default=2000)
    run.add_argument("--workers", type=int, default=1,
                     help="runner processes sharing the tenants (one per core keeps every core busy)")
    run.set_defaults(handler=_run_or_spawn)
    rebuild = sub.add_parser("rebuild", help="replay one projection from 0 into fresh tables, then swap")
    rebuild.add_argument("name")
    rebuild.set_defaults(handler=lambda args, settings: asyncio.run(_rebuild(settings, args.name)))


async def _status(settings: Settings) -> int:
    from projections.engine.status import format_status, projection_status
    from projections.registry import projection_classes

    async with open_platform(settings) as platform:
        admin = await asyncpg.connect(platform.db.admin_url)
        try:
            rows = await projection_status(admin, list(projection_classes()))
        finally:
            await admin.close()
    print(format_status(rows))
    return 1 if any(r.error for r in rows) else 0


def _run_or_spawn(args: argparse.Namespace, settings: Settings) -> int:
    if args.workers > 1:
        from cli.workers import run_workers

        return run_workers(args.workers, args.batch_size)
    return asyncio.run(_run(settings, args.batch_size))


async def _run(settings: Settings, batch_size: int) -> int:
    from infra.gc_policy import relax_for_batches
    from projections.engine.parent_process import die_with_parent
    from projections.engine.supervised import supervise_runner

    die_with_parent()  # a child of `--workers` or `serve`: no orphan if the parent is killed
    relax_for_batches()  # a process of its own: batch throughput first

    async with open_platform(settings) as platform:
        await supervise_runner(platform.db, batch_size)
    return 0


async def _rebuild(settings: Settings, name: str) -> int:
    from projections.engine.rebuild import rebuild
    from projections.registry import projection_classes

    classes = projection_classes()
    if name not in classes:
        print(f"unknown projection {name!r}; one of: {', '.join(classes)}")
        return 2
    async with open_platform(settings) as platform:
        reached = await rebuild(platform.db, classes[name])
    print(f"rebuilt {name}: {len(reached)} tenant(s), {sum(reached.values())} positions replayed")
    return 0
