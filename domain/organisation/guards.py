"""Checks a command needs from the whole tree: cycles and units left behind."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

from domain.organisation.errors import CreatesCycle, HasActiveChildren, StillReferenced

if TYPE_CHECKING:
    from domain.organisation.history import UnitHistory


class TreeGuards:
    _units: dict[UUID, UnitHistory]
    _ever_children: dict[UUID, set[UUID]]

    def _is_child_on(self, child: UUID, parent: UUID, day: date) -> bool:
        h = self._units[child]
        return h.is_active_on(day) and h.parents.on(day) == parent

    def check_end(self, unit_id: UUID, day: date) -> None:
        """Refuse to end a unit that something still hangs under or merges into from that day."""
        left = [c for c in self._ever_children.get(unit_id, ()) if self._is_child_from(c, unit_id, day)]
        if left:
            raise HasActiveChildren(f"{len(left)} unit(s) are under {unit_id} on or after {day}; move them first",
                                    message_vi=f"Còn {len(left)} đơn vị trực thuộc từ ngày {day:%d/%m/%Y}; hãy chuyển các đơn vị này trước")
        late = [u for u, h in self._units.items() if unit_id in h.successor_ids and h.ended_on >= day]
        if late:
            raise StillReferenced(f"{len(late)} unit(s) merge or split into {unit_id} on or after {day}",
                                  message_vi=f"Còn {len(late)} đơn vị sáp nhập hoặc chia tách vào đơn vị này từ ngày {day:%d/%m/%Y}")

    def check_merge(self, unit_id: UUID, successor_id: UUID, day: date) -> None:
        """check_end, and the successor must not (eventually) succeed into this unit."""
        self.check_end(unit_id, day)
        seen, current = {successor_id}, successor_id
        while (h := self._units.get(current)) is not None and h.successor_ids:
            current = h.successor_ids[0]
            if current == unit_id or current in seen:
                raise CreatesCycle(f"{successor_id} already succeeds into {unit_id}",
                                   message_vi="Đơn vị kế thừa đã được sáp nhập vào chính đơn vị này")
            seen.add(current)

    def _is_child_from(self, child: UUID, parent: UUID, day: date) -> bool:
        """Under `parent` on `day` or on any later day the child's links change."""
        h = self._units[child]
        moments = {day, h.active_from, *(e for e, _, _ in h.parents.entries)}
        return any(self._is_child_on(child, parent, t) for t in moments if t >= day)

    def check_move(self, unit_id: UUID, new_parent_id: UUID, day: date) -> None:
        """Refuse a move that would put a unit under itself on that day or any later one."""
        for moment in self._structure_dates_from(day):
            if self._returns_to(unit_id, new_parent_id, day, moment):
                raise CreatesCycle(f"moving {unit_id} under {new_parent_id} makes a cycle on {moment}",
                                   message_vi=f"Chuyển đơn vị như vậy tạo vòng lặp trong cây tổ chức ngày {moment:%d/%m/%Y}")

    def _structure_dates_from(self, day: date) -> list[date]:
        """Days on or after `day` when some parent link changes."""
        later = {e for h in self._units.values() for e, _, _ in h.parents.entries if e > day}
        return [day, *sorted(later)]

    def _returns_to(self, moved: UUID, parent: UUID, since: date, day: date) -> bool:
        """Walking up from `moved` on `day`, as if moved under `parent` on `since`."""
        seen, current = {moved}, self._parent_if_moved(moved, moved, parent, since, day)
        while current is not None and current not in seen:
            seen.add(current)
            current = self._parent_if_moved(current, moved, parent, since, day)
        return current == moved

    def _parent_if_moved(self, uid: UUID, moved: UUID, parent: UUID, since: date, day: date) -> UUID | None:
        h = self._units.get(uid)
        if h is None:
            return None
        # The proposed move is recorded last, so only a later-effective move overrides it.
        overridden = any(since < e <= day for e, _, _ in h.parents.entries)
        return parent if uid == moved and not overridden else h.parents.on(day)
