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
            raise InvalidParent("the national body has no parent")
        return
    if parent is None:
        raise InvalidParent(f"a {kind.value} needs a parent unit")
    if not may_sit_under(kind, parent.kind):
        raise InvalidParent(f"a {kind.value} cannot sit under a {parent.kind.value}")
    check_active(parent, effective, "parent")


def check_active(other: UnitState, effective: date, role: str) -> None:
    """A parent or successor must exist on the effective date."""
    if not other.is_active_on(effective):
        raise NotActiveOnDate(f"the {role} {other.name!r} is not active on {effective}")


def check_enterprise(kind: UnitKind, enterprise: bool) -> None:
    if enterprise and kind is not UnitKind.GRASSROOTS_UNION:
        raise EnterpriseFlagNotAllowed(f"a {kind.value} cannot be an enterprise union")


def check_changeable_on(unit: UnitState, effective: date) -> None:
    if effective < unit.active_from:
        raise ChangeBeforeCreation(
            f"{unit.name!r} was created on {unit.active_from}; cannot change it on {effective}"
        )
    if unit.ended_on is not None and effective >= unit.ended_on:
        raise UnitEnded(f"{unit.name!r} ended ({unit.end}) on {unit.ended_on}")


def check_end_after_changes(unit: UnitState, effective: date) -> None:
    """An end must fall after every recorded change, so the unit lived at least a day."""
    check_changeable_on(unit, effective)
    if effective <= unit.last_change_on:
        raise UnitEnded(
            f"{unit.name!r} changed on {unit.last_change_on}; it can only end after that",
            rule="org.end.after_last_change",
        )


def check_not_self(unit: UnitState, other_id: UUID, role: str) -> None:
    if other_id == unit.id:
        raise SelfReference(f"a unit cannot be its own {role}")


def check_split_successors(unit: UnitState, into: list[UUID]) -> None:
    if len(set(into)) != len(into) or len(into) < 2:
        raise InvalidSplit("a split needs at least two distinct new units")
    for successor_id in into:
        check_not_self(unit, successor_id, "split successor")
