"""The append benchmark runs end to end and reports every key, at a tiny scale."""

from __future__ import annotations

from bench.append import AppendConfig, run_append

SHAPES = ("", "_batch10")
NAMES = ("events_per_s", "raw_floor_events_per_s", "eventsourcing_recorder_events_per_s",
         "ratio_vs_floor", "ratio_vs_eventsourcing")


async def test_append_benchmark_reports_all_three_ways_at_both_batch_sizes(platform):
    config = AppendConfig(writers=3, warmup_s=0.05, duration_s=0.2, repeats=1)

    results = await run_append(platform, config)

    expected = {f"append.{name}{shape}" for name in NAMES for shape in SHAPES}
    assert set(results) == expected
    assert all(isinstance(v, float) and v > 0 for v in results.values())


async def test_store_throughput_is_counted_from_events_actually_in_the_log(platform, admin):
    before = await admin.fetchval("SELECT count(*) FROM events WHERE tenant_id LIKE 'bench-%'")
    config = AppendConfig(writers=2, warmup_s=0.0, duration_s=0.1, repeats=1)

    await run_append(platform, config)

    after = await admin.fetchval("SELECT count(*) FROM events WHERE tenant_id LIKE 'bench-%'")
    assert after > before
