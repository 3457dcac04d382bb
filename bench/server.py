"""A real `thidua serve` in a child process, on a free port, against the bench database."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import IO

import httpx

from bench.thidua import thidua


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@asynccontextmanager
async def running_server(admin_url: str, jwt_secret: str, start_timeout_s: float = 60) -> AsyncIterator[str]:
    """Yields the base URL once /health answers; stops the server afterwards."""
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": admin_url, "THIDUA_PORT": str(port), "THIDUA_HOST": "127.0.0.1",
           "THIDUA_DEMO": "0", "THIDUA_JWT_SECRET": jwt_secret,
           # A throw-away database whose role may keep the built-in password (dev mode allows it);
           # the load comes from one address and measures the service, not the rate limiter.
           "THIDUA_DEV": "1", "THIDUA_RATE_LIMIT_CLIENT": "off", "THIDUA_RATE_LIMIT_ACCOUNT": "off"}
    # Its log goes to a file: a pipe nobody reads fills up (64 KiB: uvicorn logs every
    # WebSocket opened, ~700 of them) and then blocks the server.
    log = tempfile.TemporaryFile()
    child = subprocess.Popen([thidua(), "serve"], env=env, stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        await _wait_healthy(base, child, log, start_timeout_s)
        yield base
    finally:
        child.terminate()
        try:
            await asyncio.to_thread(child.wait, 15)
        except subprocess.TimeoutExpired:
            child.kill()
        log.close()


async def _wait_healthy(base: str, child: subprocess.Popen, log: IO[bytes], timeout_s: float) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(int(timeout_s * 10)):
            if child.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"thidua serve exited: {log.read().decode(errors='replace')[-2000:]}")
            try:
                if (await client.get(f"{base}/health", timeout=1)).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise TimeoutError(f"thidua serve did not answer /health within {timeout_s} s")
