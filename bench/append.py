"""Append benchmark: 16 tenants writing at once, measured three ways in one run.

(a) our store, (b) the raw-INSERT floor, (c) the eventsourcing library's PostgreSQL
recorder; at 1 and at 10 events per command. The three are interleaved within each
repeat so that load from elsewhere on the machine hits them alike; medians are reported.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from uuid import uuid4

import asyncpg

from bench import sample_events
from bench.append_eventsourcing import RecorderWriter, open_recorder
from bench.append_floor import FloorWriter
from bench.append_store import StoreWriter
from bench.timing import async_throughput, median, thread_throughput
from infra.platform import Platform


@dataclass(frozen=True)
class AppendConfig:
    writers: int = 16
    warmup_s: float = 1.0
    duration_s: float = 5.0
    repeats: int = 3


async def run_append(platform: Platform, config: AppendConfig) -> dict[str, float]:
    admin_url = platform.db.admin_url
    floor_pool = await asyncpg.create_pool(admin_url, min_size=config.writers, max_size=config.writers)
    recorder = await asyncio.to_thread(open_recorder, admin_url, config.writers)
    try:
        results: dict[str, float] = {}
        for suffix, events in (("", sample_events.one_event_command()),
                               ("_batch10", sample_events.ten_event_command())):
            results |= await _one_shape(platform, floor_pool, recorder, events, config, suffix)
        return results
    finally:
        await floor_pool.close()
        await asyncio.to_thread(recorder.datastore.close)


async def _one_shape(platform, floor_pool, recorder, events, config: AppendConfig, suffix: str) -> dict[str, float]:
    run = uuid4().hex[:8]  # fresh tenants per run: the floor numbers positions from 1
    tenants = [f"bench-{run}-{i:02d}" for i in range(config.writers)]
    meta = sample_events.METADATA
    store_ops = [StoreWriter(platform.store, t, events, meta).command for t in tenants]
    # The floor's positions come from each writer's own counter, so it writes tenants of its
    # own, one set per shape.
    floor_tenants = [f"{t}{suffix or '-1'}" for t in tenants]
    floor_ops = [FloorWriter(floor_pool, t, events, meta).command for t in floor_tenants]
    es_ops = [RecorderWriter(recorder, events).command for _ in tenants]

    await async_throughput(store_ops, config.warmup_s)
    await async_throughput(floor_ops, config.warmup_s)
    await asyncio.to_thread(thread_throughput, es_ops, config.warmup_s)
    store, floor, es = [], [], []
    for _ in range(config.repeats):
        store.append(await async_throughput(store_ops, config.duration_s))
        floor.append(await async_throughput(floor_ops, config.duration_s))
        es.append(await asyncio.to_thread(thread_throughput, es_ops, config.duration_s))
    ours, raw, lib = median(store), median(floor), median(es)
    return {
        f"append.events_per_s{suffix}": round(ours, 1),
        f"append.raw_floor_events_per_s{suffix}": round(raw, 1),
        f"append.eventsourcing_recorder_events_per_s{suffix}": round(lib, 1),
        f"append.ratio_vs_floor{suffix}": round(ours / raw, 3),
        f"append.ratio_vs_eventsourcing{suffix}": round(ours / lib, 3),
    }
