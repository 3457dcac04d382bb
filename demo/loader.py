"""Load the demo into a platform: tenants and org trees, plans, then activity."""

from __future__ import annotations

import time
from dataclasses import dataclass
from uuid import UUID

from demo.activity import load_activity
from demo.org import load_org
from demo.plans import load_plans
from demo.steps import Steps
from infra.platform import Platform
from tenants import registry


@dataclass(frozen=True)
class DemoLoad:
    written: int
    """Commands that wrote events (0 when everything was there already)."""
    seconds: float
    plans: dict[str, UUID]


async def registry_is_empty(platform: Platform) -> bool:
    return not await registry.list_tenants(platform.db)


async def load_demo(platform: Platform, *, force: bool = False) -> DemoLoad | None:
    """Into an empty database (no tenant registered), or with `force` into any: every step
    is keyed, so what is already there is skipped. None when skipped for a non-empty registry."""
    if not force and not await registry_is_empty(platform):
        return None
    started = time.perf_counter()
    steps = Steps(platform)
    await load_org(steps)
    plans = await load_plans(steps)
    await load_activity(steps, plans)
    return DemoLoad(steps.written, time.perf_counter() - started, plans)
