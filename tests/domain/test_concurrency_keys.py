"""Racing commands produce events with the same (id, version), which the store refuses twice."""

from copy import deepcopy
from datetime import date
from uuid import uuid4

from domain.quota import open_quota
from domain.registration import register
from seeds import seed_001

from .conftest import launched


def test_two_decisions_racing_for_the_4th_slot_write_the_same_ledger_version():
    plan = launched(seed_001, date(2021, 10, 1))
    ledger = open_quota(plan, "de_nghi_bang_khen", uuid4(), registered_collectives=100)
    for _ in range(3):
        ledger.reserve(uuid4(), date(2022, 1, 5))
    ledger.collect_events()  # "saved": both requests now load version 4
    first, second = deepcopy(ledger), deepcopy(ledger)
    first.reserve(uuid4(), date(2022, 1, 6))
    second.reserve(uuid4(), date(2022, 1, 6))
    (a,), (b,) = first.collect_events(), second.collect_events()
    assert (a.originator_id, a.originator_version) == (b.originator_id, b.originator_version) == (ledger.id, 5)


def test_two_registrations_of_one_unit_racing_write_the_same_stream_at_version_1():
    plan, unit = launched(seed_001, date(2021, 10, 1)), uuid4()
    a = register(plan, unit, True, seed_001.PHASE, [], on=date(2021, 10, 2)).collect_events()[0]
    b = register(plan, unit, True, seed_001.PHASE, [], on=date(2021, 10, 2)).collect_events()[0]
    assert (a.originator_id, a.originator_version) == (b.originator_id, b.originator_version)
    assert a.originator_version == 1
