"""Latency percentiles of repeated calls."""

from __future__ import annotations

import math
import time
from collections.abc import Awaitable, Callable


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of samples in any order."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


async def sample_ms(call: Callable[[], Awaitable[object]], count: int, warmup: int) -> list[float]:
    """Milliseconds per call, one call at a time (a reader's latency, not a throughput)."""
    for _ in range(warmup):
        await call()
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples
