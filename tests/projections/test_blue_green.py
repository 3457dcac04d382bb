"""Blue/green rebuilds: the new version is built beside the live one and switched in once it
has caught up; readers never fail or see a half-built or mixed version; a failed or killed
rebuild leaves the live version serving and can be started again."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys

import asyncpg
import pytest

from infra.database import Database
from infra.platform import Platform
from infra.settings import DatabaseSettings
from projections.engine.base import ProjectionError
from projections.engine.batch import catch_up
from projections.engine.rebuild import RebuildRunning, rebuild
from projections.engine.runner import ProjectionRunner
from projections.queries import NATIONAL, PlanRef, rollup
from projections.registry import projection_classes
from tests.projections import pair
from tests.projections.helpers import ROOT, checkpoint, head, snapshot, wait_for
from tests.projections.pair import PairProjection, append_paired
from tests.projections.test_rebuild_and_crash import _world

EVENTS = 300
_READ = ("SELECT (SELECT count(*) FROM pair_left WHERE tenant_id = $1) AS left_rows,"
         " (SELECT count(*) FROM pair_right WHERE tenant_id = $1) AS right_rows,"
         " (SELECT array_agg(DISTINCT built_by) FROM pair_left WHERE tenant_id = $1) AS left_marks,"
         " (SELECT array_agg(DISTINCT built_by) FROM pair_right WHERE tenant_id = $1) AS right_marks")


@pytest.fixture
async def pair_tenant(platform: Platform, admin: asyncpg.Connection, tenant_id: str) -> str:
    """A tenant with EVENTS events, projected by the live version of the pair projection."""
    await pair.create_tables(admin)
    PairProjection.fail_at = None
    await append_paired(platform.store, tenant_id, EVENTS)
    await catch_up(platform.db, PairProjection(), tenant_id)
    return tenant_id


async def _version(admin: asyncpg.Connection, name: str) -> int:
    return await admin.fetchval("SELECT version FROM projection_versions WHERE projection = $1", name) or 1


async def _leftovers(admin: asyncpg.Connection, name: str, tables: tuple[str, ...]) -> list[str]:
    found = [r[0] for r in await admin.fetch("SELECT tablename FROM pg_tables WHERE tablename ~ $1",
                                             f"^({'|'.join(tables)})__")]
    found += [r[0] for r in await admin.fetch("SELECT DISTINCT projection FROM projection_checkpoints"
                                              " WHERE projection ~ $1", f"^{name}__")]
    return found


class Reader:
    """Reads the pair's tables as the API reads a read model (application role, row-level
    security, one statement), as fast as it can, and keeps every answer or failure."""

    def __init__(self, db: Database, tenant: str):
        self.db, self.tenant = db, tenant
        self.answers: list[asyncpg.Record] = []
        self.failures: list[BaseException] = []
        self._stop = asyncio.Event()
        self._task: asyncio.Task | None = None

    async def __aenter__(self) -> Reader:
        self._task = asyncio.create_task(self._loop())
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._stop.set()
        await self._task

    async def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                async with self.db.tenant_transaction(self.tenant) as conn:
                    self.answers.append(await conn.fetchrow(_READ, self.tenant))
            except Exception as exc:  # counted: the test asserts there is none
                self.failures.append(exc)
            await asyncio.sleep(0)


async def test_readers_see_the_whole_old_version_or_the_whole_new_one_never_a_mix(
        platform: Platform, admin: asyncpg.Connection, pair_tenant: str) -> None:
    indexes = {t: sorted(r[0] for r in await admin.fetch("SELECT indexname FROM pg_indexes WHERE tablename = $1", t))
               for t in pair.TABLES}
    version = await _version(admin, PairProjection.name)
    async with Reader(platform.db, pair_tenant) as reader:
        reached = await rebuild(platform.db, PairProjection, batch_size=10)
    new = f"__v{version + 1}"
    marks = [(tuple(a["left_marks"]), tuple(a["right_marks"])) for a in reader.answers]
    assert not reader.failures
    assert all(a["left_rows"] == a["right_rows"] == EVENTS for a in reader.answers), "a half-built table was read"
    assert set(marks) <= {(("live",), ("live",)), ((new,), (new,))}, "a mix of versions was read"
    # Both versions were read: the reader kept answering while the new one was built and after.
    assert marks[0] == (("live",), ("live",)) and marks[-1] == ((new,), (new,))
    assert marks.index(((new,), (new,))) > 1
    assert reached[PairProjection.name][pair_tenant] == await head(admin, pair_tenant)
    assert await _version(admin, PairProjection.name) == version + 1
    assert await _leftovers(admin, PairProjection.name, pair.TABLES) == []
    # The schema is as the migrations left it: same index (and key) names.
    assert indexes == {t: sorted(r[0] for r in await admin.fetch("SELECT indexname FROM pg_indexes WHERE tablename = $1", t))
                       for t in pair.TABLES}


async def test_writes_during_the_rebuild_are_in_the_new_version_and_reads_never_go_back(
        platform: Platform, admin: asyncpg.Connection, admin_url: str, pair_tenant: str) -> None:
    runner_db = await Database.open(admin_url, DatabaseSettings())
    version = await _version(admin, PairProjection.name)
    written = EVENTS
    try:
        async with ProjectionRunner(runner_db, [PairProjection()], batch_size=20, poll_interval=0.05) as runner, \
                Reader(platform.db, pair_tenant) as reader:
            serving = runner.projections[0]
            build = asyncio.create_task(rebuild(platform.db, PairProjection, batch_size=10))
            try:
                while not build.done():  # the live runner projects these into the live version meanwhile
                    await append_paired(platform.store, pair_tenant, 25)
                    written += 25
                    await asyncio.sleep(0.1)
            finally:
                await build
            await append_paired(platform.store, pair_tenant, 25)  # and after: into the new version
            written += 25
            await wait_for(lambda: _rows(admin, pair_tenant, written), timeout=60)
            # The runner follows the switch with a fresh instance: nothing it kept in memory
            # about the old version is trusted.
            assert runner.projections[0] is not serving
    finally:
        await runner_db.close()
    assert written > EVENTS + 25, "no write arrived during the rebuild"
    assert not reader.failures
    counts = [a["left_rows"] for a in reader.answers]
    assert all(a["left_rows"] == a["right_rows"] for a in reader.answers)
    assert counts == sorted(counts), "a read went back in time (stale)"
    new = f"__v{version + 1}"
    rows = await admin.fetch("SELECT built_by, count(*) AS n FROM pair_left WHERE tenant_id = $1 GROUP BY 1",
                             pair_tenant)
    # Every row lives in the new version: written by its build, or by the runner into it after the switch.
    assert sum(r["n"] for r in rows) == written
    assert {r["built_by"] for r in rows} <= {new, "live"}
    assert await checkpoint(admin, pair_tenant, PairProjection.name) == await head(admin, pair_tenant)
    assert await admin.fetchval("SELECT count(DISTINCT position) FROM pair_left WHERE tenant_id = $1",
                                pair_tenant) == written


async def _rows(admin: asyncpg.Connection, tenant: str, n: int) -> bool:
    return await admin.fetchval("SELECT count(*) FROM pair_left WHERE tenant_id = $1", tenant) >= n


async def test_a_failing_rebuild_leaves_the_live_version_and_a_second_one_works(
        platform: Platform, admin: asyncpg.Connection, pair_tenant: str) -> None:
    version = await _version(admin, PairProjection.name)
    before = await admin.fetch("SELECT * FROM pair_left WHERE tenant_id = $1 ORDER BY position", pair_tenant)
    PairProjection.fail_at = EVENTS // 2
    try:
        async with Reader(platform.db, pair_tenant) as reader:
            with pytest.raises(ProjectionError, match="a handler bug in the new version"):
                await rebuild(platform.db, PairProjection, batch_size=10)
    finally:
        PairProjection.fail_at = None
    assert not reader.failures
    assert all(tuple(a["left_marks"]) == ("live",) and a["left_rows"] == EVENTS for a in reader.answers)
    assert await admin.fetch("SELECT * FROM pair_left WHERE tenant_id = $1 ORDER BY position", pair_tenant) == before
    assert await _version(admin, PairProjection.name) == version
    assert await _leftovers(admin, PairProjection.name, pair.TABLES) == []

    await rebuild(platform.db, PairProjection, batch_size=10)
    assert await admin.fetchval("SELECT array_agg(DISTINCT built_by) FROM pair_left WHERE tenant_id = $1",
                                pair_tenant) == [f"__v{version + 1}"]
    assert await _version(admin, PairProjection.name) == version + 1


async def test_a_second_rebuild_of_the_same_projection_at_once_is_refused(
        platform: Platform, admin: asyncpg.Connection, pair_tenant: str) -> None:
    building = f"pair_left__v{await _version(admin, PairProjection.name) + 1}"
    first = asyncio.create_task(rebuild(platform.db, PairProjection, batch_size=5))
    try:  # its new tables exist from when it holds the lock until it switches
        await wait_for(lambda: _exists(admin, building), timeout=60, every=0.005)
        with pytest.raises(RebuildRunning):
            await rebuild(platform.db, PairProjection)
    finally:
        await first  # never left running past the test: it would hold its locks


async def _exists(admin: asyncpg.Connection, table: str) -> bool:
    return await admin.fetchval("SELECT to_regclass($1) IS NOT NULL", table)


async def test_a_session_holding_a_table_being_built_never_keeps_readers_from_the_live_ones(
        platform: Platform, admin: asyncpg.Connection, admin_url: str, pair_tenant: str) -> None:
    """Autovacuum or someone's ANALYZE on a new table when the rebuild wants it: the rebuild
    waits, but never while it holds the live tables that readers wait on."""
    version = await _version(admin, PairProjection.name) + 1
    building = f"pair_left__v{version}"
    holder = await asyncpg.connect(admin_url)
    build = asyncio.create_task(rebuild(platform.db, PairProjection, batch_size=10))
    try:
        await wait_for(lambda: _exists(admin, building), timeout=60, every=0.005)
        async with holder.transaction():
            await holder.execute(f"LOCK TABLE {building} IN SHARE UPDATE EXCLUSIVE MODE")  # as a VACUUM does
            await wait_for(lambda: _waited_on(admin, building), timeout=60, every=0.01)  # the rebuild waits
            async with platform.db.tenant_transaction(pair_tenant) as conn:
                await conn.execute("SET LOCAL lock_timeout = '3s'")  # the reader waits for nobody meanwhile
                assert (await conn.fetchrow(_READ, pair_tenant))["left_rows"] == EVENTS
    finally:
        await build
        await holder.close()
    assert await _version(admin, PairProjection.name) == version
    for table in pair.TABLES:  # switched in with autovacuum back on, and analysed
        assert await _options(admin, table) == []
        assert await admin.fetchval("SELECT reltuples FROM pg_class WHERE oid = $1::regclass", table) > 0


async def _options(admin: asyncpg.Connection, table: str) -> list[str]:
    return await admin.fetchval("SELECT coalesce(reloptions, '{}') FROM pg_class WHERE oid = $1::regclass", table)


async def _waited_on(admin: asyncpg.Connection, table: str) -> bool:
    return await admin.fetchval("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE relation = $1::regclass"
                                " AND NOT granted)", table)


async def test_a_killed_rebuild_leaves_the_live_rollup_serving_and_can_be_started_again(
        platform: Platform, admin: asyncpg.Connection, admin_url: str, project) -> None:
    world = await _world(platform, 60, seed=23)
    tenants = [world.nat_tenant, *world.tenants]
    await project(*tenants)
    live = {tenant: await snapshot(admin, tenant) for tenant in tenants}
    root = PlanRef(world.nat_tenant, world.root.id)
    figures = (await rollup(platform.db, root, world.national.id, tenant=NATIONAL))["metrics"]
    version = await _version(admin, "rollups")
    build = subprocess.Popen([sys.executable, "-m", "cli", "projections", "rebuild", "rollups", "--batch-size", "2"],
                             cwd=ROOT, env={**os.environ, "DATABASE_URL": admin_url},
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        await wait_for(lambda: _building(admin, f"rollups__v{version + 1}"), timeout=120, every=0.01)
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait()
    assert await _leftovers(admin, "rollups", projection_classes()["rollups"].tables), "killed before it began"
    assert (await rollup(platform.db, root, world.national.id, tenant=NATIONAL))["metrics"] == figures
    assert await _version(admin, "rollups") == version

    await rebuild(platform.db, projection_classes()["rollups"])
    assert await _leftovers(admin, "rollups", projection_classes()["rollups"].tables) == []
    assert await _version(admin, "rollups") == version + 1
    assert {tenant: await snapshot(admin, tenant) for tenant in tenants} == live
    assert (await rollup(platform.db, root, world.national.id, tenant=NATIONAL))["metrics"] == figures


async def _building(admin: asyncpg.Connection, checkpoint_name: str) -> bool:
    return bool(await admin.fetchval("SELECT max(position) FROM projection_checkpoints WHERE projection = $1",
                                     checkpoint_name))


async def test_the_rollup_answers_every_read_during_a_rebuild_with_writes_arriving(
        platform: Platform, admin: asyncpg.Connection, admin_url: str, project) -> None:
    world = await _world(platform, 60, seed=31)
    tenants = [world.nat_tenant, *world.tenants]
    await project(*tenants)
    root = PlanRef(world.nat_tenant, world.root.id)
    runner_db = await Database.open(admin_url, DatabaseSettings())
    reads, failures, stop = [], [], asyncio.Event()

    async def reader() -> None:
        while not stop.is_set():
            try:
                reads.append((await rollup(platform.db, root, world.national.id, tenant=NATIONAL))["metrics"])
            except Exception as exc:  # counted: asserted to be none
                failures.append(exc)

    written = 0
    try:
        async with ProjectionRunner(runner_db, batch_size=20, poll_interval=0.05):
            task = asyncio.create_task(reader())
            build = asyncio.create_task(rebuild(platform.db, projection_classes()["rollups"], batch_size=100))
            i = 0
            try:
                while not build.done():
                    await world.run(("report", i, False, 7, "ATM gạo"))
                    written, i = written + 1, i + 1
            finally:
                await build
            for tenant in tenants:
                await wait_for(lambda t=tenant: _caught_up(admin, t), timeout=60)
            stop.set()
            await task
    finally:
        stop.set()
        await runner_db.close()
    assert written and not failures
    counted = [r["reports"] for r in reads]
    assert counted == sorted(counted), "a read went back in time (stale)"
    final = (await rollup(platform.db, root, world.national.id, tenant=NATIONAL))["metrics"]
    live = {tenant: await snapshot(admin, tenant) for tenant in tenants}
    await rebuild(platform.db, projection_classes()["rollups"])  # a quiet rebuild: the reference
    assert {tenant: await snapshot(admin, tenant) for tenant in tenants} == live
    assert (await rollup(platform.db, root, world.national.id, tenant=NATIONAL))["metrics"] == final


async def _caught_up(admin: asyncpg.Connection, tenant: str) -> bool:
    h = await head(admin, tenant)
    return all([await checkpoint(admin, tenant, name) >= h for name in projection_classes()])
