from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import asyncpg
import pytest

from infra.platform import Platform
from projections.engine.base import ProjectionError, handles
from projections.engine.batch import apply_batch
from projections.engine.event import Event
from projections.engine.runner import ProjectionRunner
from tests.projections import builders as b
from tests.projections.counting import TOPIC, CountingProjection, FailingProjection, create_table
from tests.projections.helpers import (
    ROOT,
    all_ended,
    append_counted,
    at_head,
    checkpoint,
    child_pids,
    counted,
    head,
    start_runner,
    wait_for,
)


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
        await asyncio.sleep(0.2)  # its heads are read; from now on only NOTIFY can wake it
        await platform.store.append(tenant_id, __import__("uuid").uuid4(), 0, counted(4, boom_at=2))
        # The first pass catches up every tenant the session has made so far (two at a time, a
        # commit each) before the woken one reaches this tenant: on a busy machine, past 10 s.
        await wait_for(lambda: _counted(admin, tenant_id, 4), timeout=60)
        await wait_for(lambda: _has_error(runner, tenant_id), timeout=60)
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


class TenantsSeen(CountingProjection):
    """Counts like its parent, and remembers which tenants this instance applied events of."""

    delay = 0.01  # a tenant's catch-up lasts long enough for the other runner to start

    def __init__(self) -> None:
        super().__init__()
        self.tenants: set[str] = set()

    @handles(TOPIC)
    async def on_counted(self, conn: asyncpg.Connection, e: Event) -> None:
        self.tenants.add(e.tenant_id)
        await super().on_counted(conn, e)


async def test_two_runners_share_the_tenants_between_them(
        platform: Platform, admin: asyncpg.Connection) -> None:
    await create_table(admin)
    tenants = [f"x-{os.urandom(5).hex()}" for _ in range(4)]
    for t in tenants:
        await append_counted(platform.store, t, 30)
    first, second = TenantsSeen(), TenantsSeen()
    async with ProjectionRunner(platform.db, [first], batch_size=10, poll_interval=0.2), \
            ProjectionRunner(platform.db, [second], batch_size=10, poll_interval=0.2):
        for t in tenants:
            await wait_for(lambda t=t: _counted(admin, t, 30), timeout=60)
        # Caught up, both still running: neither keeps a lease (each is an advisory lock).
        await wait_for(lambda: _no_leases(admin, first.checkpoint_name, tenants), timeout=10)
    # Each runner leased tenants only while working on them, so the other took the rest.
    assert first.tenants & set(tenants) and second.tenants & set(tenants)
    for t in tenants:
        assert await admin.fetchval("SELECT count(*) FROM projection_test_applied WHERE tenant_id = $1", t) == 30


async def test_projections_run_with_two_workers_catches_up_and_stops_its_children(
        platform: Platform, admin: asyncpg.Connection, admin_url: str, tenant_id: str) -> None:
    province = b.unit(tenant_id, "province_federation", "LĐLĐ tỉnh Cà Mau", b.external_parent())
    await platform.repository.save(tenant_id, province, b.unit(tenant_id, "commune_union", "CĐ xã Tân Thành", province))
    parent = _two_workers(admin_url)
    try:
        await wait_for(lambda: at_head(admin, tenant_id, "org_tree", "rollups"), timeout=60)
        children = child_pids(parent.pid)
        assert len(children) == 2
    finally:
        parent.terminate()
        # Children finish the batch in hand first: on the suite's shared database, with every
        # earlier test's tenants still to catch up, that batch can be a long one.
        assert parent.wait(120) == 0
    await wait_for(lambda: all_ended(children), timeout=15)


async def test_worker_children_end_with_a_parent_killed_outright(
        platform: Platform, admin: asyncpg.Connection, admin_url: str, tenant_id: str) -> None:
    """SIGKILL: the parent's clean-up never runs; the kernel ends the children (PDEATHSIG)."""
    await platform.repository.save(tenant_id, b.unit(tenant_id, "province_federation", "LĐLĐ tỉnh Cà Mau",
                                                     b.external_parent()))
    parent = _two_workers(admin_url)
    try:
        await wait_for(lambda: at_head(admin, tenant_id, "org_tree"), timeout=60)
        children = child_pids(parent.pid)
        assert len(children) == 2
    finally:
        parent.kill()
        parent.wait(30)
    await wait_for(lambda: all_ended(children), timeout=15)


def _two_workers(admin_url: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "cli", "projections", "run", "--workers", "2"], cwd=ROOT,
                            env={**os.environ, "DATABASE_URL": admin_url})


def test_projections_status_command_prints_lag(admin_url: str) -> None:
    done = subprocess.run([sys.executable, "-m", "cli", "projections", "status"], cwd=ROOT,
                          env={**os.environ, "DATABASE_URL": admin_url}, capture_output=True, text=True,
                          timeout=120)
    assert "projection" in done.stdout and "lag" in done.stdout, done.stderr
    assert done.returncode in (0, 1)


async def _counted(admin: asyncpg.Connection, tenant: str, n: int) -> bool:
    return await admin.fetchval("SELECT count(*) FROM projection_test_applied WHERE tenant_id = $1", tenant) >= n


async def _no_leases(admin: asyncpg.Connection, projection: str, tenants: list[str]) -> bool:
    """No lease of `projection` on these tenants is held (other tests' runners may hold theirs)."""
    return not await admin.fetchval(
        "SELECT count(*) FROM pg_locks l JOIN unnest($2::text[]) AS t ON l.locktype = 'advisory'"
        " AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended($1 || '/' || t, 0)",
        projection, tenants)


async def _has_error(runner: ProjectionRunner, tenant: str) -> bool:
    return ("test_failing", tenant) in runner.errors
