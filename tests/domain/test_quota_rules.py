"""The award quota's rules: the limit (count, rounded percentage, law cap), room, one slot per
nomination, enterprise priority and giving a slot back; each refusal with its code and rule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import uuid4

import pytest

from domain.errors import BadInput, Duplicate, PriorityNotRespected, QuotaExceeded
from domain.ids import quota_id
from domain.plan import QuotaRule
from domain.quota import AwardQuota, open_quota, quota_limit
from seeds import seed_001

from .conftest import TENANT, launched

ON = date(2022, 1, 5)
DISTRICT = uuid4()


@pytest.fixture
def plan():
    return launched(seed_001, date(2021, 10, 1))


def ledger(limit: int, priority: str = "") -> AwardQuota:
    return AwardQuota(tenant=TENANT, plan_id=uuid4(), pool="p", nominating_unit_id=DISTRICT,
                      limit=limit, basis=limit, priority=priority)


@pytest.mark.parametrize("rounding, basis, limit", [
    ("floor", 30, 1), ("ceil", 30, 2), ("half_up", 30, 2), ("half_up", 50, 3), ("floor", 50, 2),
    ("ceil", 40, 2), ("half_up", 29, 1)])
def test_a_percentage_of_the_basis_is_rounded_per_the_rule(rounding, basis, limit):
    assert quota_limit(QuotaRule("p", max_percent=Decimal(5), rounding=rounding), basis) == limit


def test_the_tightest_of_count_percentage_and_cap_is_the_limit():
    rule = QuotaRule("p", max_count=4, max_percent=Decimal(10))
    assert quota_limit(rule, 100) == 4
    assert quota_limit(rule, 30) == 3
    assert quota_limit(rule, 100, cap=2) == 2
    assert quota_limit(QuotaRule("p"), 100, cap=4) == 4
    assert quota_limit(QuotaRule("p", max_count=0), 100) == 0


def test_a_rule_without_any_limit_is_refused():
    with pytest.raises(BadInput) as err:
        quota_limit(QuotaRule("p"), 100)
    assert (err.value.code, err.value.rule, err.value.message) == ("BAD_INPUT", "quota.limit",
                                                                   "quota rule 'p' sets no limit")


def test_each_slot_is_taken_once_until_none_is_left():
    quota, first, second = ledger(2), uuid4(), uuid4()
    quota.reserve(first, ON)
    assert (quota.used, quota.remaining, quota.holds(first), quota.holds(second)) == (1, 1, True, False)
    with pytest.raises(Duplicate) as err:
        quota.reserve(first, ON)
    assert (err.value.code, err.value.rule, err.value.message) == (
        "DUPLICATE", "quota.reserve.once", "this nomination already holds a slot")
    quota.reserve(second, ON, enterprise=True)
    assert quota.reserved == {first.hex: False, second.hex: True} and quota.remaining == 0
    with pytest.raises(QuotaExceeded) as err:
        quota.reserve(uuid4(), ON)
    assert (err.value.code, err.value.rule, err.value.message, err.value.message_vi) == (
        "QUOTA_EXCEEDED", "plan.quota.p", "quota 'p' is used up (2 of 2)", "Đã hết chỉ tiêu khen thưởng (2)")


def test_a_pool_of_no_slots_admits_no_one():
    with pytest.raises(QuotaExceeded) as err:
        ledger(0).reserve(uuid4(), ON, enterprise=True)
    assert err.value.message == "quota 'p' is used up (0 of 0)"


def test_a_slot_given_back_can_be_taken_again():
    quota, held = ledger(1), uuid4()
    quota.reserve(held, ON)
    quota.release(held, ON, "award rejected")
    assert (quota.used, quota.remaining, quota.holds(held)) == (0, 1, False)
    quota.reserve(uuid4(), ON)
    with pytest.raises(BadInput) as err:
        quota.release(held, ON, "again")
    assert (err.value.code, err.value.rule, err.value.message) == (
        "BAD_INPUT", "quota.release", "no slot is held for this nomination")


def test_the_remaining_slots_are_held_for_waiting_enterprise_unions():
    quota = ledger(3, priority="enterprise_grassroots")
    quota.reserve(uuid4(), ON, enterprise=False, enterprise_waiting=2)  # 3 left, 2 waiting
    with pytest.raises(PriorityNotRespected) as err:
        quota.reserve(uuid4(), ON, enterprise=False, enterprise_waiting=2)  # 2 left, 2 waiting
    assert (err.value.code, err.value.rule, err.value.message) == (
        "PRIORITY_NOT_RESPECTED", "plan.quota.p.priority",
        "remaining slots are held for enterprise grassroots unions")
    quota.reserve(uuid4(), ON, enterprise=True, enterprise_waiting=2)
    quota.reserve(uuid4(), ON, enterprise=False, enterprise_waiting=0)
    assert quota.remaining == 0


def test_without_a_priority_rule_waiting_enterprises_hold_nothing():
    quota = ledger(1)
    quota.reserve(uuid4(), ON, enterprise=False, enterprise_waiting=5)
    assert quota.used == 1


def test_a_negative_number_of_waiting_enterprises_is_refused():
    with pytest.raises(BadInput) as err:
        ledger(1, "enterprise_grassroots").reserve(uuid4(), ON, enterprise_waiting=-1)
    assert (err.value.rule, err.value.message) == ("quota.priority",
                                                   "enterprise_waiting must be a non-negative integer")


def test_a_ledger_opens_with_the_plans_rule_and_the_basis(plan):
    nominating = uuid4()
    quota = open_quota(plan, "khen_huyen_5_phan_tram", nominating, registered_collectives=59)
    assert (quota.id, quota.tenant, quota.plan_id, quota.pool, quota.nominating_unit_id) == (
        quota_id(TENANT, plan.id, "khen_huyen_5_phan_tram", nominating), TENANT, plan.id,
        "khen_huyen_5_phan_tram", nominating)
    assert (quota.limit, quota.basis, quota.priority, quota.used) == (2, 59, "enterprise_grassroots", 0)
    assert open_quota(plan, "de_nghi_bang_khen", nominating, registered_collectives=0, cap=3).limit == 3


def test_a_ledger_for_a_pool_the_plan_lacks_or_a_negative_basis_is_refused(plan):
    with pytest.raises(BadInput) as err:
        open_quota(plan, "khen_tinh", DISTRICT, registered_collectives=10)
    assert (err.value.rule, err.value.message) == ("plan.quota_rules", "the plan has no quota rule 'khen_tinh'")
    with pytest.raises(BadInput) as err:
        open_quota(plan, "de_nghi_bang_khen", DISTRICT, registered_collectives=-1)
    assert (err.value.rule, err.value.message) == ("quota.basis",
                                                   "registered_collectives must be a non-negative integer")


def test_the_ledgers_events_record_the_day_and_the_reason():
    quota, held = ledger(1), uuid4()
    quota.reserve(held, ON, enterprise=True)
    quota.release(held, date(2022, 2, 1), "thu hồi khen thưởng")
    opened, reserved, released = quota.collect_events()
    assert (reserved.nomination_id, reserved.on, reserved.enterprise) == (held, ON, True)
    assert (released.nomination_id, released.on, released.reason) == (held, date(2022, 2, 1), "thu hồi khen thưởng")
