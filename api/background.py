"""What runs beside the HTTP handlers in `create_app`'s lifespan: the demo data loaded into an
empty database (THIDUA_DEMO) and the projection runner (THIDUA_RUNNER), restarted after a
database outage so read models catch up by themselves once PostgreSQL is back."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from infra.database import Database
from infra.errors import DatabaseUnavailableError
from infra.platform import Platform
from infra.settings import Settings
from projections.runner import ProjectionRunner

log = logging.getLogger(__name__)
RESTART_DELAYS_S = (0.5, 1, 2, 5, 10)


@asynccontextmanager
async def background(platform: Platform, settings: Settings) -> AsyncIterator[None]:
    if settings.server.load_demo:
        from demo.welcome import load_and_announce

        await load_and_announce(platform, settings)
    if not settings.server.run_projections:
        yield
        return
    supervisor = asyncio.create_task(supervise_runner(platform.db), name="projection-supervisor")
    try:
        yield
    finally:
        supervisor.cancel()
        await asyncio.gather(supervisor, return_exceptions=True)


async def supervise_runner(db: Database) -> None:
    """Run a ProjectionRunner until cancelled; a runner that dies with the database is
    replaced after a short, growing delay."""
    failures = 0
    while True:
        runner = ProjectionRunner(db)
        try:
            await runner.start()
            failures = 0
            await runner.wait()
        except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError,
                DatabaseUnavailableError) as exc:
            log.warning("projection runner stopped (%s); restarting", exc)
        finally:
            await _stop(runner)
        await asyncio.sleep(RESTART_DELAYS_S[min(failures, len(RESTART_DELAYS_S) - 1)])
        failures += 1


async def _stop(runner: ProjectionRunner) -> None:
    try:
        await runner.stop()
    except (OSError, asyncpg.InterfaceError, asyncpg.PostgresError):
        pass  # its connection is already gone with the database
