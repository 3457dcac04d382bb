"""OrgUnit commands: each change carries an effective date and is refused when it breaks a rule."""

from datetime import date
from uuid import uuid4

import pytest

from domain.errors import DomainError
from domain.organisation import (
    ChangeBeforeCreation, EnterpriseFlagNotAllowed, InvalidParent, InvalidSplit, InvalidUnitName,
    NotActiveOnDate, OrgUnit, SelfReference, UnitEnded, UnitKind, changes_from_events,
)
from domain.organisation.changes import ChangeType

T = "ldld-binh-phuoc"


def national() -> OrgUnit:
    return OrgUnit.create(tenant_id=T, kind=UnitKind.NATIONAL_BODY, name="Tổng Liên đoàn Lao động Việt Nam",
                          parent=None, effective=date(1929, 7, 28))


def province(parent: OrgUnit, name: str = "LĐLĐ tỉnh Bình Phước", on: date = date(1997, 1, 1)) -> OrgUnit:
    return OrgUnit.create(tenant_id=T, kind=UnitKind.PROVINCE_FEDERATION, name=name, parent=parent, effective=on)


def grassroots(parent: OrgUnit, on: date = date(2016, 1, 1), enterprise: bool = False) -> OrgUnit:
    return OrgUnit.create(tenant_id=T, kind=UnitKind.GRASSROOTS_UNION, name="CĐCS Công ty Cao su Phú Riềng",
                          parent=parent, effective=on, enterprise=enterprise)


def test_created_unit_has_nfc_name_kind_level_and_parent():
    root = national()
    decomposed = "LĐLĐ tỉnh Bi\u0300nh Phu\u031bo\u031b\u0301c"  # NFD input
    unit = province(root, name=f"  {decomposed}  ")
    assert unit.name == "LĐLĐ tỉnh Bình Phước"
    assert (unit.kind, unit.level, unit.parent_id, unit.tenant_id) == (UnitKind.PROVINCE_FEDERATION, 1, root.id, T)
    assert unit.is_active_on(date(1997, 1, 1)) and not unit.is_active_on(date(1996, 12, 31))


def test_created_unit_may_take_a_given_id():
    given = uuid4()
    unit = OrgUnit.create(tenant_id=T, kind="national_body", name="TLĐ", parent=None,
                          effective=date(1929, 7, 28), id=given)
    assert unit.id == given


def test_blank_name_is_refused():
    with pytest.raises(InvalidUnitName) as err:
        province(national(), name="   ")
    assert err.value.code == "ORG_INVALID_NAME" and isinstance(err.value, DomainError)


@pytest.mark.parametrize("kind", [UnitKind.PROVINCE_FEDERATION, UnitKind.GRASSROOTS_UNION])
def test_unit_other_than_national_body_needs_a_parent(kind):
    with pytest.raises(InvalidParent):
        OrgUnit.create(tenant_id=T, kind=kind, name="X", parent=None, effective=date(2020, 1, 1))


def test_national_body_has_no_parent():
    with pytest.raises(InvalidParent):
        OrgUnit.create(tenant_id=T, kind=UnitKind.NATIONAL_BODY, name="X", parent=national(),
                       effective=date(2020, 1, 1))


def test_parent_must_be_at_a_higher_level():
    cdcs = grassroots(province(national()))
    with pytest.raises(InvalidParent) as err:
        OrgUnit.create(tenant_id=T, kind=UnitKind.COMMUNE_UNION, name="Công đoàn xã", parent=cdcs,
                       effective=date(2025, 7, 1))
    assert err.value.rule == "org.parent.level"


def test_levels_may_be_skipped_for_a_grassroots_union_directly_under_a_province():
    assert grassroots(province(national())).level == 3


def test_division_may_sit_under_a_department_or_its_public_service_unit():
    dept = OrgUnit.create(tenant_id=T, kind=UnitKind.DEPARTMENT, name="Sở LĐTBXH", parent=national(),
                          effective=date(2008, 1, 1))
    psu = OrgUnit.create(tenant_id=T, kind=UnitKind.PUBLIC_SERVICE_UNIT, name="Trung tâm Dịch vụ việc làm",
                         parent=dept, effective=date(2010, 1, 1))
    for parent in (dept, psu):
        OrgUnit.create(tenant_id=T, kind=UnitKind.DIVISION, name="Phòng", parent=parent, effective=date(2011, 1, 1))


def test_parent_must_exist_on_the_effective_date():
    with pytest.raises(NotActiveOnDate):
        province(national(), on=date(1900, 1, 1))


def test_only_a_grassroots_union_can_be_flagged_enterprise():
    assert grassroots(province(national()), enterprise=True).enterprise is True
    with pytest.raises(EnterpriseFlagNotAllowed):
        OrgUnit.create(tenant_id=T, kind=UnitKind.COMMUNE_UNION, name="X", parent=national(),
                       effective=date(2025, 7, 1), enterprise=True)


def test_rename_before_creation_is_refused():
    unit = province(national())
    with pytest.raises(ChangeBeforeCreation) as err:
        unit.rename("LĐLĐ Bình Phước", date(1996, 1, 1))
    assert err.value.code == "ORG_CHANGE_BEFORE_CREATION"


def test_backdated_rename_keeps_the_latest_effective_name_current():
    unit = province(national())
    unit.rename("Liên đoàn Lao động tỉnh Bình Phước", date(2020, 1, 1))
    unit.rename("LĐLĐ Bình Phước", date(2010, 1, 1))
    assert unit.name == "Liên đoàn Lao động tỉnh Bình Phước"


def test_move_under_itself_is_refused():
    unit = province(national())
    with pytest.raises(SelfReference):
        unit.move(unit, date(2020, 1, 1))


def test_move_changes_the_parent_from_its_effective_date():
    root = national()
    old, new = province(root), province(root, name="LĐLĐ tỉnh Đồng Nai", on=date(1976, 1, 1))
    cdcs = grassroots(old)
    cdcs.move(new, date(2025, 7, 1))
    assert cdcs.parent_id == new.id


def test_merge_ends_the_unit_and_names_its_successor():
    root = national()
    bp, dn = province(root), province(root, name="LĐLĐ tỉnh Đồng Nai", on=date(1976, 1, 1))
    bp.merge_into(dn, date(2025, 7, 1))
    assert (bp.end, bp.ended_on, bp.successor_ids) == ("merged", date(2025, 7, 1), [dn.id])
    assert bp.is_active_on(date(2025, 6, 30)) and not bp.is_active_on(date(2025, 7, 1))


def test_merge_into_itself_is_refused():
    unit = province(national())
    with pytest.raises(SelfReference) as err:
        unit.merge_into(unit, date(2025, 7, 1))
    assert err.value.code == "ORG_SELF_REFERENCE"


def test_merge_into_a_successor_not_yet_created_is_refused():
    root = national()
    bp, later = province(root), province(root, name="Mới", on=date(2026, 1, 1))
    with pytest.raises(NotActiveOnDate):
        bp.merge_into(later, date(2025, 7, 1))


@pytest.mark.parametrize("change", ["rename", "move", "dissolve", "merge"])
def test_changes_on_or_after_the_end_are_refused(change):
    root = national()
    unit, other = province(root), province(root, name="Khác")
    unit.dissolve(date(2025, 7, 1))
    with pytest.raises(UnitEnded) as err:
        {"rename": lambda: unit.rename("Y", date(2025, 7, 1)),
         "move": lambda: unit.move(root, date(2025, 8, 1)),
         "dissolve": lambda: unit.dissolve(date(2026, 1, 1)),
         "merge": lambda: unit.merge_into(other, date(2026, 1, 1))}[change]()
    assert err.value.code == "ORG_UNIT_ENDED"


def test_end_before_a_recorded_change_is_refused():
    unit = province(national())
    unit.rename("Tên mới", date(2024, 1, 1))
    with pytest.raises(UnitEnded) as err:
        unit.dissolve(date(2023, 1, 1))
    assert err.value.rule == "org.end.after_last_change"


def test_split_needs_two_distinct_new_units_other_than_itself():
    unit = province(national())
    a = uuid4()
    for into in ([a], [a, a], [a, unit.id]):
        with pytest.raises((InvalidSplit, SelfReference)):
            unit.split(into, date(2025, 7, 1))
    unit.split([a, uuid4()], date(2025, 7, 1))
    assert unit.end == "split" and unit.successor_ids[0] == a


def test_events_are_past_tense_with_effective_dates_and_convert_to_changes():
    root = national()
    unit = province(root)
    unit.rename("LĐLĐ Bình Phước", date(2000, 1, 1))
    unit.dissolve(date(2025, 7, 1))
    events = unit.collect_events()
    assert [type(e).__name__ for e in events] == ["Created", "Renamed", "Dissolved"]
    changes = changes_from_events(events)
    assert [(c.change, c.effective, c.seq) for c in changes] == [
        (ChangeType.CREATED, date(1997, 1, 1), 1), (ChangeType.RENAMED, date(2000, 1, 1), 2),
        (ChangeType.DISSOLVED, date(2025, 7, 1), 3)]
    assert changes[0].parent_id == root.id and changes[0].kind is UnitKind.PROVINCE_FEDERATION


def test_events_survive_the_json_mapper_and_rebuild_the_unit():
    from infra.serialization import create_mapper  # pure: the library's mapper, no I/O

    root = national()
    bp, dn = province(root), province(root, name="LĐLĐ tỉnh Đồng Nai", on=date(1976, 1, 1))
    bp.merge_into(dn, date(2025, 7, 1))
    mapper = create_mapper()
    reloaded = [mapper.to_domain_event(mapper.to_stored_event(e)) for e in bp.collect_events()]
    copy = None
    for e in reloaded:
        copy = e.mutate(copy)
    assert (copy.name, copy.kind, copy.successor_ids, copy.ended_on) == (
        bp.name, bp.kind, [dn.id], date(2025, 7, 1))
    assert changes_from_events(reloaded)[-1].successor_ids == (dn.id,)
    assert all(type(e).class_version == 1 for e in reloaded)
