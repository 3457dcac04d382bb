"""The parts of a benchmark run. Each is `async (context) -> {key: value}` and raises
`Skipped(reason)` when the piece it measures does not exist yet or cannot run."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.append import AppendConfig, run_append
from infra.platform import Platform


class Skipped(Exception):
    """A part could not be measured; the reason goes into the results instead of a number."""


@dataclass
class Context:
    platform: Platform
    quick: bool
    scale: dict[str, int] = field(default_factory=dict)
    append_config: AppendConfig | None = None
    """Overrides the quick/full append settings (tests use a tiny one)."""
    data: object | None = None
    """The generated national data set, once a part has needed it."""


async def append_part(ctx: Context) -> dict[str, float]:
    config = ctx.append_config or (AppendConfig(warmup_s=0.5, duration_s=2.0, repeats=1) if ctx.quick
              else AppendConfig(warmup_s=2.0, duration_s=10.0, repeats=3))
    return await run_append(ctx.platform, config)


async def projection_part(ctx: Context) -> dict[str, float]:
    raise Skipped("the projection benchmark is not written yet")


async def rollup_part(ctx: Context) -> dict[str, float]:
    raise Skipped("the rollup benchmark is not written yet")


async def commands_part(ctx: Context) -> dict[str, float]:
    raise Skipped("the commands benchmark is not written yet")
