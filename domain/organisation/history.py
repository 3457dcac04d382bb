"""One unit's history inside a timeline: effective-dated series looked up by bisection."""

from __future__ import annotations

from bisect import bisect_right, insort
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Generic, TypeVar
from uuid import UUID

from domain.errors import BadInput
from domain.organisation.changes import ChangeType, UnitChange
from domain.organisation.kinds import UnitKind

T = TypeVar("T")


@dataclass
class Series(Generic[T]):
    """Values keyed by (effective, seq); the value on day d is the last one at or before d."""

    entries: list[tuple[date, int, T]] = field(default_factory=list)

    def put(self, effective: date, seq: int, value: T) -> None:
        insort(self.entries, (effective, seq, value), key=lambda e: (e[0], e[1]))

    def on(self, day: date) -> T:
        i = bisect_right(self.entries, day, key=lambda e: e[0])
        return self.entries[max(i - 1, 0)][2]


@dataclass
class UnitHistory:
    unit_id: UUID
    kind: UnitKind
    active_from: date
    code: str | None
    enterprise: bool
    names: Series[str]
    parents: Series[UUID | None]
    ended_on: date | None = None
    end: ChangeType | None = None
    successor_ids: tuple[UUID, ...] = ()

    @classmethod
    def created(cls, c: UnitChange) -> UnitHistory:
        if c.kind is None:
            raise BadInput(f"the creation of {c.unit_id} does not say its kind", rule="org.unit.kind",
                           message_vi="Thiếu loại đơn vị khi thành lập")
        names, parents = Series[str](), Series[UUID | None]()
        names.put(c.effective, c.seq, c.name or "")
        parents.put(c.effective, c.seq, c.parent_id)
        return cls(c.unit_id, c.kind, c.effective, c.code,
                   c.enterprise, names, parents)

    def apply(self, c: UnitChange) -> None:
        if c.change is ChangeType.RENAMED:
            self.names.put(c.effective, c.seq, c.name or "")
        elif c.change is ChangeType.MOVED:
            self.parents.put(c.effective, c.seq, c.parent_id)
        elif c.change.ends_unit and (self.ended_on is None or c.effective < self.ended_on):
            # The earliest end wins; the aggregate refuses a second one anyway.
            self.ended_on, self.end, self.successor_ids = c.effective, c.change, c.successor_ids

    def is_active_on(self, day: date) -> bool:
        return self.active_from <= day and (self.ended_on is None or day < self.ended_on)

    def last_day(self) -> date:
        """The latest day the unit is described for: the eve of its end, or forever."""
        return date.max if self.ended_on is None else self.ended_on - timedelta(days=1)
