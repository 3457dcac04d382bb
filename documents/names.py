"""Units by name, as they were named on a document's day (the org tree changes over time)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.organisation import OrgError, OrgTimeline
from domain.organisation.history import UnitHistory


def unit_and_parent(timeline: OrgTimeline, unit_id: UUID, day: date | None) -> tuple[str, str]:
    """The unit's name and its parent's on `day` (now when None); a parent in another tenant
    (the national body above a province) is not in this timeline: blank."""
    return unit_name(timeline, unit_id, day), unit_name(timeline, _parent(timeline, unit_id, day), day)


def unit_name(timeline: OrgTimeline, unit_id: UUID | None, day: date | None) -> str:
    """Its name on `day`; now (its last name, for a unit that has ended) when None or inactive."""
    if unit_id is None or unit_id not in timeline:
        return ""
    history = timeline.history(unit_id)
    return history.names.on(_day(history, day))


def _parent(timeline: OrgTimeline, unit_id: UUID, day: date | None) -> UUID | None:
    if unit_id not in timeline:
        return None
    history = timeline.history(unit_id)
    try:
        return history.parents.on(_day(history, day))
    except OrgError:
        return None


def _day(history: UnitHistory, day: date | None) -> date:
    """`day` if the unit was active then, else its last day (now, for a unit still active)."""
    return day if day and history.is_active_on(day) else history.last_day()


PLACE_WORDS = ("thành phố ", "tỉnh ", "huyện ", "thị xã ", "quận ", "xã ", "phường ")


def place_of(name: str) -> str:
    """The place a body's documents are dated at, from its name: "Liên đoàn Lao động tỉnh Tây
    Ninh" → "Tây Ninh"; "" when the name holds none (the date line then leaves it blank)."""
    lowered = name.lower()
    found = [(lowered.rfind(word), word) for word in PLACE_WORDS if word in lowered]
    if not found:
        return ""
    at, word = max(found)
    return name[at + len(word):].strip()
