import gc

import pytest

from projections.gc_policy import YOUNG_THRESHOLD, relax_for_batches


@pytest.fixture
def thresholds():
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


def test_a_low_young_threshold_is_raised_and_the_older_ones_kept(thresholds):
    gc.set_threshold(700, 11, 12)
    relax_for_batches()
    assert gc.get_threshold() == (YOUNG_THRESHOLD, 11, 12)


def test_a_higher_young_threshold_is_never_lowered(thresholds):
    gc.set_threshold(YOUNG_THRESHOLD * 2, 10, 10)
    relax_for_batches()
    assert gc.get_threshold() == (YOUNG_THRESHOLD * 2, 10, 10)
