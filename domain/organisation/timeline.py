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
from domain.organisation.history import UnitHistory
from domain.organisation.names import fold_name
from domain.organisation.succession import Succession
from domain.organisation.views import UnitView

NOW = date.max


class OrgTimeline(Succession):
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

    def is_active(self, unit_id: UUID, day: date) -> bool:
        return self._history(unit_id).is_active_on(day)

    def name_as_of(self, unit_id: UUID, day: date) -> str:
        return self._active(unit_id, day).names.on(day)

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

    def tree_now(self) -> dict[UUID, UnitView]:
        return self.tree_as_of(NOW)

    def children(self, unit_id: UUID, day: date = NOW) -> list[UUID]:
        self._active(unit_id, day)
        return sorted(
            (c for c in self._ever_children.get(unit_id, ()) if self._is_child_on(c, unit_id, day)),
            key=lambda c: fold_name(self._units[c].names.on(day)),
        )

    def ancestors(self, unit_id: UUID, day: date = NOW) -> list[UUID]:
        """Nearest first, up to the root (or the first parent outside this timeline)."""
        return self.path(unit_id, day)[1:]

    def path(self, unit_id: UUID, day: date = NOW) -> list[UUID]:
        path, current = [unit_id], self.parent_as_of(unit_id, day)
        while current is not None:
            if current in path:
                raise CreatesCycle(f"the tree has a cycle through {current} on {day}")
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

    # --- search and checks ------------------------------------------------------

    def find_by_name(self, text: str, day: date | None = None) -> list[UUID]:
        """Accent-insensitive substring match; without a day, any past or present name."""
        needle = fold_name(text)
        return [uid for uid, h in self._units.items() if any(
            needle in fold_name(n) for n in self._names_to_search(h, day))]

    def check_move(self, unit_id: UUID, new_parent_id: UUID, day: date) -> None:
        """Refuse a move that would put a unit under itself on that day or any later one."""
        for moment in self._structure_dates_from(day):
            if unit_id in self._path_if_moved(new_parent_id, unit_id, new_parent_id, day, moment):
                raise CreatesCycle(f"moving {unit_id} under {new_parent_id} makes a cycle on {moment}")

    # --- helpers ----------------------------------------------------------------

    def _history(self, unit_id: UUID) -> UnitHistory:
        try:
            return self._units[unit_id]
        except KeyError:
            raise UnknownUnit(f"no unit {unit_id} in this timeline") from None

    def _active(self, unit_id: UUID, day: date) -> UnitHistory:
        h = self._history(unit_id)
        if not h.is_active_on(day):
            raise NotActiveOnDate(f"{h.names.on(day)!r} is not active on {day}",
                                  rule="org.query.active_on_date")
        return h

    def _is_child_on(self, child: UUID, parent: UUID, day: date) -> bool:
        h = self._units[child]
        return h.is_active_on(day) and h.parents.on(day) == parent

    def _names_to_search(self, h: UnitHistory, day: date | None) -> list[str]:
        if day is None:
            return h.names.values()
        return [h.names.on(day)] if h.is_active_on(day) else []

    def _structure_dates_from(self, day: date) -> list[date]:
        """Days on or after `day` when some parent link changes."""
        later = {e for h in self._units.values() for e, _, _ in h.parents.entries if e > day}
        return [day, *sorted(later)]

    def _path_if_moved(self, start: UUID, moved: UUID, parent: UUID, since: date, day: date) -> list[UUID]:
        """Path from `start` up on `day`, as if `moved` had been put under `parent` on `since`."""
        path, current = [], start
        while current is not None and current not in path:
            path.append(current)
            current = self._parent_if_moved(current, moved, parent, since, day)
        return path

    def _parent_if_moved(self, uid: UUID, moved: UUID, parent: UUID, since: date, day: date) -> UUID | None:
        h = self._units.get(uid)
        if h is None:
            return None
        # The proposed move is recorded last, so only a later-effective move overrides it.
        overridden = any(since < e <= day for e, _, _ in h.parents.entries)
        return parent if uid == moved and not overridden else h.parents.on(day)
