"""A projection runner that outlives database outages: `thidua projections run` runs this.

A runner dies with its connections when PostgreSQL goes away; it is replaced after a short,
growing delay, so read models catch up by themselves once the database is back.
"""

from __future__ import annotations

import asyncio
import logging

import asyncpg

from infra.database import Database
from infra.errors import DatabaseUnavailableError
from projections.engine.batch import BATCH_SIZE
from projections.engine.runner import ProjectionRunner

log = logging.getLogger(__name__)
RESTART_DELAYS_S = (0.5, 1, 2, 5, 10)


def restart_delay(failures: int) -> float:
    """Seconds to wait before the next start after `failures` restarts in a row."""
    return RESTART_DELAYS_S[min(failures, len(RESTART_DELAYS_S) - 1)]


async def supervise_runner(db: Database, batch_size: int = BATCH_SIZE) -> None:
    """Run a ProjectionRunner until cancelled, replacing one that died with the database."""
    failures = 0
    while True:
        runner = ProjectionRunner(db, batch_size=batch_size)
        try:
            await runner.start()
            failures = 0
            await runner.wait()
        except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError,
                DatabaseUnavailableError) as exc:
            log.warning("projection runner stopped (%s); restarting", exc)
        finally:
            await _stop(runner)
        await asyncio.sleep(restart_delay(failures))
        failures += 1


async def _stop(runner: ProjectionRunner) -> None:
    try:
        await runner.stop()
    except (OSError, asyncpg.InterfaceError, asyncpg.PostgresError):
        pass  # its connection is already gone with the database
