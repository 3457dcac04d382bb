"""Seed 002: two phases, each with its own (exclusive, 'trước ngày') deadlines."""

from datetime import date
from uuid import uuid4

import pytest

from domain.errors import BadInput, DeadlinePassed
from domain.registration import register
from seeds import seed_002

from .conftest import launched

P1, P2 = seed_002.PHASE_1, seed_002.PHASE_2


@pytest.fixture
def plan():
    return launched(seed_002, date(2021, 1, 25))


def test_each_phase_has_its_own_deadlines(plan):
    assert plan.registration_deadline(P1).last_day == date(2021, 3, 2)  # "trước ngày 03/3/2021"
    assert plan.dossier_deadline(P1).last_day == date(2021, 7, 6)  # "trước ngày 07/7/2021"
    assert plan.registration_deadline(P2).last_day == date(2021, 6, 30)  # "trước ngày 01/7/2021"
    assert plan.dossier_deadline(P2).last_day == date(2021, 12, 12)  # "trước ngày 13/12/2021"


def test_registration_on_3_march_is_too_late_for_phase_1(plan):
    register(plan, uuid4(), True, P1, [], on=date(2021, 3, 2))
    with pytest.raises(DeadlinePassed):
        register(plan, uuid4(), True, P1, [], on=date(2021, 3, 3))


def test_phase_2_registration_closes_the_day_before_it_starts(plan):
    assert register(plan, uuid4(), True, P2, [], on=date(2021, 6, 30)).late is False
    with pytest.raises(DeadlinePassed):
        register(plan, uuid4(), True, P2, [], on=date(2021, 7, 1))


def test_late_phase_1_unit_may_still_register_for_phase_2(plan):
    unit = uuid4()
    reg = register(plan, unit, True, P2, [], on=date(2021, 4, 1))
    assert reg.phase == P2


def test_unknown_phase_is_bad_input(plan):
    with pytest.raises(BadInput):
        register(plan, uuid4(), True, "Đợt 3", [], on=date(2021, 2, 1))


def test_phase_1_gives_only_a_month_as_its_start(plan):
    assert plan.phase(P1).start_precision == "month"
