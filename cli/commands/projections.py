"""`thidua projections status|run|rebuild NAME`: the read-model runner and its upkeep."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal

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
    rebuild = sub.add_parser(
        "rebuild", help="replay projections from 0 into new tables beside the live ones (which keep serving),"
                        " switch to them once caught up, drop the old ones")
    rebuild.add_argument("names", nargs="+", metavar="NAME",
                         help="projection(s) to rebuild together (one read of the log feeds them all), or 'all'")
    rebuild.add_argument("--batch-size", type=int, default=2000)
    rebuild.add_argument("--processes", type=int, default=os.cpu_count() or 1,
                         help="processes sharing the tenants' logs (default: one per core)")
    rebuild.set_defaults(handler=lambda args, settings: asyncio.run(
        _rebuild(settings, args.names, args.batch_size, args.processes)))


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
    # SIGTERM (how `serve` and `--workers` stop their children) cancels the runner inside the
    # loop: a SystemExit raised between two steps of a batch left the loop closed under the
    # pool's close and printed tracebacks.
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, asyncio.current_task().cancel)
    try:
        async with open_platform(settings) as platform:
            await supervise_runner(platform.db, batch_size)
    except asyncio.CancelledError:
        pass
    return 0


async def _rebuild(settings: Settings, names: list[str], batch_size: int, processes: int) -> int:
    from projections.engine.base import ProjectionError
    from projections.engine.rebuild import RebuildRunning, rebuild
    from projections.engine.switch import Busy
    from projections.registry import projection_classes

    classes = projection_classes()
    names = list(classes) if names == ["all"] else names
    unknown = [n for n in names if n not in classes]
    if unknown:
        print(f"unknown projection {', '.join(map(repr, unknown))}; one of: {', '.join(classes)} (or all)")
        return 2
    async with open_platform(settings) as platform:
        try:
            reached = await rebuild(platform.db, [classes[n] for n in names], batch_size, processes)
        except (ProjectionError, RebuildRunning, Busy) as exc:
            print(f"rebuild failed, the live version serves on unchanged: {exc}")
            return 1
    for name, positions in reached.items():
        print(f"rebuilt {name}: {len(positions)} tenant(s), switched at positions totalling {sum(positions.values())}")
    return 0
