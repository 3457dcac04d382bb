"""Registrations through the store: seed 001's and 002's deadlines, scope, duplicates, races."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from domain.errors import DomainError
from domain.registration import Target
from seeds import seed_001, seed_002
from services import registrations
from services.context import CommandContext
from services.errors import ConcurrencyError

from .conftest import CTX, launched_plan

TARGETS = [Target("Doanh thu", 100, "triệu đồng")]


@pytest.fixture
async def plan_001(platform, org):
    return await launched_plan(platform, org.tenant, seed_001, org.district, date(2021, 10, 1))


async def register(platform, org, plan_id, unit, on, phase=seed_001.PHASE, ctx=CTX):
    return await registrations.register_unit(platform, org.tenant, ctx, plan_id=plan_id, unit_id=unit,
                                             phase=phase, targets=TARGETS, on=on)


async def test_seed_001_registration_on_12_october_is_on_time_and_13_october_is_refused(platform, org, plan_001):
    result = await register(platform, org, plan_001, org.unions[0], date(2021, 10, 12))
    assert result.version == 1
    with pytest.raises(DomainError) as err:
        await register(platform, org, plan_001, org.unions[1], date(2021, 10, 13))
    assert err.value.code == "DEADLINE_PASSED" and err.value.rule == "plan.registration_deadline"
    assert await registrations.get_registration(platform, org.tenant, plan_id=plan_001, phase=seed_001.PHASE,
                                                unit_id=org.unions[1]) is None


async def test_unit_outside_the_issuing_units_subtree_is_out_of_scope(platform, org, plan_001):
    with pytest.raises(DomainError) as err:
        await register(platform, org, plan_001, org.other_district, date(2021, 10, 2))
    assert err.value.code == "OUT_OF_SCOPE"
    with pytest.raises(DomainError) as err:
        await register(platform, org, plan_001, org.district, date(2021, 10, 2))  # the issuer itself
    assert err.value.code == "OUT_OF_SCOPE"


async def test_second_registration_of_a_unit_for_a_phase_is_a_duplicate(platform, org, plan_001):
    await register(platform, org, plan_001, org.unions[0], date(2021, 10, 2))
    with pytest.raises(DomainError) as err:
        await register(platform, org, plan_001, org.unions[0], date(2021, 10, 3))
    assert err.value.code == "DUPLICATE"


async def test_two_registrations_of_one_unit_racing_give_exactly_one(platform, org, plan_001):
    attempts = [register(platform, org, plan_001, org.unions[0], date(2021, 10, 2)) for _ in range(8)]
    results = await asyncio.gather(*attempts, return_exceptions=True)
    assert sum(not isinstance(r, BaseException) for r in results) == 1
    assert {r.code for r in results if isinstance(r, BaseException)} == {"DUPLICATE"}


async def test_a_retried_registration_with_the_same_idempotency_key_is_replayed(platform, org, plan_001):
    ctx = CommandContext(actor="officer", idempotency_key="reg-1")
    first = await register(platform, org, plan_001, org.unions[0], date(2021, 10, 2), ctx=ctx)
    again = await register(platform, org, plan_001, org.unions[0], date(2021, 10, 2), ctx=ctx)
    assert (again.id, again.version, again.replayed) == (first.id, 1, True)


async def test_a_double_submit_racing_itself_answers_both_with_the_one_registration(platform, org, plan_001):
    """The same form sent twice at once (a double click): one writes, the other, losing the
    race, answers the winner's result instead of DUPLICATE."""
    ctx = CommandContext(actor="officer", idempotency_key="reg-double-click")
    results = await asyncio.gather(*[register(platform, org, plan_001, org.unions[0], date(2021, 10, 2), ctx=ctx)
                                     for _ in range(4)])
    assert len({r.id for r in results}) == 1 and sorted(r.replayed for r in results) == [False, True, True, True]


async def test_result_with_a_stale_expected_version_is_a_conflict(platform, org, plan_001):
    reg = await register(platform, org, plan_001, org.unions[0], date(2021, 10, 2))
    await registrations.record_result(platform, org.tenant, CTX, reg.id, indicator="Doanh thu", achieved=120,
                                      on=date(2021, 12, 1), expected_version=1)
    with pytest.raises(ConcurrencyError):
        await registrations.record_result(platform, org.tenant, CTX, reg.id, indicator="Doanh thu",
                                          achieved=130, on=date(2021, 12, 2), expected_version=1)


async def test_seed_002_phases_have_their_own_registration_deadlines(platform, org):
    plan_id = await launched_plan(platform, org.tenant, seed_002, org.district, date(2021, 1, 25))
    unit = org.unions[0]
    await register(platform, org, plan_id, unit, date(2021, 3, 2), phase=seed_002.PHASE_1)
    with pytest.raises(DomainError) as err:  # "trước ngày 03/3/2021"
        await register(platform, org, plan_id, org.unions[1], date(2021, 3, 3), phase=seed_002.PHASE_1)
    assert err.value.code == "DEADLINE_PASSED"
    # The same unit registers again for phase 2: a different stream, not a duplicate.
    await register(platform, org, plan_id, unit, date(2021, 6, 30), phase=seed_002.PHASE_2)
    with pytest.raises(DomainError) as err:  # "trước ngày 01/7/2021"
        await register(platform, org, plan_id, org.unions[1], date(2021, 7, 1), phase=seed_002.PHASE_2)
    assert err.value.code == "DEADLINE_PASSED"


async def test_another_tenant_cannot_see_the_plan(platform, org, plan_001, other_tenant_id):
    from services.errors import NotFoundError
    with pytest.raises(NotFoundError):
        await registrations.register_unit(platform, other_tenant_id, CTX, plan_id=plan_001, unit_id=org.unions[0],
                                          phase=seed_001.PHASE, targets=TARGETS, on=date(2021, 10, 2))
