from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys

import asyncpg
import pytest

from infra.platform import Platform
from projections.base import ProjectionError
from projections.batch import apply_batch
from projections.runner import ProjectionRunner
from tests.projections.counting import CountingProjection, FailingProjection, create_table
from tests.projections.helpers import (ROOT, append_counted, checkpoint, counted, head, start_runner,
                                       wait_for)


async def test_a_failing_handler_stops_at_the_event_position_and_skips_nothing(
        platform: Platform, admin: asyncpg.Connection, tenant_id: str) -> None:
    result = await platform.store.append(tenant_id, __import__("uuid").uuid4(), 0, counted(3, boom_at=1))
    with pytest.raises(ProjectionError) as caught:
        await apply_batch(platform.db, FailingProjection(), tenant_id)
    assert caught.value.position == result.first_position + 1
    assert f"at event position {caught.value.position}" in str(caught.value)
    row = await admin.fetchrow("SELECT position, error_position FROM projection_checkpoints"
                               " WHERE tenant_id = $1 AND projection = 'test_failing'", tenant_id)
    assert (row["position"], row["error_position"]) == (0, caught.value.position)


async def test_the_runner_wakes_on_notify_and_reports_a_stopped_projection(
        platform: Platform, admin: asyncpg.Connection, tenant_id: str) -> None:
    await create_table(admin)
    runner = ProjectionRunner(platform.db, [CountingProjection(), FailingProjection()], poll_interval=30)
    async with runner:
        await asyncio.sleep(0.2)  # first pass done; from now on only NOTIFY can wake it
        await platform.store.append(tenant_id, __import__("uuid").uuid4(), 0, counted(4, boom_at=2))
        await wait_for(lambda: _counted(admin, tenant_id, 4), timeout=10)
        await wait_for(lambda: _has_error(runner, tenant_id), timeout=10)
    error = runner.errors[("test_failing", tenant_id)]
    assert error.position == await head(admin, tenant_id) - 1


async def test_two_runner_processes_apply_every_event_exactly_once(
        platform: Platform, admin: asyncpg.Connection, admin_url: str) -> None:
    await create_table(admin)
    tenants = [f"x-{os.urandom(5).hex()}" for _ in range(4)]
    runners = [start_runner(admin_url, "--counting", "--batch", "20", "--delay", "0.001") for _ in range(2)]
    try:
        for round_ in range(3):
            await asyncio.gather(*(append_counted(platform.store, t, 60) for t in tenants))
        for t in tenants:
            await wait_for(lambda t=t: _counted(admin, t, 180), timeout=60)
    finally:
        for proc in runners:
            proc.kill()
            proc.wait()
    for t in tenants:
        assert await checkpoint(admin, t, "test_counting") == await head(admin, t)
        assert await admin.fetchval("SELECT count(*) FROM projection_test_applied WHERE tenant_id = $1", t) == 180
        assert await admin.fetchval("SELECT error FROM projection_checkpoints WHERE tenant_id = $1"
                                    " AND projection = 'test_counting'", t) is None


def test_projections_status_command_prints_lag(admin_url: str) -> None:
    done = subprocess.run([sys.executable, "-m", "api.cli", "projections", "status"], cwd=ROOT,
                          env={**os.environ, "DATABASE_URL": admin_url}, capture_output=True, text=True,
                          timeout=120)
    assert "projection" in done.stdout and "lag" in done.stdout, done.stderr
    assert done.returncode in (0, 1)


async def _counted(admin: asyncpg.Connection, tenant: str, n: int) -> bool:
    return await admin.fetchval("SELECT count(*) FROM projection_test_applied WHERE tenant_id = $1", tenant) >= n


async def _has_error(runner: ProjectionRunner, tenant: str) -> bool:
    return ("test_failing", tenant) in runner.errors
