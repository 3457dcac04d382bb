"""The installed `thidua` command beside this interpreter: the benchmark starts the server and
the runner processes as their users do, through the public command line."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STOP_TIMEOUT_S = 15


def thidua() -> str:
    return str(Path(sys.executable).with_name("thidua"))


@contextmanager
def running(*args: str, database_url: str) -> Iterator[subprocess.Popen]:
    """`thidua ARGS` against `database_url` until the block ends (SIGTERM, then SIGKILL)."""
    child = subprocess.Popen([thidua(), *args], env={**os.environ, "DATABASE_URL": database_url})
    try:
        yield child
    finally:
        child.terminate()
        try:
            child.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
