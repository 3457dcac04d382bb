"""Each kind of process sets the collector for its work (infra/gc_policy): batch processes
raise the young threshold, the HTTP server keeps the defaults and freezes its start-up heap."""

import argparse
import gc

import pytest

from infra.gc_policy import YOUNG_THRESHOLD, freeze_startup_heap, relax_for_batches
from infra.settings import Settings
from projections.engine.runner import ProjectionRunner


@pytest.fixture
def collector():
    saved = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*saved)


def test_a_low_young_threshold_is_raised_and_the_older_ones_kept(collector):
    gc.set_threshold(700, 11, 12)
    relax_for_batches()
    assert gc.get_threshold() == (YOUNG_THRESHOLD, 11, 12)


def test_a_higher_young_threshold_is_never_lowered(collector):
    gc.set_threshold(YOUNG_THRESHOLD * 2, 10, 10)
    relax_for_batches()
    assert gc.get_threshold() == (YOUNG_THRESHOLD * 2, 10, 10)


def test_the_frozen_heap_is_out_of_later_collections(collector):
    kept = [[] for _ in range(1000)]
    freeze_startup_heap()
    assert gc.get_freeze_count() >= len(kept)
    assert id(kept) not in {id(o) for o in gc.get_objects()}


def test_serve_freezes_the_app_before_serving_and_keeps_the_default_thresholds(collector, monkeypatch):
    import uvicorn

    from cli.commands import serve

    gc.set_threshold(700, 10, 10)
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **_: seen.update(
        frozen=gc.get_freeze_count(), threshold=gc.get_threshold(), app=app))
    serve.run(argparse.Namespace(host=None, port=None), Settings.from_env({"THIDUA_DEV": "1"}))
    assert seen["app"] is not None and seen["frozen"] > 0
    assert seen["threshold"] == (700, 10, 10)


async def test_the_runner_leaves_the_collector_to_its_process(collector, platform):
    """A library object: the command that owns the process chooses the policy."""
    gc.set_threshold(700, 10, 10)
    async with ProjectionRunner(platform.db, [], poll_interval=30):
        assert gc.get_threshold() == (700, 10, 10)
