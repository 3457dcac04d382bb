"""Throughput of concurrent writers over a fixed duration, after a warm-up."""

from __future__ import annotations

import asyncio
import statistics
import threading
import time
from collections.abc import Awaitable, Callable, Sequence

AsyncOp = Callable[[], Awaitable[int]]
"""One command; returns how many events it wrote."""
SyncOp = Callable[[], int]


async def async_throughput(ops: Sequence[AsyncOp], duration_s: float) -> float:
    """Events per second with one coroutine per op, each looping until the deadline."""
    deadline = time.perf_counter() + duration_s

    async def writer(op: AsyncOp) -> int:
        written = 0
        while time.perf_counter() < deadline:
            written += await op()
        return written

    start = time.perf_counter()
    counts = await asyncio.gather(*(writer(op) for op in ops))
    return sum(counts) / (time.perf_counter() - start)


def thread_throughput(ops: Sequence[SyncOp], duration_s: float) -> float:
    """Events per second with one thread per op (for the synchronous eventsourcing recorder)."""
    counts = [0] * len(ops)
    deadline = time.perf_counter() + duration_s

    def writer(i: int) -> None:
        while time.perf_counter() < deadline:
            counts[i] += ops[i]()

    threads = [threading.Thread(target=writer, args=(i,), daemon=True) for i in range(len(ops))]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - start)


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))
