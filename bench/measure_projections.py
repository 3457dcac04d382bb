"""Catch-up speed per projection, reproducibly: `python -m bench.measure_projections [--grassroots N]`.

Generates a seeded national-shaped log (bench.generator: domain aggregates through the
store) once into a kept data directory, then for each projection empties its read models
and checkpoints and times `catch_up` over every tenant from position 0. Prints events/s
per projection and for all of them one after another, then all of them together as the
runner applies them (one shared read per batch, projections concurrently), and the real
runner (several tenants at once). With `--rebuild`: the live catch-up by the runner, then
the blue/green rebuild of every projection together and one projection after another (as
the rebuild did before it fed them all from one read), side by side; `--profile FILE` keeps a
cProfile of the rebuild together. A tool for work on the projections' speed, not part of
`thidua bench` (that run owns the reported figures).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from pathlib import Path

import asyncpg

from bench.generator import generate
from bench.national import Scale
from bench.projection import catch_up_rate, reset, reset_all
from infra.embedded import start_embedded
from infra.gc_policy import relax_for_batches
from infra.platform import open_platform
from infra.settings import Settings
from projections.engine.batch import catch_up
from projections.engine.shared_batch import catch_up_together
from projections.registry import all_projections


async def _generate_once(platform, admin: asyncpg.Connection, grassroots: int) -> None:
    if await admin.fetchval("SELECT count(*) FROM tenant_heads"):
        return
    scale = Scale(grassroots=grassroots, upper_unions=max(4, grassroots // 100), provinces=3, sectors=1)
    done = await generate(platform, scale, "m-")
    print(f"generated {done.events} events in {done.seconds:.1f} s")


async def measure(admin_url: str, grassroots: int, batch_size: int, only: list[str]) -> None:
    relax_for_batches()  # as the runner and rebuild set up their process
    async with open_platform(Settings.from_env(), admin_url) as platform:
        admin = await asyncpg.connect(admin_url)
        try:
            await _generate_once(platform, admin, grassroots)
            tenants = [r[0] for r in await admin.fetch("SELECT tenant_id FROM tenant_heads ORDER BY 1")]
            events = await admin.fetchval("SELECT sum(position)::bigint FROM tenant_heads")
            total = 0.0
            for projection in all_projections():
                if only and projection.name not in only:
                    continue
                await reset(admin, [projection])
                started = time.perf_counter()
                for tenant in tenants:
                    await catch_up(platform.db, projection, tenant, batch_size)
                seconds = time.perf_counter() - started
                total += seconds
                print(f"{projection.name:14s} {seconds:7.2f} s {events / seconds:10.0f} events/s")
            print(f"{'all':14s} {total:7.2f} s {events / total:10.0f} events/s"
                  f"  ({events} events, {len(tenants)} tenants, batch {batch_size})")
            await _measure_together(platform, admin, tenants, events, batch_size, only)
            if not only:
                await _measure_runner(platform, admin)
        finally:
            await admin.close()


async def _measure_together(platform, admin: asyncpg.Connection, tenants: list[str], events: int,
                            batch_size: int, only: list[str]) -> None:
    """As the runner does it: one read per batch feeding every projection at once."""
    projections = [p for p in all_projections() if not only or p.name in only]
    await reset(admin, projections)
    started = time.perf_counter()
    for tenant in tenants:
        await catch_up_together(platform.db, projections, tenant, batch_size)
    seconds = time.perf_counter() - started
    print(f"{'together':14s} {seconds:7.2f} s {events / seconds:10.0f} events/s  (shared read, concurrent)")


async def _measure_runner(platform, admin: asyncpg.Connection) -> None:
    """The real ProjectionRunner from empty read models, as `thidua bench` measures it."""
    await reset(admin, all_projections())
    rate = await catch_up_rate(platform)
    print(f"{'runner':14s} {rate['projection.catch_up_s']:7.2f} s {rate['projection.events_per_s']:10.0f} events/s"
          "  (ProjectionRunner, tenants at once)")


async def measure_rebuild(admin_url: str, grassroots: int, batch_size: int, profile: Path | None) -> None:
    """Live catch-up, rebuild together, rebuild one by one: the same events, one process."""
    import cProfile

    from projections.engine.rebuild import rebuild
    from projections.registry import projection_classes

    relax_for_batches()
    async with open_platform(Settings.from_env(), admin_url) as platform:
        admin = await asyncpg.connect(admin_url)
        try:
            await _generate_once(platform, admin, grassroots)
            events = await admin.fetchval("SELECT sum(position)::bigint FROM tenant_heads")
            await reset(admin, all_projections())
        finally:
            await admin.close()
        live = (await catch_up_rate(platform))["projection.catch_up_s"]
        print(f"{'live catch-up':22s} {live:7.2f} s {events / live:10.0f} events/s  (ProjectionRunner)")
        classes = list(projection_classes().values())
        profiler = cProfile.Profile() if profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        await rebuild(platform.db, classes, batch_size)
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile)
        together = time.perf_counter() - started
        print(f"{'rebuild together':22s} {together:7.2f} s {events / together:10.0f} events/s  ({together / live:.2f} x live)")
        workers = os.cpu_count() or 1
        await reset_all(platform)
        live_n = (await catch_up_rate(platform, workers))["projection.catch_up_s"]
        print(f"{f'live, {workers} workers':22s} {live_n:7.2f} s {events / live_n:10.0f} events/s"
              "  (projections run --workers)")
        started = time.perf_counter()
        await rebuild(platform.db, classes, batch_size, workers)
        spread = time.perf_counter() - started
        print(f"{f'rebuild, {workers} processes':22s} {spread:7.2f} s {events / spread:10.0f} events/s"
              f"  ({spread / live_n:.2f} x live with {workers} workers)")
        started = time.perf_counter()
        for cls in classes:
            await rebuild(platform.db, cls, batch_size)
        apart = time.perf_counter() - started
        print(f"{'rebuild one by one':22s} {apart:7.2f} s {events / apart:10.0f} events/s  ({apart / live:.2f} x live)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grassroots", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/thidua-measure"))
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--rebuild", action="store_true", help="live catch-up against the rebuilds")
    parser.add_argument("--profile", type=Path, help="with --rebuild: cProfile of the rebuild together")
    args = parser.parse_args()
    url = start_embedded(args.data_dir / f"g{args.grassroots}")
    if args.rebuild:
        asyncio.run(measure_rebuild(url, args.grassroots, args.batch, args.profile))
    else:
        asyncio.run(measure(url, args.grassroots, args.batch, args.only))


if __name__ == "__main__":
    main()
