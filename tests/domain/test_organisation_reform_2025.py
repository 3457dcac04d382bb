"""The 1 July 2025 reform: district level abolished, 63 provinces merged into 34.

Bình Phước merged into Đồng Nai, Long An into Tây Ninh, Kiên Giang into An Giang; the
district federation of Phú Riềng merged into a new commune-level union whose seat it was.
"""

from datetime import date

import pytest

from domain.organisation import OrgTimeline, OrgUnit, UnitKind, changes_from_events

REFORM = date(2025, 7, 1)
SEED_001_CAMPAIGN = date(2021, 10, 1)


class Country:
    """Builds units through the aggregate, then a timeline from their events."""

    def __init__(self) -> None:
        self.units: list[OrgUnit] = []
        self.root = self.add(UnitKind.NATIONAL_BODY, "Tổng Liên đoàn Lao động Việt Nam", None, date(1929, 7, 28))

    def add(self, kind, name, parent, on, enterprise=False) -> OrgUnit:
        unit = OrgUnit.create(tenant_id="vn", kind=kind, name=name, parent=parent, effective=on,
                              enterprise=enterprise)
        self.units.append(unit)
        return unit

    def province(self, name: str, on: date = date(1997, 1, 1)) -> OrgUnit:
        return self.add(UnitKind.PROVINCE_FEDERATION, name, self.root, on)

    def timeline(self) -> OrgTimeline:
        return OrgTimeline(c for u in self.units for c in changes_from_events(u.collect_events()))


@pytest.fixture
def vn():
    c = Country()
    c.binh_phuoc, c.dong_nai = c.province("LĐLĐ tỉnh Bình Phước"), c.province("LĐLĐ tỉnh Đồng Nai", date(1976, 1, 1))
    c.long_an, c.tay_ninh = c.province("LĐLĐ tỉnh Long An"), c.province("LĐLĐ tỉnh Tây Ninh")
    c.kien_giang, c.an_giang = c.province("LĐLĐ tỉnh Kiên Giang"), c.province("LĐLĐ tỉnh An Giang")
    c.district = c.add(UnitKind.DISTRICT_FEDERATION, "LĐLĐ huyện Phú Riềng", c.binh_phuoc, date(2015, 4, 1))
    c.rubber = c.add(UnitKind.GRASSROOTS_UNION, "CĐCS Công ty TNHH MTV Cao su Phú Riềng", c.district,
                     date(2015, 6, 1), enterprise=True)
    c.school = c.add(UnitKind.GRASSROOTS_UNION, "CĐCS Trường THCS Phú Riềng", c.district, date(2016, 9, 1))
    c.closed = c.add(UnitKind.GRASSROOTS_UNION, "CĐCS Công ty May Phú Riềng", c.district, date(2017, 1, 1))
    c.closed.dissolve(date(2023, 3, 1))
    reform(c)
    return c


def reform(c: Country) -> None:
    c.commune = c.add(UnitKind.COMMUNE_UNION, "Công đoàn xã Phú Riềng", c.dong_nai, REFORM)
    for cdcs in (c.rubber, c.school):
        cdcs.move(c.commune, REFORM)
    c.district.merge_into(c.commune, REFORM)
    c.binh_phuoc.merge_into(c.dong_nai, REFORM)
    c.long_an.merge_into(c.tay_ninh, REFORM)
    c.kien_giang.merge_into(c.an_giang, REFORM)


def test_grassroots_unions_were_under_the_district_during_the_2021_campaign(vn):
    t = vn.timeline()
    assert t.children(vn.district.id, SEED_001_CAMPAIGN) == [vn.closed.id, vn.rubber.id, vn.school.id]  # by name
    assert t.ancestors(vn.rubber.id, SEED_001_CAMPAIGN) == [vn.district.id, vn.binh_phuoc.id, vn.root.id]


def test_grassroots_unions_are_under_the_new_commune_union_now(vn):
    t = vn.timeline()
    assert t.ancestors(vn.rubber.id) == [vn.commune.id, vn.dong_nai.id, vn.root.id]
    assert t.children(vn.commune.id) == [vn.rubber.id, vn.school.id]
    assert t.view(vn.rubber.id).enterprise is True


def test_merged_district_stays_readable_under_its_own_id_as_of_2021(vn):
    t = vn.timeline()
    view = t.view(vn.district.id, SEED_001_CAMPAIGN)
    assert (view.name, view.parent_id, view.kind, view.level) == (
        "LĐLĐ huyện Phú Riềng", vn.binh_phuoc.id, UnitKind.DISTRICT_FEDERATION, 2)
    assert vn.district.id in t.tree_as_of(date(2025, 6, 30))
    assert vn.district.id not in t.tree_as_of(date.max)


def test_merged_units_are_attributed_to_their_successors_now(vn):
    t = vn.timeline()
    assert t.attribution_now(vn.district.id) == vn.commune.id
    assert t.path_now(vn.district.id) == [vn.commune.id, vn.dong_nai.id, vn.root.id]
    pairs = [(vn.binh_phuoc, vn.dong_nai), (vn.long_an, vn.tay_ninh), (vn.kien_giang, vn.an_giang)]
    assert all(t.attribution_now(old.id) == new.id for old, new in pairs)


def test_dissolved_unit_keeps_its_history_and_rolls_up_through_its_last_parents_successor(vn):
    t = vn.timeline()
    assert t.attribution_now(vn.closed.id) == vn.closed.id
    assert t.path_now(vn.closed.id) == [vn.closed.id, vn.commune.id, vn.dong_nai.id, vn.root.id]


def test_as_of_a_day_history_is_carried_as_path_now_carried_it_that_day(vn):
    """A rollup as of a day counts each unit where the present-time rollup counted it on that
    day: during the 2021 campaign along the district; after the dissolution of 2023 the
    closed union rolls up through its last parent; after the 2025 reform the merged district
    is carried by the new commune union, and as of today the path is path_now's."""
    t = vn.timeline()
    assert t.path_on(vn.rubber.id, SEED_001_CAMPAIGN) == [vn.rubber.id, vn.district.id, vn.binh_phuoc.id, vn.root.id]
    assert t.path_on(vn.closed.id, date(2024, 1, 1)) == [vn.closed.id, vn.district.id, vn.binh_phuoc.id, vn.root.id]
    assert t.path_on(vn.district.id, REFORM) == [vn.commune.id, vn.dong_nai.id, vn.root.id]
    assert t.path_on(vn.closed.id, REFORM) == t.path_now(vn.closed.id)
    for unit in (vn.district, vn.closed, vn.rubber, vn.binh_phuoc):
        assert t.path_on(unit.id, date.max) == t.path_now(unit.id)
    assert t.path_on(vn.commune.id, date(2000, 1, 1)) == [], "not begun yet"


def test_provinces_go_from_six_to_three_in_this_sample(vn):
    t = vn.timeline()
    assert len(t.children(vn.root.id, date(2025, 6, 30))) == 6
    assert [t.view(u, REFORM).name for u in t.children(vn.root.id, REFORM)] == [
        "LĐLĐ tỉnh An Giang", "LĐLĐ tỉnh Đồng Nai", "LĐLĐ tỉnh Tây Ninh"]


def test_ending_a_unit_with_units_still_under_it_is_refused_by_the_timeline(vn):
    from domain.organisation import HasActiveChildren

    t = vn.timeline()
    with pytest.raises(HasActiveChildren):
        t.check_end(vn.dong_nai.id, date(2026, 1, 1))
    t.check_end(vn.district.id, REFORM)  # its unions were moved first
