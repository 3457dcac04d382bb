"""One benchmark run: one PostgreSQL server, the selected parts in order, one result."""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import AsyncExitStack
from dataclasses import replace
from datetime import datetime, timezone

from bench import parts
from bench.append import AppendConfig
from bench.database import bench_database
from bench.machine import describe
from bench.national import Scale
from bench.targets import PART_KEYS
from infra.platform import open_platform
from infra.settings import Settings

# Append runs last: the projections then see only the generated country, and the store
# appends into a database that already holds it.
PARTS = {
    "projection": parts.projection_part,
    "rollup": parts.rollup_part,
    "pages": parts.pages_part,
    "subscriptions": parts.subscriptions_part,
    "commands": parts.commands_part,
    "org_import": parts.org_import_part,
    "files": parts.files_part,
    "exports": parts.exports_part,
    "append": parts.append_part,
}


Progress = Callable[[str], None]


def _silent(line: str) -> None:
    pass


async def run_bench(settings: Settings, *, quick: bool, only: list[str], conditions: str = "",
                    scale: Scale | None = None, progress: Progress = _silent) -> dict:
    """A whole run on its own server (or fresh database): see bench.database."""
    async with bench_database(settings) as admin_url:
        return await run_on(admin_url, settings, quick=quick, only=only, conditions=conditions, scale=scale,
                            progress=progress)


async def run_on(admin_url: str, settings: Settings, *, quick: bool, only: list[str],
                 conditions: str = "", append_config: AppendConfig | None = None,
                 scale: Scale | None = None, progress: Progress = _silent) -> dict:
    """The selected parts against the database at `admin_url`; the run's full result.
    `progress` is told when each part starts and ends (a full run takes minutes)."""
    started = time.perf_counter()
    # 16 concurrent writers need 16 pooled connections, plus a few for everything else.
    db_settings = replace(settings.database, pool_min_size=4, pool_max_size=24)
    results: dict[str, object] = {}
    skipped: dict[str, str] = {}
    machine = await describe(admin_url)
    async with open_platform(replace(settings, database=db_settings), admin_url) as platform, \
            AsyncExitStack() as stack:
        ctx = parts.Context(platform, quick, stack, append_config=append_config, main_scale=scale)
        for name, part in PARTS.items():
            if name not in only:
                skipped[name] = "not selected (--only)"
                continue
            part_started = time.perf_counter()
            progress(f"{name}: running")
            try:
                results |= await part(ctx)
                progress(f"{name}: done in {time.perf_counter() - part_started:.1f} s")
            except parts.Skipped as why:
                skipped[name] = str(why)
                progress(f"{name}: skipped ({why})")
    for name, keys in PART_KEYS.items():
        for key in keys:
            results.setdefault(key, None)
    return {
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "mode": "quick" if quick else "full",
        "duration_s": round(time.perf_counter() - started, 1),
        "conditions": conditions,
        "machine": machine,
        "scale": ctx.scale,
        "results": results,
        "skipped": skipped,
    }
