"""Who carries a unit's history "as now" once it has been merged, split or dissolved.

Choices:
- a merge hands the history to the successor; chains are followed (A→B→C gives C);
- a split hands it to the first listed new unit (by convention the one that keeps
  the seat); the others start with no history;
- a dissolution without successor leaves the history with the unit itself, and it
  rolls up through the successor of its last parent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from domain.organisation.errors import CreatesCycle

if TYPE_CHECKING:
    from domain.organisation.history import UnitHistory


class Succession:
    _units: dict[UUID, UnitHistory]

    def attribution_now(self, unit_id: UUID) -> UUID:
        """The unit whose "as now" rollups count `unit_id`'s history."""
        return self._chain_end(unit_id)

    def path_now(self, unit_id: UUID) -> list[UUID]:
        """The attributed unit, then its ancestors, each replaced by its own successor."""
        path = [self.attribution_now(unit_id)]
        parent = self._last_parent(path[0])
        while parent is not None:
            holder = self.attribution_now(parent)
            if holder in path:
                raise CreatesCycle(f"the current tree has a cycle through {holder}",
                                   message_vi="Cây tổ chức hiện tại có vòng lặp")
            path.append(holder)
            parent = self._last_parent(holder)
        return path

    def _chain_end(self, unit_id: UUID) -> UUID:
        seen, current = {unit_id}, unit_id
        while (h := self._units.get(current)) is not None and h.successor_ids:
            current = h.successor_ids[0]
            if current in seen:
                raise CreatesCycle(f"the succession of {unit_id} loops through {current}",
                                   message_vi="Chuỗi kế thừa của đơn vị bị lặp")
            seen.add(current)
        return current

    def _last_parent(self, unit_id: UUID) -> UUID | None:
        h = self._units.get(unit_id)
        return None if h is None else h.parents.on(h.last_day())
