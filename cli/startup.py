"""What `thidua` checks before any work, and how it stops: each failure is one line on
standard error and a non-zero exit, never a traceback; SIGTERM stops a command as Ctrl-C does."""

from __future__ import annotations

import asyncio
import signal
import sys
import threading
from urllib.parse import urlsplit, urlunsplit

import asyncpg

CONNECT_TIMEOUT_S = 10
USAGE_ERROR = 2


class StartupError(Exception):
    """A reason not to start, said in one line."""


def fail(message: str) -> int:
    print(f"thidua: error: {message}", file=sys.stderr, flush=True)
    return USAGE_ERROR


def stop_on_sigterm() -> None:
    """SIGTERM raises SystemExit(0) in the main thread: `async with` and `finally` blocks run,
    atexit stops the embedded PostgreSQL, and the exit is the clean one a supervisor expects.
    uvicorn restores this handler after its own graceful shutdown and raises the signal again.
    (Only the main thread may set handlers: tests run `main` in a thread.)"""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _exit_cleanly)


def _exit_cleanly(signum: int, frame: object) -> None:
    raise SystemExit(0)


def check_database(url: str | None) -> None:
    """Connect once to DATABASE_URL (the embedded server needs no check) and say why not."""
    if url is None:
        return
    try:
        asyncio.run(_connect(url))
    except asyncpg.ClientConfigurationError as exc:
        raise StartupError(f"DATABASE_URL {redact(url)} is not a PostgreSQL URL: {exc}") from None
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        reason = str(exc) or type(exc).__name__
        raise StartupError(f"cannot connect to the database at DATABASE_URL {redact(url)}: {reason}") from None


async def _connect(url: str) -> None:
    connection = await asyncpg.connect(url, timeout=CONNECT_TIMEOUT_S)
    await connection.close()


def redact(url: str) -> str:
    """The URL without its password, fit for a log line."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
        return urlunsplit(parts._replace(netloc=netloc))
    except ValueError:
        return "<unparseable>"
