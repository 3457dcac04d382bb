"""A real uvicorn server in the test's own event loop, on a port the OS picks: WebSocket tests
talk to it over TCP with a real client, and can still look at the app's state."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

import uvicorn
from litestar import Litestar


START_TIMEOUT_S = 60


class _Server(uvicorn.Server):
    @contextmanager
    def capture_signals(self) -> Iterator[None]:  # Ctrl-C stays pytest's
        yield


@asynccontextmanager
async def serving(app: Litestar) -> AsyncIterator[str]:
    """Yields "127.0.0.1:<port>" once the server listens (after the app's lifespan started)."""
    server = _Server(uvicorn.Config(app, host="127.0.0.1", port=0, ws="websockets-sansio", lifespan="on",
                                    log_level="warning"))
    task = asyncio.create_task(server.serve())
    for _ in range(int(START_TIMEOUT_S / 0.02)):
        if server.started:
            break
        if task.done():
            task.result()  # raises why it could not start
            raise RuntimeError("uvicorn stopped before it started")
        await asyncio.sleep(0.02)
    else:
        server.should_exit = True
        raise TimeoutError(f"uvicorn did not start within {START_TIMEOUT_S} s")
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
