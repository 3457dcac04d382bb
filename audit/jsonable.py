"""Turn aggregates and values into plain JSON-able data for auditors."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from uuid import UUID

_MAX_DEPTH = 32


def to_jsonable(value: Any, _depth: int = 0) -> Any:
    """Recursively convert UUIDs, dates, decimals, enums, dataclasses and containers."""
    if _depth > _MAX_DEPTH:
        return repr(value)  # a cycle or an absurdly deep value: show it, don't recurse forever
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, enum.Enum):
        return to_jsonable(value.value, _depth + 1)
    if isinstance(value, (UUID, Decimal)):
        return str(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name), _depth + 1)
                for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(to_jsonable(k, _depth + 1)): to_jsonable(v, _depth + 1) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((to_jsonable(v, _depth + 1) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v, _depth + 1) for v in value]
    if hasattr(value, "__dict__"):
        return public_attributes(value, _depth + 1)
    return str(value)


def public_attributes(obj: Any, _depth: int = 0) -> dict[str, Any]:
    """An object's public instance attributes (names not starting with '_'), JSON-able."""
    return {name: to_jsonable(v, _depth + 1) for name, v in sorted(vars(obj).items())
            if not name.startswith("_")}


def aggregate_to_dict(aggregate: Any) -> dict[str, Any]:
    """An eventsourcing aggregate's identity, version, timestamps and public attributes."""
    state = {
        "id": str(aggregate.id),
        "version": aggregate.version,
        "created_on": to_jsonable(getattr(aggregate, "created_on", None)),
        "modified_on": to_jsonable(getattr(aggregate, "modified_on", None)),
    }
    state.update(public_attributes(aggregate))
    return state
