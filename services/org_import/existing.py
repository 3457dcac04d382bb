"""The tenant's tree as the import sees it: units by code, and the caller's subtree.

A unit with no code is known by its id written as text: that is what an export writes in
the code column for it, so an exported tree always imports back.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from uuid import UUID

from domain.organisation import OrgTimeline, UnitView


class ExistingTree:
    def __init__(self, timeline: OrgTimeline, anchor: UUID) -> None:
        self.timeline, self.anchor = timeline, anchor
        self.now: dict[UUID, UnitView] = timeline.tree_as_of(date.max)
        self.below = timeline.descendants(anchor)  # top down, children in name order
        self.subtree = {anchor, *self.below}
        self._by_code: dict[str, list[UUID]] = defaultdict(list)
        self._ended_codes: set[str] = set()
        for uid in timeline.unit_ids():
            view = self.now.get(uid)
            code = timeline.history(uid).code
            if view is None:
                if code:
                    self._ended_codes.add(code)
                continue
            self._by_code[code or str(uid)].append(uid)

    def by_code(self, code: str) -> list[UUID]:
        return self._by_code.get(code, [])

    def is_ended_code(self, code: str) -> bool:
        return code in self._ended_codes and code not in self._by_code

    def code_of(self, unit_id: UUID) -> str:
        return self.now[unit_id].code or str(unit_id)

