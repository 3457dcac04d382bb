"""OrgTimeline built from plain facts: as-of lookups, succession and checks."""

from datetime import date
from uuid import UUID, uuid4

import pytest

from domain.organisation import (
    ChangeType, CreatesCycle, NotActiveOnDate, OrgTimeline, UnitChange, UnitKind, UnknownUnit, fold_name,
)

C = ChangeType
D = date


def created(uid, parent, on, kind=UnitKind.GRASSROOTS_UNION, name=None):
    return UnitChange(uid, C.CREATED, on, 1, kind=kind, name=name or str(uid)[:8], parent_id=parent)


def ids(n: int) -> list[UUID]:
    return [uuid4() for _ in range(n)]


def test_a_name_as_of_a_day_follows_renames_by_effective_date_not_record_order():
    u = uuid4()
    t = OrgTimeline([
        created(u, None, D(2000, 1, 1), name="A"),
        UnitChange(u, C.RENAMED, D(2020, 1, 1), 2, name="C"),
        UnitChange(u, C.RENAMED, D(2010, 1, 1), 3, name="B"),  # entered later, backdated
    ])
    assert [t.view(u, D(y, 1, 1)).name for y in (2000, 2009, 2010, 2019, 2020)] == ["A", "A", "B", "B", "C"]


def test_same_day_changes_apply_in_record_order():
    u, p, q = ids(3)
    t = OrgTimeline([created(p, None, D(2000, 1, 1)), created(q, None, D(2000, 1, 1)),
                     created(u, p, D(2000, 1, 1)),
                     UnitChange(u, C.MOVED, D(2005, 1, 1), 3, parent_id=p),
                     UnitChange(u, C.MOVED, D(2005, 1, 1), 2, parent_id=q)])
    assert t.parent_as_of(u, D(2005, 1, 1)) == p


def test_facts_may_arrive_in_any_order():
    u, p = ids(2)
    facts = [UnitChange(u, C.DISSOLVED, D(2010, 1, 1), 2), created(u, p, D(2001, 1, 1)), created(p, None, D(2000, 1, 1))]
    t = OrgTimeline(facts)
    assert t.children(p, D(2005, 1, 1)) == [u] and t.children(p, D(2010, 1, 1)) == []


def test_a_change_for_an_unknown_unit_is_refused():
    with pytest.raises(UnknownUnit) as err:
        OrgTimeline([UnitChange(uuid4(), C.RENAMED, D(2000, 1, 1), 2, name="X")])
    assert err.value.code == "ORG_UNKNOWN_UNIT"


def test_asking_about_a_unit_on_a_day_it_did_not_exist_is_refused():
    u = uuid4()
    t = OrgTimeline([created(u, None, D(2000, 1, 1)), UnitChange(u, C.DISSOLVED, D(2010, 1, 1), 2)])
    for day in (D(1999, 12, 31), D(2010, 1, 1)):
        with pytest.raises(NotActiveOnDate):
            t.view(u, day)
    assert t.is_active(u, D(2009, 12, 31))


def test_descendants_are_listed_generation_by_generation():
    root, a, b, a1, a2 = ids(5)
    t = OrgTimeline([created(root, None, D(2000, 1, 1), UnitKind.NATIONAL_BODY, "0"),
                     created(a, root, D(2000, 1, 1), UnitKind.PROVINCE_FEDERATION, "a"),
                     created(b, root, D(2000, 1, 1), UnitKind.PROVINCE_FEDERATION, "b"),
                     created(a1, a, D(2000, 1, 1), name="a1"), created(a2, a, D(2001, 1, 1), name="a2")])
    assert t.descendants(root, D(2000, 6, 1)) == [a, b, a1]
    assert t.descendants(root) == [a, b, a1, a2]
    assert t.roots() == [root]


def test_path_stops_at_a_parent_outside_the_timeline():
    national, province = ids(2)  # the national body lives in another tenant
    t = OrgTimeline([created(province, national, D(1997, 1, 1), UnitKind.PROVINCE_FEDERATION)])
    assert t.ancestors(province) == [national]
    assert t.roots() == [province]


def test_merge_chains_are_followed_to_the_unit_standing_now():
    a, b, c = ids(3)
    t = OrgTimeline([created(x, None, D(2000, 1, 1)) for x in (a, b, c)] + [
        UnitChange(a, C.MERGED, D(2010, 1, 1), 2, successor_ids=(b,)),
        UnitChange(b, C.MERGED, D(2020, 1, 1), 2, successor_ids=(c,))])
    assert t.attribution_now(a) == c


def test_a_split_unit_is_attributed_to_its_first_listed_successor():
    old, first, second = ids(3)
    t = OrgTimeline([created(old, None, D(2000, 1, 1)), created(first, None, D(2010, 1, 1)),
                     created(second, None, D(2010, 1, 1)),
                     UnitChange(old, C.SPLIT, D(2010, 1, 1), 2, successor_ids=(first, second))])
    assert t.attribution_now(old) == first
    assert t.attribution_now(second) == second


def test_a_chain_ending_in_a_dissolution_is_attributed_to_the_dissolved_unit():
    a, b = ids(2)
    t = OrgTimeline([created(a, None, D(2000, 1, 1)), created(b, None, D(2000, 1, 1)),
                     UnitChange(a, C.MERGED, D(2010, 1, 1), 2, successor_ids=(b,)),
                     UnitChange(b, C.DISSOLVED, D(2020, 1, 1), 2)])
    assert t.attribution_now(a) == b


def test_path_now_replaces_each_merged_ancestor_by_its_successor():
    root, old_prov, new_prov, cdcs = ids(4)
    t = OrgTimeline([created(root, None, D(1929, 1, 1), UnitKind.NATIONAL_BODY),
                     created(old_prov, root, D(1997, 1, 1), UnitKind.PROVINCE_FEDERATION),
                     created(new_prov, root, D(1976, 1, 1), UnitKind.PROVINCE_FEDERATION),
                     created(cdcs, old_prov, D(2000, 1, 1)),  # never moved: history incomplete
                     UnitChange(old_prov, C.MERGED, D(2025, 7, 1), 2, successor_ids=(new_prov,))])
    assert t.path_now(cdcs) == [cdcs, new_prov, root]
    assert t.ancestors(cdcs) == []  # the recorded parent is gone; the path stops there


def test_a_move_that_would_make_a_cycle_is_refused():
    a, b, c = ids(3)
    t = OrgTimeline([created(a, None, D(2000, 1, 1)), created(b, a, D(2000, 1, 1)), created(c, b, D(2000, 1, 1))])
    with pytest.raises(CreatesCycle) as err:
        t.check_move(a, c, D(2001, 1, 1))
    assert err.value.code == "ORG_CYCLE"
    t.check_move(c, a, D(2001, 1, 1))


def test_a_backdated_move_is_checked_against_moves_already_recorded_for_later():
    a, b = ids(2)
    t = OrgTimeline([created(a, None, D(2000, 1, 1)), created(b, None, D(2000, 1, 1)),
                     UnitChange(b, C.MOVED, D(2020, 1, 1), 2, parent_id=a)])
    with pytest.raises(CreatesCycle):
        t.check_move(a, b, D(2010, 1, 1))  # fine in 2010, a cycle from 2020


def test_a_move_superseded_before_the_cycle_would_form_is_allowed():
    a, b, r = ids(3)
    t = OrgTimeline([created(x, None, D(2000, 1, 1)) for x in (a, b, r)] + [
        UnitChange(b, C.MOVED, D(2020, 1, 1), 2, parent_id=a),
        UnitChange(a, C.MOVED, D(2015, 1, 1), 2, parent_id=r)])
    t.check_move(a, b, D(2010, 1, 1))  # a goes back under r in 2015, before b joins a


def test_a_cycle_in_imported_facts_is_reported_not_looped():
    a, b = ids(2)
    t = OrgTimeline([created(a, b, D(2000, 1, 1)), created(b, a, D(2000, 1, 1))])
    with pytest.raises(CreatesCycle):
        t.ancestors(a, D(2000, 1, 1))


@pytest.mark.parametrize("left,right", [
    ("Phú Riềng", "Phú Riêng"), ("LĐLĐ", "ldld"), ("Đồng  Nai", "dong nai"),
    ("Bi\u0300nh Phu\u031bo\u031b\u0301c", "Bình Phước")])
def test_fold_name_matches_spellings_that_differ_in_accents_case_and_spaces(left, right):
    assert fold_name(left) == fold_name(right)


def test_fold_name_of_phu_rieng():
    assert fold_name("LĐLĐ huyện Phú Riềng") == "ldld huyen phu rieng"


def test_ending_a_unit_that_another_unit_merges_into_later_is_refused():
    from domain.organisation import StillReferenced

    x, y = ids(2)
    t = OrgTimeline([created(x, None, D(2000, 1, 1)), created(y, None, D(2000, 1, 1)),
                     UnitChange(x, C.MERGED, D(2000, 1, 3), 2, successor_ids=(y,))])
    with pytest.raises(StillReferenced) as err:
        t.check_merge(y, x, D(2000, 1, 2))  # backdated: y would be gone when x joins it
    assert err.value.code == "ORG_STILL_REFERENCED"


def test_merging_into_a_unit_whose_succession_leads_back_is_refused():
    a, b, c = ids(3)
    t = OrgTimeline([created(x, None, D(2000, 1, 1)) for x in (a, b, c)] + [
        UnitChange(b, C.MERGED, D(2000, 1, 1), 2, successor_ids=(c,)),
        UnitChange(c, C.SPLIT, D(2000, 1, 1), 2, successor_ids=(a, b))])
    with pytest.raises(CreatesCycle):
        t.check_merge(a, b, D(2020, 1, 1))


def test_ending_a_unit_that_gets_a_child_later_is_refused():
    from domain.organisation import HasActiveChildren

    p, child = ids(2)
    t = OrgTimeline([created(p, None, D(2000, 1, 1)), created(child, p, D(2010, 1, 1))])
    with pytest.raises(HasActiveChildren):
        t.check_end(p, D(2005, 1, 1))
