"""The parts of a benchmark run. Each is `async (context) -> {key: value}` and raises
`Skipped(reason)` when the piece it measures does not exist yet or cannot run.

The parts share one generated data set (made on first need), one catch-up of the
projections, and one running HTTP server (started on first need, stopped with the run).
"""

from __future__ import annotations

import asyncio

import os
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from datetime import date

from bench import commands, org_import, pages, projection, rollup, subscriptions
from bench.append import AppendConfig, run_append
from bench.database import sibling_database
from bench.exports_xlsx import measure_exports
from bench.files import file_store_rates
from bench.generator import Generated, generate
from bench.latency import percentile
from bench.national import FULL, QUICK, Scale
from bench.server import running_server
from infra.platform import Platform, open_platform

SMALL_FULL = Scale(grassroots=1_000, upper_unions=98)
"""Flatness compares the national rollup at 1,000 grassroots units with the full 100,000."""
SMALL_QUICK = Scale(grassroots=100, upper_unions=49)


class Skipped(Exception):
    """A part could not be measured; the reason goes into the results instead of a number."""


@dataclass
class Context:
    platform: Platform
    quick: bool
    stack: AsyncExitStack
    append_config: AppendConfig | None = None
    """Overrides the quick/full append settings (tests use a tiny one)."""
    main_scale: Scale | None = None
    """Overrides the quick/full scale of the generated country (`--grassroots N`)."""
    org_import_grassroots: int = org_import.GRASSROOTS
    """Grassroots units in the imported province sheet (tests use a few)."""
    scale: dict[str, object] = field(default_factory=dict)
    data: Generated | None = None
    small: Generated | None = None
    catch_up: dict[str, float] | None = None
    server: str | None = None
    _server_stack: AsyncExitStack = field(default_factory=AsyncExitStack)

    async def dataset(self) -> Generated:
        if self.data is None:
            self.data = await generate(self.platform, self.main_scale or (QUICK if self.quick else FULL))
            self.scale |= _describe("", self.data)
        return self.data

    async def projected(self) -> dict[str, float]:
        """Catch every projection up over everything generated so far, then analyse it. The
        first time, timed twice from empty read models: by one runner in this process (as the
        one runner process `thidua serve` starts), then by one runner process per core
        (`thidua projections run --workers N`)."""
        if self.catch_up is not None:
            await projection.catch_up_rate(self.platform)
            await projection.analyze(self.platform)
            return self.catch_up
        one = await projection.catch_up_rate(self.platform)
        await projection.reset_all(self.platform)
        workers = os.cpu_count() or 1
        # The reader the rebuild is measured beside reads here too: the same load on both sides.
        with projection.RollupReader(self.platform, await self.dataset(), changing=True) as reader:
            self.catch_up = await projection.catch_up_rate(self.platform, workers)
        self.catch_up |= {
            "projection.workers": workers, "projection.catch_up_reads": reader.reads,
            "projection.catch_up_failed_reads": reader.failed,
            "projection.one_process_events_per_s": one["projection.events_per_s"],
            "projection.one_process_catch_up_s": one["projection.catch_up_s"]}
        await projection.analyze(self.platform)
        return self.catch_up

    async def server_url(self) -> str:
        if self.server is None:
            secret = self.platform.settings.auth.jwt_secret
            self._server_stack = await self.stack.enter_async_context(AsyncExitStack())
            self.server = await self._server_stack.enter_async_context(
                running_server(self.platform.db.admin_url, secret))
        return self.server

    async def stop_server(self) -> None:
        if self.server is not None:
            self.server = None
            await self._server_stack.aclose()


async def append_part(ctx: Context) -> dict[str, float]:
    # The server's projection runner (its child process) would project the store's appends while
    # they are timed (the floor's and the recorder's rows cause no projection work).
    await ctx.stop_server()
    config = ctx.append_config or (AppendConfig(warmup_s=0.3, duration_s=1.5, repeats=1) if ctx.quick
                                   else AppendConfig(warmup_s=2.0, duration_s=10.0, repeats=3))
    return await run_append(ctx.platform, config)


async def projection_part(ctx: Context) -> dict[str, float]:
    data = await ctx.dataset()
    results = await ctx.projected()
    rebuilt = await projection.rebuild_all(ctx.platform, data, results["projection.workers"])
    # Side by side in this run: the rebuild (`thidua projections rebuild all`, one process per
    # core) against the live catch-up of the same events by one runner process per core, each
    # beside the same reader of the national rollup in a process of its own.
    ratio = rebuilt["projection.rebuild_s"] / results["projection.catch_up_s"]
    return results | rebuilt | {"projection.rebuild_vs_catch_up": round(ratio, 2)}


async def rollup_part(ctx: Context) -> dict[str, float]:
    data = await ctx.dataset()
    await ctx.projected()
    # A p99 of 300 samples was their 3rd worst: one stray pause moved it by half. 1,000 take ~10 s.
    samples, warmup = (100, 10) if ctx.quick else (1_000, 50)
    large = await _http_rollup(ctx.platform, await ctx.server_url(), data, samples, warmup)
    floor = await rollup.sql_floor_ms(ctx.platform, data, samples, warmup)
    # The same national read as of a day, in the same run: the tree of that day and the facts
    # effective by then.
    as_of = await _http_rollup(ctx.platform, await ctx.server_url(), data, samples, warmup, rollup.AS_OF_DAY)
    as_of_floor = await rollup.sql_floor_ms(ctx.platform, data, samples, warmup, rollup.AS_OF_DAY)
    # The smaller country lives in its own database on the same server: in one database
    # its query would also pay for the larger country's rows, and flatness would hide.
    small_scale = SMALL_QUICK if ctx.quick else SMALL_FULL
    async with sibling_database(ctx.platform.db.admin_url, "small") as url, \
            open_platform(ctx.platform.settings, url) as small_platform:
        ctx.small = await generate(small_platform, small_scale)
        ctx.scale |= _describe("flatness_small_", ctx.small)
        await projection.catch_up_rate(small_platform)
        await projection.analyze(small_platform)
        async with running_server(url, small_platform.settings.auth.jwt_secret) as small_base:
            small = await _http_rollup(small_platform, small_base, ctx.small, samples, warmup)
    results = rollup.summary(large, floor) | rollup.summary(as_of, as_of_floor, "rollup.as_of.")
    small_p99 = round(percentile(small, 99), 2)
    return results | {"rollup.flatness_ratio": round(results["rollup.p99_ms"] / small_p99, 2),
                      "rollup.small_p99_ms": small_p99}


async def _http_rollup(platform: Platform, base: str, data: Generated, samples: int, warmup: int,
                       as_of: date | None = None) -> list[float]:
    from services.auth.tokens import mint_token

    token = mint_token(platform.settings.auth.jwt_secret, tenant=data.national_tenant, roles=["national"],
                       subject="bench")
    try:
        return await rollup.http_rollup_ms(base, token, data, samples, warmup, as_of)
    except rollup.RollupFailed as failed:
        raise Skipped(f"the rollup query failed: {failed}") from None


async def pages_part(ctx: Context) -> dict[str, float]:
    """Server time per web page (bench/pages.py): the dashboard at each level and the auditor's history."""
    data = await ctx.dataset()
    await ctx.projected()
    samples, warmup = (50, 5) if ctx.quick else (300, 20)
    try:
        return await pages.page_times(ctx.platform, await ctx.server_url(), data, samples, warmup)
    except pages.PageFailed as failed:
        raise Skipped(str(failed)) from None


async def subscriptions_part(ctx: Context) -> dict[str, float]:
    """1,000 subscribers of the national rollup; each write's latency to every one of them."""
    from services.auth.tokens import mint_token

    data = await ctx.dataset()
    await ctx.projected()
    base = await ctx.server_url()
    secret = ctx.platform.settings.auth.jwt_secret
    national = mint_token(secret, tenant=data.national_tenant, roles=["national"], subject="bench")
    officers = {t: mint_token(secret, tenant=t, roles=["officer"], subject="bench") for t in data.tenants[:8]}
    try:
        return await subscriptions.measure(base, national, officers, data, subscribers=1_000,
                                           writes=5 if ctx.quick else 20)
    except (subscriptions.SubscriptionsFailed, OSError, TimeoutError) as failed:
        raise Skipped(f"live rollups could not be measured: {failed}") from None


async def commands_part(ctx: Context) -> dict[str, float]:
    from services.auth.tokens import mint_token

    data = await ctx.dataset()
    base = await ctx.server_url()
    secret = ctx.platform.settings.auth.jwt_secret
    tokens = {t: mint_token(secret, tenant=t, roles=["officer"], subject="bench") for t in data.tenants}
    duration, warmup = (3.0, 0.5) if ctx.quick else (20.0, 2.0)
    try:
        return await commands.command_load(base, tokens, data, clients=16, duration_s=duration, warmup_s=warmup)
    except RuntimeError as failed:
        raise Skipped(str(failed)) from None


async def org_import_part(ctx: Context) -> dict[str, float]:
    """Bình Dương's 3,550 grassroots unions from one XLSX upload; no generated country needed."""
    base = await ctx.server_url()
    sample = 50 if ctx.quick else 200
    try:
        return await org_import.measure_import(ctx.platform, base, grassroots=ctx.org_import_grassroots,
                                               baseline_sample=min(sample, ctx.org_import_grassroots))
    except org_import.ImportFailed as failed:
        raise Skipped(str(failed)) from None


async def exports_part(ctx: Context) -> dict[str, float]:
    """The national breakdown as XLSX (bench/exports_xlsx.py): 100,000 units, --quick 10,000."""
    return await asyncio.to_thread(measure_exports, 10_000 if ctx.quick else 100_000)


async def files_part(ctx: Context) -> dict[str, float]:
    return await file_store_rates(ctx.platform, files=20 if ctx.quick else 200)


def _describe(prefix: str, data: Generated) -> dict[str, object]:
    return {f"{prefix}grassroots_units": data.scale.grassroots, f"{prefix}upper_unions": data.scale.upper_unions,
            f"{prefix}member_tenants": len(data.tenants), f"{prefix}events": data.events,
            f"{prefix}generate_s": round(data.seconds, 1), f"{prefix}seed": data.scale.seed}
