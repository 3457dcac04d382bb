"""A rebuild's catch-up shared by several processes: every tenant in exactly one share, the
shares' logs about equal; what child processes build is what one process builds; a failure
in a child's share fails the rebuild, and no child outlives it."""

from __future__ import annotations

import multiprocessing

import asyncpg
import pytest

from infra.platform import Platform
from projections.engine import versions
from projections.engine.base import ProjectionError
from projections.engine.build_catch_up import catch_up, shares
from projections.engine.rebuild import rebuild
from projections.registry import projection_classes
from tests.projections import pair
from tests.projections.helpers import head, snapshot
from tests.projections.pair import PairProjection, append_paired
from tests.projections.test_rebuild_and_crash import projected_world

SUFFIX = "__vshared"


def test_shares_hold_every_tenant_once_with_logs_of_about_equal_size() -> None:
    heads = {"a": 900, "b": 500, "c": 400, "d": 300, "e": 100, "f": 0}
    parts = shares(heads, 2)
    assert sorted(t for part in parts for t in part) == sorted(heads)
    loads = sorted(sum(part.values()) for part in parts)
    assert loads[1] - loads[0] <= 300, loads  # apart by no more than one of the smaller logs
    assert shares(heads, 1) == [heads]
    assert len(shares({"a": 5}, 4)) == 1, "never more shares than tenants"


@pytest.fixture
async def two_tenants(platform: Platform, admin: asyncpg.Connection, tenant_id: str):
    """Two tenants with pair events (the larger one is the first share: this process's; the
    smaller one a child's), and the tables of a version built beside the live one."""
    await pair.create_tables(admin)
    small = tenant_id + "-small"
    await append_paired(platform.store, tenant_id, 120)
    await append_paired(platform.store, small, 40)
    await versions.create_tables(admin, pair.TABLES, SUFFIX)
    try:
        yield {tenant_id: await head(admin, tenant_id), small: await head(admin, small)}
    finally:
        for table in pair.TABLES:
            await admin.execute(f"DROP TABLE {table}{SUFFIX}")
        await admin.execute("DELETE FROM projection_checkpoints WHERE projection = $1", PairProjection.name + SUFFIX)


async def _built(admin: asyncpg.Connection, tenant: str) -> tuple[int, list[str]]:
    row = await admin.fetchrow(f"SELECT count(*), array_agg(DISTINCT built_by) FROM pair_left{SUFFIX}"
                               " WHERE tenant_id = $1", tenant)
    return row[0], row[1] or []


async def test_a_child_process_builds_its_share_as_this_process_builds_its_own(
        platform: Platform, admin: asyncpg.Connection, two_tenants: dict[str, int]) -> None:
    await catch_up(platform.db, [PairProjection(SUFFIX)], two_tenants, batch_size=10, processes=2)
    assert [await _built(admin, tenant) for tenant in two_tenants] == [(120, [SUFFIX]), (40, [SUFFIX])]
    assert multiprocessing.active_children() == [], "the child ended with its share"


async def test_a_failure_in_a_child_share_fails_the_catch_up(
        platform: Platform, admin: asyncpg.Connection, two_tenants: dict[str, int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    small = list(two_tenants)[1]
    monkeypatch.setenv(pair.FAIL_IN_ENV, small)  # seen by the child, which imports the class afresh
    with pytest.raises(ProjectionError, match=f"tenant '{small}'.*a handler bug in the new version"):
        await catch_up(platform.db, [PairProjection(SUFFIX)], two_tenants, batch_size=10, processes=2)
    assert (await _built(admin, small))[0] == 0, "the child's batch rolled back"
    assert multiprocessing.active_children() == []


async def test_a_rebuild_by_three_processes_equals_the_live_read_models(
        platform: Platform, admin: asyncpg.Connection, project) -> None:
    _, tenants, live = await projected_world(platform, admin, project, seed=5)
    await rebuild(platform.db, list(projection_classes().values()), processes=3)
    assert {tenant: await snapshot(admin, tenant) for tenant in tenants} == live
