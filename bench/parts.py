"""The parts of a benchmark run. Each is `async (context) -> {key: value}` and raises
`Skipped(reason)` when the piece it measures does not exist yet or cannot run.

The parts share one generated data set (made on first need), one catch-up of the
projections, and one running HTTP server (started on first need, stopped with the run).
"""

from __future__ import annotations

from contextlib import AsyncExitStack
from dataclasses import dataclass, field

from bench import commands, projection, rollup
from bench.append import AppendConfig, run_append
from bench.generator import Generated, generate
from bench.national import FULL, QUICK, Scale
from bench.server import running_server
from infra.platform import Platform

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
    scale: dict[str, object] = field(default_factory=dict)
    data: Generated | None = None
    small: Generated | None = None
    catch_up: dict[str, float] | None = None
    server: str | None = None

    async def dataset(self) -> Generated:
        if self.data is None:
            self.data = await generate(self.platform, QUICK if self.quick else FULL)
            self.scale |= _describe("", self.data)
        return self.data

    async def projected(self) -> dict[str, float]:
        """Catch every projection up over everything generated so far (timed)."""
        result = await projection.catch_up_rate(self.platform)
        self.catch_up = self.catch_up or result
        return result

    async def server_url(self) -> str:
        if self.server is None:
            secret = self.platform.settings.auth.jwt_secret
            self.server = await self.stack.enter_async_context(
                running_server(self.platform.db.admin_url, secret))
        return self.server


async def append_part(ctx: Context) -> dict[str, float]:
    config = ctx.append_config or (AppendConfig(warmup_s=0.5, duration_s=2.0, repeats=1) if ctx.quick
                                   else AppendConfig(warmup_s=2.0, duration_s=10.0, repeats=3))
    return await run_append(ctx.platform, config)


async def projection_part(ctx: Context) -> dict[str, float]:
    await ctx.dataset()
    results = await ctx.projected()
    return results | await projection.rebuild_all(ctx.platform)


async def rollup_part(ctx: Context) -> dict[str, float]:
    from api.auth.tokens import mint_token

    data = await ctx.dataset()
    ctx.small = await generate(ctx.platform, SMALL_QUICK if ctx.quick else SMALL_FULL, prefix="small-")
    ctx.scale |= _describe("flatness_small_", ctx.small)
    await ctx.projected()
    base = await ctx.server_url()
    samples, warmup = (200, 20) if ctx.quick else (1000, 50)
    secret = ctx.platform.settings.auth.jwt_secret
    large, small = [], []
    for target, out in ((data, large), (ctx.small, small)):
        token = mint_token(secret, tenant=target.national_tenant, roles=["national"], subject="bench")
        try:
            out += await rollup.http_rollup_ms(base, token, target, samples, warmup)
        except rollup.RollupFailed as failed:
            raise Skipped(f"the rollup query failed: {failed}") from None
    floor = await rollup.sql_floor_ms(ctx.platform, data, samples, warmup)
    results = rollup.summary(large, floor)
    small_p99 = rollup.summary(small, floor)["rollup.p99_ms"]
    return results | {"rollup.flatness_ratio": round(results["rollup.p99_ms"] / small_p99, 2),
                      "rollup.small_p99_ms": small_p99}


async def commands_part(ctx: Context) -> dict[str, float]:
    from api.auth.tokens import mint_token

    data = await ctx.dataset()
    base = await ctx.server_url()
    secret = ctx.platform.settings.auth.jwt_secret
    tokens = {t: mint_token(secret, tenant=t, roles=["officer"], subject="bench") for t in data.tenants}
    duration, warmup = (3.0, 0.5) if ctx.quick else (20.0, 2.0)
    try:
        return await commands.command_load(base, tokens, data, clients=16, duration_s=duration, warmup_s=warmup)
    except RuntimeError as failed:
        raise Skipped(str(failed)) from None


def _describe(prefix: str, data: Generated) -> dict[str, object]:
    return {f"{prefix}grassroots_units": data.scale.grassroots, f"{prefix}upper_unions": data.scale.upper_unions,
            f"{prefix}member_tenants": len(data.tenants), f"{prefix}events": data.events,
            f"{prefix}generate_s": round(data.seconds, 1), f"{prefix}seed": data.scale.seed}
