"""Unit facts: the plain records a timeline is built from, whatever their source."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from uuid import UUID

from domain.organisation.kinds import UnitKind


class ChangeType(str, Enum):
    CREATED = "created"
    RENAMED = "renamed"
    MOVED = "moved"
    MERGED = "merged"
    SPLIT = "split"
    DISSOLVED = "dissolved"

    @property
    def ends_unit(self) -> bool:
        return self in ENDINGS


ENDINGS = frozenset({ChangeType.MERGED, ChangeType.SPLIT, ChangeType.DISSOLVED})


@dataclass(frozen=True)
class UnitChange:
    """One effective-dated change of one unit. `seq` orders changes on the same day."""

    unit_id: UUID
    change: ChangeType
    effective: date
    seq: int = 0
    kind: UnitKind | None = None  # CREATED
    name: str | None = None  # CREATED, RENAMED
    parent_id: UUID | None = None  # CREATED, MOVED
    code: str | None = None  # CREATED
    enterprise: bool = False  # CREATED
    successor_ids: tuple[UUID, ...] = ()  # MERGED (one), SPLIT (several, first inherits)


_EVENT_CHANGE = {
    "Created": ChangeType.CREATED, "Renamed": ChangeType.RENAMED, "Moved": ChangeType.MOVED,
    "Merged": ChangeType.MERGED, "Split": ChangeType.SPLIT, "Dissolved": ChangeType.DISSOLVED,
}


def change_from_event(evt: object) -> UnitChange:
    """Translate one OrgUnit event (live or reloaded) into a UnitChange."""
    data = vars(evt)
    successors = data.get("successor_ids") or ([data["successor_id"]] if "successor_id" in data else [])
    kind = data.get("kind")
    return UnitChange(
        unit_id=data["originator_id"], change=_EVENT_CHANGE[type(evt).__name__],
        effective=data["effective"], seq=data["originator_version"],
        kind=UnitKind(kind) if kind else None, name=data.get("name"),
        parent_id=data.get("parent_id"), code=data.get("code"),
        enterprise=bool(data.get("enterprise", False)), successor_ids=tuple(successors),
    )


def changes_from_events(events: Iterable[object]) -> list[UnitChange]:
    return [change_from_event(e) for e in events]
