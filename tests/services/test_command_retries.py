"""Racing commands: the server retries a lost race itself unless the client named a version."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

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
