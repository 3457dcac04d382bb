"""OrgUnit events as the domain's UnitChange facts, and their JSON form in read models."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID

from domain.organisation import ChangeType, OrgUnit, UnitChange, UnitKind, change_from_event
from domain.organisation.history import UnitHistory
from projections.engine.event import Event

ORG_EVENTS = (OrgUnit.Created, OrgUnit.Renamed, OrgUnit.Moved, OrgUnit.Merged, OrgUnit.Split,
              OrgUnit.Dissolved)


def change_from(event: Event) -> UnitChange:
    """The domain's own reading of its OrgUnit event (as the tenant's org reader makes it)."""
    return change_from_event(event.domain_event)


def to_json(c: UnitChange) -> dict[str, Any]:
    return {"change": c.change.value, "effective": c.effective.isoformat(), "seq": c.seq,
            "kind": c.kind.value if c.kind else None, "name": c.name,
            "parent_id": c.parent_id.hex if c.parent_id else None, "code": c.code,
            "enterprise": c.enterprise, "successor_ids": [s.hex for s in c.successor_ids]}


def from_json(unit_id: UUID, j: dict[str, Any]) -> UnitChange:
    return UnitChange(
        unit_id=unit_id, change=ChangeType(j["change"]), effective=date.fromisoformat(j["effective"]),
        seq=j["seq"], kind=UnitKind(j["kind"]) if j["kind"] else None, name=j["name"],
        parent_id=UUID(j["parent_id"]) if j["parent_id"] else None, code=j["code"],
        enterprise=j["enterprise"], successor_ids=tuple(UUID(s) for s in j["successor_ids"]))


def versions(h: UnitHistory) -> list[tuple[date, date | None, str, UUID | None]]:
    """(valid_from, valid_to exclusive or None, name, parent) over the unit's active life."""
    starts = sorted({h.active_from} | {e for e, _, _ in h.names.entries + h.parents.entries
                                       if h.is_active_on(e)})
    out = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else h.ended_on
        out.append((start, end, h.names.on(start), h.parents.on(start)))
    return out


def last_day(h: UnitHistory) -> date:
    return h.ended_on - timedelta(days=1) if h.ended_on else date.max
