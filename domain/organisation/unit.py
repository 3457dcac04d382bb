"""OrgUnit aggregate: a unit's life as events, each with a business `effective` date.

`effective` is when the change holds in the real world (a decision may be entered
weeks later); the record time is the event's own timestamp.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate, event

from domain.events import versioned
from domain.organisation import checks
from domain.organisation.kinds import UnitKind
from domain.organisation.names import normalise_name

MERGED, SPLIT, DISSOLVED = "merged", "split", "dissolved"


@versioned
class OrgUnit(Aggregate):
    @staticmethod
    def create_id() -> UUID:
        return uuid4()

    @classmethod
    def create(
        cls, *, tenant_id: str, kind: UnitKind | str, name: str, parent: OrgUnit | None,
        effective: date, code: str | None = None, enterprise: bool = False,
        id: UUID | None = None,  # noqa: A002 - lets callers derive ids (uuid5)
    ) -> OrgUnit:
        kind = UnitKind(kind)
        checks.check_parent(kind, parent, effective)
        checks.check_enterprise(kind, enterprise)
        return cls._create(
            cls.Created, id=id, tenant_id=tenant_id, kind=kind.value, name=normalise_name(name),
            parent_id=parent.id if parent else None, code=code or None,
            enterprise=enterprise, effective=effective,
        )

    @event("Created")
    def __init__(
        self, tenant_id: str, kind: str, name: str, parent_id: UUID | None,
        code: str | None, enterprise: bool, effective: date,
    ) -> None:
        self.tenant_id, self.kind = tenant_id, UnitKind(kind)
        self.name, self.parent_id = name, parent_id
        self.code, self.enterprise = code, enterprise
        self.active_from = self.last_change_on = effective
        self.ended_on: date | None = None
        self.end: str | None = None
        self.successor_ids: list[UUID] = []
        # Changes may be entered out of date order; current fields follow the latest.
        self._name_on = self._parent_on = effective

    @property
    def level(self) -> int:
        return self.kind.level

    def is_active_on(self, day: date) -> bool:
        return self.active_from <= day and (self.ended_on is None or day < self.ended_on)

    def rename(self, name: str, effective: date) -> None:
        checks.check_changeable_on(self, effective)
        self._rename(name=normalise_name(name), effective=effective)

    def move(self, parent: OrgUnit, effective: date) -> None:
        """Cycles through descendants are checked by OrgTimeline.check_move."""
        checks.check_changeable_on(self, effective)
        checks.check_not_self(self, parent.id, "parent")
        checks.check_parent(self.kind, parent, effective)
        self._move(parent_id=parent.id, effective=effective)

    def merge_into(self, successor: OrgUnit, effective: date) -> None:
        checks.check_end_after_changes(self, effective)
        checks.check_not_self(self, successor.id, "successor")
        checks.check_active(successor, effective, "successor")
        self._merge(successor_id=successor.id, effective=effective)

    def split(self, into: list[UUID], effective: date) -> None:
        """The new units are created by their own commands; the first listed inherits."""
        checks.check_end_after_changes(self, effective)
        checks.check_split_successors(self, into)
        self._split(successor_ids=list(into), effective=effective)

    def dissolve(self, effective: date) -> None:
        checks.check_end_after_changes(self, effective)
        self._dissolve(effective=effective)

    @event("Renamed")
    def _rename(self, name: str, effective: date) -> None:
        if effective >= self._name_on:
            self.name, self._name_on = name, effective
        self.last_change_on = max(self.last_change_on, effective)

    @event("Moved")
    def _move(self, parent_id: UUID, effective: date) -> None:
        if effective >= self._parent_on:
            self.parent_id, self._parent_on = parent_id, effective
        self.last_change_on = max(self.last_change_on, effective)

    @event("Merged")
    def _merge(self, successor_id: UUID, effective: date) -> None:
        self._end(MERGED, [successor_id], effective)

    @event("Split")
    def _split(self, successor_ids: list[UUID], effective: date) -> None:
        self._end(SPLIT, successor_ids, effective)

    @event("Dissolved")
    def _dissolve(self, effective: date) -> None:
        self._end(DISSOLVED, [], effective)

    def _end(self, how: str, successor_ids: list[UUID], effective: date) -> None:
        self.end, self.ended_on = how, effective
        self.successor_ids = list(successor_ids)
        self.last_change_on = effective
