"""Racing commands: the server retries a lost race itself unless the client named a version,
and a double submit (two runs with one idempotency key) writes once and answers both."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date

import pytest

from domain.errors import Duplicate
from services.commands import run_command
from services.errors import ConcurrencyError
from services.org_units import rename_unit
from tests.services.conftest import CTX

RACERS = 12


async def test_racing_renames_without_a_version_all_succeed(platform, org):
    renames = [rename_unit(platform, org.tenant, CTX, org.district, name=f"LĐLĐ huyện {n}",
                           effective=date(2024, 1, 1 + n)) for n in range(RACERS)]
    results = await asyncio.gather(*renames)
    assert sorted(r.version for r in results) == list(range(2, RACERS + 2))


async def test_racing_renames_naming_the_same_version_leave_one_winner_and_conflicts(platform, org):
    renames = [rename_unit(platform, org.tenant, CTX, org.district, name=f"LĐLĐ huyện {n}",
                           effective=date(2024, 1, 1 + n), expected_version=1) for n in range(RACERS)]
    results = await asyncio.gather(*renames, return_exceptions=True)
    winners = [r for r in results if not isinstance(r, BaseException)]
    assert len(winners) == 1 and winners[0].version == 2
    assert all(isinstance(r, ConcurrencyError) for r in results if r not in winners)


async def test_a_stale_version_is_a_conflict_at_once(platform, org):
    await rename_unit(platform, org.tenant, CTX, org.district, name="LĐLĐ huyện A", effective=date(2024, 1, 1))
    with pytest.raises(ConcurrencyError):
        await rename_unit(platform, org.tenant, CTX, org.district, name="LĐLĐ huyện B",
                          effective=date(2024, 1, 2), expected_version=1)


async def test_a_refusal_met_after_the_same_key_committed_answers_the_first_result(platform, org):
    """The second of a double submit checks the key before the first commits, then meets the
    first's effect (here: a slot already held) and is refused; the key now answers it."""
    ctx = replace(CTX, idempotency_key="decide-form-1")
    first = []

    async def decide_after_the_first_committed():
        first.append(await rename_unit(platform, org.tenant, ctx, org.district, name="LĐLĐ huyện A",
                                       effective=date(2024, 1, 1)))
        raise Duplicate("this nomination already holds a slot", rule="quota.reserve.once")

    second = await run_command(platform, org.tenant, ctx, "rename_unit", decide_after_the_first_committed)
    assert (second.id, second.version, second.position, second.replayed) == \
        (first[0].id, first[0].version, first[0].position, True)


async def test_a_refusal_with_no_committed_run_of_its_key_is_raised(platform, org):
    async def refused():
        raise Duplicate("this nomination already holds a slot", rule="quota.reserve.once")

    with pytest.raises(Duplicate):
        await run_command(platform, org.tenant, replace(CTX, idempotency_key="decide-form-2"), "rename_unit", refused)
