"""OrgUnit events as the domain's UnitChange facts, and their JSON form in read models."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID

from domain.organisation import ChangeType, OrgUnit, UnitChange, UnitKind
from domain.organisation.history import UnitHistory
from projections.engine.base import Event

ORG_EVENTS = (OrgUnit.Created, OrgUnit.Renamed, OrgUnit.Moved, OrgUnit.Merged, OrgUnit.Split,
              OrgUnit.Dissolved)
_CHANGE = {"Created": ChangeType.CREATED, "Renamed": ChangeType.RENAMED, "Moved": ChangeType.MOVED,
           "Merged": ChangeType.MERGED, "Split": ChangeType.SPLIT, "Dissolved": ChangeType.DISSOLVED}


def change_from(event: Event) -> UnitChange:
    d = event.data
    successors = d.get("successor_ids") or ([d["successor_id"]] if d.get("successor_id") else [])
    return UnitChange(
        unit_id=event.stream_id, change=_CHANGE[event.topic.rsplit(".", 1)[-1]],
        effective=d["effective"], seq=event.version,
        kind=UnitKind(d["kind"]) if d.get("kind") else None, name=d.get("name"),
        parent_id=d.get("parent_id"), code=d.get("code"), enterprise=bool(d.get("enterprise")),
        successor_ids=tuple(successors))


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
