"""Latency percentiles of repeated calls."""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Awaitable, Callable


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of samples in any order."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


async def sample_ms(call: Callable[[], Awaitable[object]], count: int, warmup: int) -> list[float]:
    """Milliseconds per call, one call at a time (a reader's latency, not a throughput).

    The measuring process's own garbage collector is off while it times, as `timeit` does:
    this process holds the whole generated country, and one of its collections (16 ms
    seen) would be counted as the server's latency."""
    for _ in range(warmup):
        await call()
    samples = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(count):
            started = time.perf_counter()
            await call()
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        if collecting:
            gc.enable()
    return samples
