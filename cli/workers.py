"""Projection runner child processes: serve's runner child and the workers of `thidua
projections run --workers N`, which share the tenants.

One runner process keeps one core busy at most: its handlers are Python, and PostgreSQL
works on the other core only while they wait. Runners in separate processes take the
tenants between them through their leases (projections.engine.leases), so N processes use N
cores' worth of Python. Exactly-once does not depend on this: the checkpoint row lock
serialises batches of the same (projection, tenant) whichever process runs them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from projections.engine.parent_process import PARENT_ENV

# Runner children get a process group of their own: Ctrl-C in a terminal reaches the parent
# only, which stops them itself (SIGTERM), never a child caught half-way through its imports.
OWN_GROUP = 0


def runner_command(batch_size: int | None = None) -> list[str]:
    """`thidua projections run` in this interpreter (a child of this process)."""
    command = [sys.executable, "-m", "cli", "projections", "run"]
    return command + ["--batch-size", str(batch_size)] if batch_size is not None else command


def runner_env(database_url: str | None = None) -> dict[str, str]:
    """This process's environment, plus the database and the parent the child must not outlive."""
    return {**os.environ, PARENT_ENV: str(os.getpid()), **({"DATABASE_URL": database_url} if database_url else {})}


@contextmanager
def runner_processes(workers: int, batch_size: int | None = None) -> Iterator[list[subprocess.Popen]]:
    """`workers` children running `thidua projections run`, stopped on exit."""
    children = [subprocess.Popen(runner_command(batch_size), env=runner_env(), process_group=OWN_GROUP)
                for _ in range(workers)]
    try:
        yield children
    finally:
        for child in children:
            child.terminate()
        for child in children:
            try:
                child.wait(15)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def run_workers(workers: int, batch_size: int) -> int:
    """Until interrupted (SIGINT or SIGTERM: the children are stopped too) or until one child
    ends (its exit status is returned)."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # unwinds, so the children stop
    with runner_processes(workers, batch_size=batch_size) as children:
        try:
            while (ended := next((c for c in children if c.poll() is not None), None)) is None:
                time.sleep(0.5)
        except KeyboardInterrupt:
            return 0
        return ended.returncode
