"""Who carries a unit's history "as now" (and as of a day) once it has been merged, split or
dissolved.

Choices:
- a merge hands the history to the successor; chains are followed (A→B→C gives C);
- a split hands it to the first listed new unit (by convention the one that keeps
  the seat); the others start with no history;
- a dissolution without successor leaves the history with the unit itself, and it
  rolls up through the successor of its last parent.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

from domain.organisation.errors import CreatesCycle

if TYPE_CHECKING:
    from domain.organisation.history import UnitHistory


class Succession:
    _units: dict[UUID, UnitHistory]

    def attribution_now(self, unit_id: UUID) -> UUID:
        """The unit whose "as now" rollups count `unit_id`'s history."""
        return self._holder_on(unit_id, date.max)

    def path_now(self, unit_id: UUID) -> list[UUID]:
        """The attributed unit, then its ancestors, each replaced by its own successor."""
        return self._path(unit_id, date.max, "the current tree", "Cây tổ chức hiện tại")

    def path_on(self, unit_id: UUID, day: date) -> list[UUID]:
        """`path_now` as the tree stood on `day`: the holder of the unit's history that day
        (the successor of a merge or split in effect by then, else the unit), then its
        parents that day, each replaced by its own holder that day; an ended unit without
        a successor rolls up through its last parent. Empty before the unit began; a parent
        not begun yet, or outside this timeline, ends the path (as in `path`)."""
        h = self._units.get(unit_id)
        if h is not None and day < h.active_from:
            return []
        return self._path(unit_id, day, f"the tree of {day}", f"Cây tổ chức ngày {day:%d/%m/%Y}")

    def _path(self, unit_id: UUID, day: date, tree: str, tree_vi: str) -> list[UUID]:
        path = [self._holder_on(unit_id, day)]
        parent = self._parent_on(path[0], day)
        while parent is not None:
            holder = self._holder_on(parent, day)
            if holder in path:
                raise CreatesCycle(f"{tree} has a cycle through {holder}", message_vi=f"{tree_vi} có vòng lặp")
            path.append(holder)
            begun = (h := self._units.get(holder)) is None or h.active_from <= day
            parent = self._parent_on(holder, day) if begun else None
        return path

    def _holder_on(self, unit_id: UUID, day: date) -> UUID:
        """The unit itself, or the successor (chains followed) of a merge or split in effect by `day`."""
        seen, current = {unit_id}, unit_id
        while ((h := self._units.get(current)) is not None and h.successor_ids
               and h.ended_on is not None and h.ended_on <= day):
            current = h.successor_ids[0]
            if current in seen:
                raise CreatesCycle(f"the succession of {unit_id} loops through {current}",
                                   message_vi="Chuỗi kế thừa của đơn vị bị lặp")
            seen.add(current)
        return current

    def _parent_on(self, unit_id: UUID, day: date) -> UUID | None:
        """The parent on `day`, or on the unit's last day if it ended before."""
        h = self._units.get(unit_id)
        return None if h is None else h.parents.on(min(day, h.last_day()))
