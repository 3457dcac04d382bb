from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import asyncpg

from infra.event_store import EventStore
from infra.records import NewEvent
from projections.registry import projection_classes
from tests.projections.counting import TOPIC

ROOT = Path(__file__).resolve().parents[2]


def counted(n: int, boom_at: int | None = None) -> list[NewEvent]:
    return [NewEvent(TOPIC, json.dumps({"i": i, "boom": i == boom_at})) for i in range(n)]


async def append_counted(store: EventStore, tenant: str, n: int) -> None:
    from uuid import uuid4

    for start in range(0, n, 25):
        await store.append(tenant, uuid4(), 0, counted(min(25, n - start)))


def start_runner(admin_url: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.projections.run_runner", admin_url, *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


async def checkpoint(admin: asyncpg.Connection, tenant: str, projection: str) -> int:
    return await admin.fetchval("SELECT coalesce(max(position), 0) FROM projection_checkpoints"
                                " WHERE tenant_id = $1 AND projection = $2", tenant, projection) or 0


async def head(admin: asyncpg.Connection, tenant: str) -> int:
    return await admin.fetchval("SELECT position FROM tenant_heads WHERE tenant_id = $1", tenant) or 0


async def at_head(admin: asyncpg.Connection, tenant: str, *projections: str) -> bool:
    return all([await checkpoint(admin, tenant, p) == await head(admin, tenant) for p in projections])


def plan_nodes(explained: str) -> list[dict]:
    """Every node of an `EXPLAIN (FORMAT JSON)` answer, the root first."""
    nodes, todo = [], [json.loads(explained)[0]["Plan"]]
    while todo:
        nodes.append(node := todo.pop())
        todo.extend(node.get("Plans", []))
    return nodes


async def wait_for(predicate, timeout: float = 60.0, every: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not await predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not reached in time")
        await asyncio.sleep(every)


async def snapshot(admin: asyncpg.Connection, tenant: str) -> dict[str, list]:
    """Every read-model row of one tenant, in a comparable order."""
    out = {}
    for cls in projection_classes().values():
        for table in cls.tables:
            rows = await admin.fetch(f"SELECT * FROM {table} WHERE tenant_id = $1", tenant)
            out[table] = sorted(repr(tuple(r.values())) for r in rows)
    return out


def child_pids(pid: int) -> list[int]:
    """Live child processes of `pid` (Linux /proc: the parent pid is field 4 of stat)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            children.append(int(stat.parent.name))
    return children


async def all_ended(pids: list[int]) -> bool:
    """None still runs (an orphan's zombie, left for init to reap, counts as gone)."""
    return not any(_running(p) for p in pids)


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
