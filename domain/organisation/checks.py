"""Invariant checks for OrgUnit commands; each raises one precise OrgError."""

from __future__ import annotations

from datetime import date
from typing import Protocol
from uuid import UUID

from domain.organisation.errors import (
    ChangeBeforeCreation, EnterpriseFlagNotAllowed, InvalidParent, InvalidSplit,
    NotActiveOnDate, SelfReference, UnitEnded,
)
from domain.organisation.kinds import UnitKind, may_sit_under


class UnitState(Protocol):
    """What the checks read of an OrgUnit; naming it here keeps unit.py -> checks.py one-way."""

    kind: UnitKind
    name: str
    active_from: date
    last_change_on: date
    ended_on: date | None
    end: str | None

    @property
    def id(self) -> UUID: ...  # read-only on an Aggregate

    def is_active_on(self, day: date) -> bool: ...


def check_parent(kind: UnitKind, parent: UnitState | None, effective: date) -> None:
    if kind is UnitKind.NATIONAL_BODY:
        if parent is not None:
            raise InvalidParent("the national body has no parent", message_vi="Cơ quan Trung ương không có đơn vị cấp trên")
        return
    if parent is None:
        raise InvalidParent(f"a {kind.value} needs a parent unit", message_vi=f"{kind.label_vi.capitalize()} cần có đơn vị cấp trên")
    if not may_sit_under(kind, parent.kind):
        raise InvalidParent(f"a {kind.value} cannot sit under a {parent.kind.value}",
                            message_vi=f"{kind.label_vi.capitalize()} không thể trực thuộc {parent.kind.label_vi}")
    check_active(parent, effective, "parent")


def check_active(other: UnitState, effective: date, role: str) -> None:
    """A parent or successor must exist on the effective date."""
    if not other.is_active_on(effective):
        raise NotActiveOnDate(f"the {role} {other.name!r} is not active on {effective}",
                              message_vi=f"{other.name} không hoạt động vào ngày {effective:%d/%m/%Y}")


def check_enterprise(kind: UnitKind, enterprise: bool) -> None:
    if enterprise and kind is not UnitKind.GRASSROOTS_UNION:
        raise EnterpriseFlagNotAllowed(f"a {kind.value} cannot be an enterprise union",
                                       message_vi="Chỉ công đoàn cơ sở mới được đánh dấu là công đoàn doanh nghiệp")


def check_changeable_on(unit: UnitState, effective: date) -> None:
    if effective < unit.active_from:
        raise ChangeBeforeCreation(
            f"{unit.name!r} was created on {unit.active_from}; cannot change it on {effective}",
            message_vi=f"{unit.name} thành lập ngày {unit.active_from:%d/%m/%Y}; không thể thay đổi vào ngày"
                       f" {effective:%d/%m/%Y}")
    if unit.ended_on is not None and effective >= unit.ended_on:
        raise UnitEnded(f"{unit.name!r} ended ({unit.end}) on {unit.ended_on}",
                        message_vi=f"{unit.name} đã kết thúc hoạt động ngày {unit.ended_on:%d/%m/%Y}")


def check_end_after_changes(unit: UnitState, effective: date) -> None:
    """An end must fall after every recorded change, so the unit lived at least a day."""
    check_changeable_on(unit, effective)
    if effective <= unit.last_change_on:
        raise UnitEnded(
            f"{unit.name!r} changed on {unit.last_change_on}; it can only end after that",
            rule="org.end.after_last_change",
            message_vi=f"{unit.name} có thay đổi ngày {unit.last_change_on:%d/%m/%Y}; chỉ kết thúc được sau ngày đó",
        )


def check_not_self(unit: UnitState, other_id: UUID, role: str) -> None:
    if other_id == unit.id:
        raise SelfReference(f"a unit cannot be its own {role}", message_vi="Một đơn vị không thể tham chiếu chính nó")


def check_split_successors(unit: UnitState, into: list[UUID]) -> None:
    if len(set(into)) != len(into) or len(into) < 2:
        raise InvalidSplit("a split needs at least two distinct new units",
                           message_vi="Chia tách cần ít nhất hai đơn vị mới khác nhau")
    for successor_id in into:
        check_not_self(unit, successor_id, "split successor")
