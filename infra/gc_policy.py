"""The cyclic garbage collector, set by the command that owns the process for its kind of work.

Batch processes (the projection runner, a rebuild, the benchmark): a batch allocates
hundreds of thousands of containers (decoded bodies, rows, per-batch dicts) that die with
the batch, while the process keeps a large, long-lived state (rollups' tenant trees, the
UUID cache). At CPython's default young threshold (700) the young generation is collected
thousands of times per catch-up; the batch objects alive at that moment are promoted and
soon trigger full collections, each scanning the whole heap. Measured at 20,000 grassroots
units: 3.1 s of a 16 s catch-up in the collector, 20 full collections; with 50,000, a
handful of young collections and no full one (Python CPU 14.3 -> ~10 s). Reference
counting still frees nearly everything at once; only cyclic garbage waits longer.

The HTTP server: a request's latency is what counts, and each collection stops every
request in flight. Measured on `thidua serve` at national scale: a full collection scanned
the imported libraries (litestar, strawberry, graphql-core, OpenTelemetry ...) in 29 ms,
and with the batch threshold a young collection took 20-26 ms. So the server keeps the
default thresholds and moves what start-up made out of the collector's sight.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000


def relax_for_batches() -> None:
    """Raise the young generation's threshold (never lower it); the older ones unchanged."""
    young, middle, old = gc.get_threshold()
    if young < YOUNG_THRESHOLD:
        gc.set_threshold(YOUNG_THRESHOLD, middle, old)


def freeze_startup_heap() -> None:
    """Collect once, then exempt every object alive now (modules, classes, the app) from
    later collections: full collections then scan only what was made since."""
    gc.collect()
    gc.freeze()
