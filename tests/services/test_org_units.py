"""Org units through the store: a merged unit's history stays readable under its own id as of
an earlier date and counts for its successor as now; splits, moves and dissolutions."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import DomainError
from domain.registration import Target
from seeds import seed_002
from services import registrations
from services.org_units import NewUnit, create_unit, dissolve_unit, merge_unit, move_unit, rename_unit, split_unit
from tenants.org_reader import load_timeline

from .conftest import CTX, launched_plan

REFORM = date(2025, 7, 1)  # district federations abolished


async def test_merged_unit_keeps_its_history_and_counts_for_its_successor_now(platform, org):
    merged, successor = org.unions[0], org.unions[1]
    plan_id = await launched_plan(platform, org.tenant, seed_002, org.district, date(2021, 1, 25))
    reg = await registrations.register_unit(platform, org.tenant, CTX, plan_id=plan_id, unit_id=merged,
                                            phase=seed_002.PHASE_1, targets=[Target("Sáng kiến", 2)],
                                            on=date(2021, 2, 1))
    before_merge = (await platform.repository.get(org.tenant, merged)).version
    snapshot_time = (await platform.store.read_stream(org.tenant, merged))[-1].recorded_at
    await merge_unit(platform, org.tenant, CTX, merged, successor_id=successor, effective=date(2023, 1, 1))

    as_of = await platform.repository.get(org.tenant, merged, as_of=snapshot_time)
    assert as_of.version == before_merge and as_of.ended_on is None and as_of.name == "CĐCS Công ty 0"
    now = await platform.repository.get(org.tenant, merged)
    assert now.end == "merged" and now.successor_ids == [successor]

    timeline = await load_timeline(platform, org.tenant)
    assert timeline.view(merged, date(2022, 12, 31)).name == "CĐCS Công ty 0"
    assert merged in timeline.tree_as_of(date(2022, 12, 31)) and merged not in timeline.tree_as_of(date.max)
    assert timeline.attribution_now(merged) == successor
    # The registration stays under the merged unit's own id; rollups "as now" count it for the successor.
    stored = await platform.repository.get(org.tenant, reg.id)
    assert stored.unit_id == merged and timeline.attribution_now(stored.unit_id) == successor


async def test_merged_unit_is_out_of_scope_after_its_end(platform, org):
    merged, successor = org.unions[0], org.unions[1]
    await merge_unit(platform, org.tenant, CTX, merged, successor_id=successor, effective=date(2020, 12, 1))
    plan_id = await launched_plan(platform, org.tenant, seed_002, org.district, date(2021, 1, 25))
    with pytest.raises(DomainError) as err:
        await registrations.register_unit(platform, org.tenant, CTX, plan_id=plan_id, unit_id=merged,
                                          phase=seed_002.PHASE_1, targets=[], on=date(2021, 2, 1))
    assert err.value.code == "OUT_OF_SCOPE"


async def test_reform_moves_unions_then_dissolves_the_district_federation(platform, org):
    commune = (await create_unit(platform, org.tenant, CTX, kind="commune_union", name="Công đoàn xã Thanh Điền",
                                 parent_id=org.root, effective=REFORM)).id
    for union in org.unions:
        await move_unit(platform, org.tenant, CTX, union, parent_id=commune, effective=REFORM)
    with pytest.raises(DomainError) as err:  # the other district still has nothing, this one is empty now
        await dissolve_unit(platform, org.tenant, CTX, org.root, effective=REFORM)
    assert err.value.code == "ORG_HAS_ACTIVE_CHILDREN"
    await dissolve_unit(platform, org.tenant, CTX, org.district, effective=REFORM)
    timeline = await load_timeline(platform, org.tenant)
    assert timeline.parent_as_of(org.unions[0], date(2025, 6, 30)) == org.district
    assert timeline.parent_as_of(org.unions[0], REFORM) == commune
    assert org.district not in timeline.tree_as_of(date.max)


async def test_split_creates_the_new_units_and_the_first_inherits(platform, org):
    result = await split_unit(platform, org.tenant, CTX, org.unions[0], effective=date(2022, 1, 1),
                              into=[NewUnit("grassroots_union", "CĐCS Công ty 0A", enterprise=True),
                                    NewUnit("grassroots_union", "CĐCS Công ty 0B")])
    first, second = result.created
    timeline = await load_timeline(platform, org.tenant)
    assert timeline.attribution_now(org.unions[0]) == first
    assert timeline.parent_as_of(second, date(2022, 1, 1)) == org.district


async def test_moving_a_unit_under_its_own_descendant_is_refused(platform, org):
    with pytest.raises(DomainError) as err:
        await move_unit(platform, org.tenant, CTX, org.district, parent_id=org.unions[0], effective=date(2022, 1, 1))
    assert err.value.code == "ORG_INVALID_PARENT"  # a grassroots union cannot hold a district federation


async def test_rename_is_dated_and_names_are_nfc(platform, org):
    decomposed = "LĐLĐ huyện Châu Thành mới".replace("ành", "a\u0300nh")
    await rename_unit(platform, org.tenant, CTX, org.district, name=decomposed, effective=date(2024, 1, 1))
    timeline = await load_timeline(platform, org.tenant)
    assert timeline.view(org.district, date(2023, 12, 31)).name == "LĐLĐ huyện Châu Thành"
    assert timeline.view(org.district, date(2024, 1, 1)).name == "LĐLĐ huyện Châu Thành mới"
