"""Percentiles and the verdicts next to the issue's targets."""

from __future__ import annotations

import gc

from bench.latency import percentile, sample_ms
from bench.targets import TARGETS


def test_p99_of_a_hundred_samples_is_the_99th_smallest_and_p50_the_50th():
    samples = [float(i) for i in range(100, 0, -1)]
    assert percentile(samples, 99) == 99.0
    assert percentile(samples, 50) == 50.0


async def test_calls_are_timed_with_this_process_collector_off_and_it_is_restored():
    during = []

    async def call():
        during.append(gc.isenabled())

    assert gc.isenabled()
    samples = await sample_ms(call, count=3, warmup=2)
    assert len(samples) == 3 and all(s >= 0 for s in samples)
    assert during == [True, True, False, False, False]  # the warm-up is not timed
    assert gc.isenabled()


def test_a_ratio_at_or_above_its_floor_target_is_met_and_below_missed():
    target = TARGETS["append.ratio_vs_floor"]
    assert target.verdict(0.6) == "met"
    assert target.verdict(0.59) == "missed"
    assert target.verdict(None) == "not measured"


def test_latency_targets_are_upper_bounds():
    assert TARGETS["rollup.p99_ms"].verdict(50.0) == "met"
    assert TARGETS["rollup.flatness_ratio"].verdict(1.6) == "missed"
