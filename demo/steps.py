"""Runs the demo's commands through the services, each under its own idempotency key, so a
second run (or a run resumed after a crash) replays instead of writing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from domain.errors import Duplicate
from infra.platform import Platform
from services.context import CommandContext, CommandResult

ACTOR = "demo"


class Steps:
    def __init__(self, platform: Platform):
        self.platform = platform
        self.written = 0  # commands that wrote events (not replayed)

    def ctx(self, label: str) -> CommandContext:
        return CommandContext(actor=ACTOR, idempotency_key=f"demo/{label}", correlation_id="demo")

    async def run(self, command: Callable[..., Awaitable[CommandResult]], tenant: str, label: str,
                  *args: Any, **kwargs: Any) -> CommandResult:
        result = await command(self.platform, tenant, self.ctx(label), *args, **kwargs)
        self.written += not result.replayed
        return result

    async def provision(self, command: Callable[..., Awaitable[Any]], tenant: str, **kwargs: Any) -> None:
        """Provisioning is keyed by the tenant id itself: DUPLICATE means done before."""
        try:
            await command(self.platform, self.ctx(f"provision/{tenant}"), tenant_id=tenant, **kwargs)
        except Duplicate:
            return
        self.written += 1
