"""A runner child's tie to its parent: the child ends when the process that started it ends
(`thidua projections run --workers N` or `thidua serve`), so no orphan runner lives on."""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PARENT_ENV = "THIDUA_RUNNER_PARENT"
"""Set in each child: the pid of the parent it must not outlive."""
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent() -> None:
    """In a runner child (of `runner_processes` or of `thidua serve`): end with the parent,
    even one killed by SIGKILL (whose `finally` never runs). Linux sends the child SIGKILL
    when the thread that started it ends (PR_SET_PDEATHSIG; every caller starts its
    children from its main thread); elsewhere this does nothing. SIGKILL, not SIGTERM: with
    the parent gone nobody waits for a clean exit, a graceful one (SIGTERM unwinds through the
    pool's close) could outlast it, and every batch is a transaction, so nothing is lost."""
    parent = os.environ.get(PARENT_ENV)
    if parent is None or not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != int(parent):  # the parent ended before the signal was asked for
        sys.exit(0)
