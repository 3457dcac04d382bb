"""`thidua serve` runs the projection runner as a child process (cli/background): it catches
up, is started again if it ends, and ends with the server."""

from __future__ import annotations

import dataclasses
import os
import signal
from uuid import uuid4

import asyncpg

from cli.background import background
from infra.platform import Platform
from tests.api.conftest import SETTINGS
from tests.projections import builders as b
from tests.projections.helpers import all_ended, at_head, child_pids, wait_for

WITH_RUNNER = dataclasses.replace(SETTINGS, server=dataclasses.replace(SETTINGS.server, run_projections=True))


async def test_the_runner_child_catches_up_comes_back_after_it_dies_and_ends_with_the_server(
        platform: Platform, admin: asyncpg.Connection, tenant_id: str) -> None:
    await platform.repository.save(tenant_id, b.unit(tenant_id, "province_federation", "LĐLĐ tỉnh Cà Mau",
                                                     b.external_parent()))
    async with background(platform, WITH_RUNNER):
        await wait_for(lambda: at_head(admin, tenant_id, "org_tree"), timeout=60)
        first = _runner_children()
        assert len(first) == 1

        os.kill(first[0], signal.SIGKILL)
        await wait_for(lambda: _replaced(first[0]), timeout=30)
        await platform.repository.save(tenant_id, b.unit(tenant_id, "province_federation", f"LĐLĐ {uuid4()}",
                                                         b.external_parent()))
        await wait_for(lambda: at_head(admin, tenant_id, "org_tree"), timeout=60)
        second = _runner_children()
    await wait_for(lambda: all_ended(second), timeout=20)
    assert _runner_children() == []


def _runner_children() -> list[int]:
    return [p for p in child_pids(os.getpid()) if b"projections\x00run" in _cmdline(p)]


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read()
    except OSError:
        return b""


async def _replaced(dead: int) -> bool:
    return any(p != dead for p in _runner_children())
