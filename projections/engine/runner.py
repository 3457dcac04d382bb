"""ProjectionRunner: keeps every projection of every tenant caught up with the log.

Wakes on NOTIFY `thidua_events` ("tenant:position") received on a dedicated connection
(a pooled one would be UNLISTENed on release), and polls the tenant heads as a fallback.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

import asyncpg

from infra.database import Database
from infra.telemetry import quiet, report_projection_progress
from projections.engine.base import Projection, ProjectionError
from projections.engine.batch import BATCH_SIZE
from projections.engine.leases import Leases
from projections.engine.shared_batch import batches_together

log = logging.getLogger(__name__)
CHANNEL = "thidua_events"
TENANTS_AT_ONCE = 2
"""Tenants caught up at once: each uses up to `shared_batch.CONCURRENCY` + 2 pool
connections (its projections, the idle ones' checkpoints, the read ahead; default pool: 10)."""


class ProjectionRunner:
    def __init__(self, db: Database, projections: Sequence[Projection] | None = None, *,
                 batch_size: int = BATCH_SIZE, poll_interval: float = 1.0, session_url: str | None = None):
        # Default: every projection of the platform. Imported here, not at the top: the
        # registry imports the read models, and they import the engine.
        from projections.registry import all_projections

        self.db = db
        self.projections = list(projections) if projections is not None else all_projections()
        self.batch_size, self.poll_interval = batch_size, poll_interval
        self.session_url = session_url or db.admin_url
        self.errors: dict[tuple[str, str], ProjectionError] = {}
        self._heads: dict[str, int] = {}
        self._versions: dict[str, int] | None = None
        self._done: dict[tuple[str, str], int] = {}
        self._wake = asyncio.Event()
        self._task: asyncio.Task | None = None
        self._conn: asyncpg.Connection | None = None

    async def start(self) -> None:
        self._conn = await asyncpg.connect(self.session_url)
        self._leases = Leases(self._conn, asyncio.Lock())
        await self._conn.add_listener(CHANNEL, self._on_notify)
        self._task = asyncio.create_task(self._loop(), name="projection-runner")

    async def wait(self) -> None:
        """Until the loop ends, which it does only by failing (the failure is raised here)."""
        if self._task is not None:
            await self._task

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        if self._conn is not None:
            await self._conn.close()  # releases every lease

    async def __aenter__(self) -> ProjectionRunner:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def _on_notify(self, _conn: object, _pid: int, _channel: str, payload: str) -> None:
        tenant, _, position = payload.rpartition(":")
        if tenant and position.isdigit():
            self._heads[tenant] = max(self._heads.get(tenant, 0), int(position))
            self._wake.set()

    async def _loop(self) -> None:
        while True:
            self._wake.clear()
            with quiet():  # no query span per idle poll
                await self._refresh_heads()
                await self._follow_switches()
            await self.run_pending()
            try:
                await asyncio.wait_for(self._wake.wait(), self.poll_interval)
            except TimeoutError:
                pass

    async def _refresh_heads(self) -> None:
        rows = await self.db.pool.fetch("SELECT tenant_id, head FROM thidua_tenant_heads()")
        for row in rows:
            self._heads[row["tenant_id"]] = max(self._heads.get(row["tenant_id"], 0), row["head"])

    async def _follow_switches(self) -> None:
        """A projection a rebuild switched to a new version (projections.engine.switch) gets a
        fresh instance, so nothing it kept in memory about the old version's tables is
        trusted, and its recorded failure is forgotten (the rebuild may have been its fix)."""
        versions = dict(await self.db.pool.fetch("SELECT projection, version FROM projection_versions"))
        if self._versions is not None:
            for i, projection in enumerate(self.projections):
                name = projection.checkpoint_name
                if versions.get(name) != self._versions.get(name):
                    self.projections[i] = type(projection)()
                    self.errors = {k: e for k, e in self.errors.items() if k[0] != name}
                    self._done = {k: p for k, p in self._done.items() if k[0] != name}
        self._versions = versions

    async def run_pending(self) -> int:
        """One pass: catch up every (projection, tenant) behind its head that we can lease;
        a tenant's projections together, fed by one read of its log per batch; a few tenants
        at once, so one tenant's PostgreSQL work overlaps another's Python work. A tenant's
        leases are taken when its turn comes and given back after: another runner process
        meanwhile takes the tenants this one is not working on."""
        due: dict[str, list[Projection]] = {}
        for tenant, head in list(self._heads.items()):
            for projection in self.projections:
                key = (projection.checkpoint_name, tenant)
                if key not in self.errors and self._done.get(key, -1) < head:
                    due.setdefault(tenant, []).append(projection)
        gate = asyncio.Semaphore(TENANTS_AT_ONCE)

        async def one(tenant: str, projections: list[Projection]) -> int:
            async with gate:  # each tenant's batches still in order, inside its own task
                keys = [(p.checkpoint_name, tenant) for p in projections]
                held = await self._leases.acquire(keys)
                try:
                    leased = [p for p in projections if (p.checkpoint_name, tenant) in held]
                    return await self._catch_up(leased, tenant) if leased else 0
                finally:
                    await self._leases.release(keys)

        return sum(await asyncio.gather(*(one(t, ps) for t, ps in due.items())))

    async def _catch_up(self, projections: list[Projection], tenant: str) -> int:
        applied = 0
        async for results in batches_together(self.db, projections, tenant, self.batch_size):
            for projection, result in results.items():
                key = (projection.checkpoint_name, tenant)
                if isinstance(result, ProjectionError):
                    log.error("%s", result)
                    self.errors[key] = result
                    continue
                n, position = result
                applied += n
                self._done[key] = position
                report_projection_progress(key[0], tenant, position=position, head=self._heads.get(tenant, 0))
        return applied
