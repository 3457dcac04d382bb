"""What a timeline answers about one unit on one day."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from domain.organisation.kinds import UnitKind


@dataclass(frozen=True)
class UnitView:
    id: UUID
    kind: UnitKind
    name: str
    parent_id: UUID | None
    enterprise: bool = False
    code: str | None = None

    @property
    def level(self) -> int:
        return self.kind.level
