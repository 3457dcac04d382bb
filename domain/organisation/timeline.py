"""OrgTimeline: the org tree on any day, built from UnitChange facts.

Lookups bisect each unit's small effective-dated series, so a path to the root costs
O(depth · log changes-per-unit). "Now" means after every recorded change, including
changes recorded ahead of their effective date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from uuid import UUID

from domain.organisation.changes import ChangeType, UnitChange
from domain.organisation.errors import CreatesCycle, NotActiveOnDate, UnknownUnit
from domain.organisation.guards import TreeGuards
from domain.organisation.history import UnitHistory
from domain.organisation.names import fold_name
from domain.organisation.succession import Succession
from domain.organisation.views import UnitView

NOW = date.max


class OrgTimeline(Succession, TreeGuards):
    def __init__(self, changes: Iterable[UnitChange] = ()) -> None:
        self._units: dict[UUID, UnitHistory] = {}
        # Every unit that was ever a child of a parent; filtered by date on lookup.
        self._ever_children: dict[UUID, set[UUID]] = defaultdict(set)
        # Creations first, so facts may arrive in any order.
        for change in sorted(changes, key=lambda c: c.change is not ChangeType.CREATED):
            self.add(change)

    def add(self, change: UnitChange) -> None:
        if change.change is ChangeType.CREATED:
            self._units[change.unit_id] = UnitHistory.created(change)
        else:
            self._history(change.unit_id).apply(change)
        if change.parent_id is not None:
            self._ever_children[change.parent_id].add(change.unit_id)

    # --- one unit ---------------------------------------------------------------

    def __contains__(self, unit_id: object) -> bool:
        return unit_id in self._units

    def unit_ids(self) -> list[UUID]:
        """Every unit ever created, ended ones included."""
        return list(self._units)

    def is_active(self, unit_id: UUID, day: date) -> bool:
        return self._history(unit_id).is_active_on(day)

    def parent_as_of(self, unit_id: UUID, day: date) -> UUID | None:
        return self._active(unit_id, day).parents.on(day)

    def view(self, unit_id: UUID, day: date = NOW) -> UnitView:
        h = self._active(unit_id, day)
        return UnitView(h.unit_id, h.kind, h.names.on(day), h.parents.on(day), h.enterprise, h.code)

    def history(self, unit_id: UUID) -> UnitHistory:
        return self._history(unit_id)

    # --- the tree ---------------------------------------------------------------

    def tree_as_of(self, day: date) -> dict[UUID, UnitView]:
        return {uid: self.view(uid, day) for uid, h in self._units.items() if h.is_active_on(day)}

    def children(self, unit_id: UUID, day: date = NOW) -> list[UUID]:
        self._active(unit_id, day)
        return sorted(
            (c for c in self._ever_children.get(unit_id, ()) if self._is_child_on(c, unit_id, day)),
            key=lambda c: fold_name(self._units[c].names.on(day)),
        )

    def ancestors(self, unit_id: UUID, day: date = NOW) -> list[UUID]:
        """Nearest first, up to the root. A parent outside this timeline (the national
        body of another tenant) ends the path; so does one not active that day."""
        return self.path(unit_id, day)[1:]

    def path(self, unit_id: UUID, day: date = NOW) -> list[UUID]:
        path, current = [unit_id], self.parent_as_of(unit_id, day)
        while current is not None and self._may_extend(path, current, day):
            path.append(current)
            current = self._units[current].parents.on(day) if current in self._units else None
        return path

    def descendants(self, unit_id: UUID, day: date = NOW) -> list[UUID]:
        """Breadth first, nearest generation first."""
        found, frontier = [], [unit_id]
        while frontier:
            frontier = [c for parent in frontier for c in self.children(parent, day)]
            found.extend(frontier)
        return found

    def roots(self, day: date = NOW) -> list[UUID]:
        tree = self.tree_as_of(day)
        return [uid for uid, v in tree.items() if v.parent_id not in tree]

    # --- helpers ----------------------------------------------------------------

    def _history(self, unit_id: UUID) -> UnitHistory:
        try:
            return self._units[unit_id]
        except KeyError:
            raise UnknownUnit(f"no unit {unit_id} in this timeline", message_vi="Không tìm thấy đơn vị") from None

    def _active(self, unit_id: UUID, day: date) -> UnitHistory:
        h = self._history(unit_id)
        if not h.is_active_on(day):
            raise NotActiveOnDate(f"{h.names.on(day)!r} is not active on {day}",
                                  rule="org.query.active_on_date",
                                  message_vi=f"{h.names.on(day)} không hoạt động vào ngày {day:%d/%m/%Y}")
        return h

    def _may_extend(self, path: list[UUID], parent: UUID, day: date) -> bool:
        if parent in path:
            raise CreatesCycle(f"the tree has a cycle through {parent} on {day}",
                               message_vi=f"Cây tổ chức có vòng lặp vào ngày {day:%d/%m/%Y}")
        return parent not in self._units or self._units[parent].is_active_on(day)
