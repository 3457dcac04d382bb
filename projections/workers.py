"""Several projection runner processes sharing the tenants (`thidua projections run --workers N`).

One runner process keeps one core busy at most: its handlers are Python, and PostgreSQL
works on the other core only while they wait. Runners in separate processes take the
tenants between them through their leases (projections.leases), so N processes use N
cores' worth of Python. Exactly-once does not depend on this: the checkpoint row lock
serialises batches of the same (projection, tenant) whichever process runs them.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

PARENT_ENV = "THIDUA_RUNNER_PARENT"
"""Set in each child: the pid of the parent it must not outlive."""
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def runner_command(batch_size: int | None = None) -> list[str]:
    """`thidua projections run` in this interpreter (a child of this process)."""
    command = [sys.executable, "-m", "cli", "projections", "run"]
    return command + ["--batch-size", str(batch_size)] if batch_size is not None else command


def runner_env(database_url: str | None = None) -> dict[str, str]:
    """This process's environment, plus the database and the parent the child must not outlive."""
    return {**os.environ, PARENT_ENV: str(os.getpid()), **({"DATABASE_URL": database_url} if database_url else {})}


@contextmanager
def runner_processes(workers: int, database_url: str | None = None,
                     batch_size: int | None = None) -> Iterator[list[subprocess.Popen]]:
    """`workers` children running `thidua projections run`, stopped on exit."""
    children = [subprocess.Popen(runner_command(batch_size), env=runner_env(database_url)) for _ in range(workers)]
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


def die_with_parent() -> None:
    """In a runner child (of `runner_processes` or of `thidua serve`): end with the parent,
    even one killed by SIGKILL (whose `finally` never runs). Linux sends the child SIGTERM
    when the thread that started it ends (PR_SET_PDEATHSIG; every caller starts its
    children from its main thread); elsewhere this does nothing."""
    parent = os.environ.get(PARENT_ENV)
    if parent is None or not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != int(parent):  # the parent ended before the signal was asked for
        sys.exit(0)
