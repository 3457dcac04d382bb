"""What runs beside the HTTP handlers in `create_app`'s lifespan: the demo data loaded into an
empty database (THIDUA_DEMO) and the projection runner (THIDUA_RUNNER).

The runner is a child process (`thidua projections run`, restarted if it ends), not a task
of the server: its heap and its Python work stay out of the requests' way. Measured at
national scale with the runner in the server: once it had caught up, the tenants' trees it
keeps made every full garbage collection of the server take ~600 ms, and during a catch-up
its batches held the event loop up to ~130 ms at a time. A process of its own also catches
up on the other core, with the batch GC policy.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from cli.workers import OWN_GROUP, runner_command, runner_env
from infra.platform import Platform
from infra.settings import Settings
from projections.engine.supervised import restart_delay

log = logging.getLogger(__name__)
STOP_TIMEOUT_S = 15


@asynccontextmanager
async def background(platform: Platform, settings: Settings) -> AsyncIterator[None]:
    if settings.server.load_demo:
        from demo.welcome import load_and_announce

        await load_and_announce(platform, settings)
    if not settings.server.run_projections:
        yield
        return
    supervisor = asyncio.create_task(supervise_runner_process(platform.db.admin_url), name="projection-supervisor")
    try:
        yield
    finally:
        supervisor.cancel()
        await asyncio.gather(supervisor, return_exceptions=True)


async def supervise_runner_process(database_url: str) -> None:
    """Run `thidua projections run` until cancelled; a child that ends (it outlives database
    outages by itself) is started again after a short, growing delay."""
    failures = 0
    while True:
        child = await asyncio.create_subprocess_exec(*runner_command(), env=runner_env(database_url),
                                                     process_group=OWN_GROUP)
        try:
            status = await child.wait()
            log.warning("projection runner process exited with status %s; restarting", status)
        finally:
            await _stop(child)
        await asyncio.sleep(restart_delay(failures))
        failures += 1


async def _stop(child: asyncio.subprocess.Process) -> None:
    if child.returncode is not None:
        return
    with suppress(ProcessLookupError):
        child.terminate()
    try:
        await asyncio.wait_for(child.wait(), STOP_TIMEOUT_S)
    except TimeoutError:
        with suppress(ProcessLookupError):
            child.kill()
        await child.wait()
