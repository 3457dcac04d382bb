"""Event bodies decoded fast: orjson, then the typed values of our transcoder restored.

Same result as `infra.serialization.create_transcoder().decode` (UUIDs, decimals, dates,
datetimes from their {"_type_", "_data_"} form) at a fraction of the cost: the eventsourcing
decoder calls a Python hook for every JSON object. orjson reads an integer beyond 64 bits
as a float; a body holding a float that large is decoded again by the eventsourcing one, which
keeps every integer exact (the same transcoder the store uses).

`to_domain_event` then makes the decoded body the domain's event object, as the library's
Mapper does, without decoding the body a second time.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any
from uuid import UUID

import orjson
from eventsourcing.persistence import TranscodingNotRegisteredError
from eventsourcing.utils import resolve_topic

from infra.serialization import create_transcoder

# Ids repeat across a log (a plan, a unit's many reports); UUIDs are immutable, so shared.
_uuid = lru_cache(maxsize=1 << 16)(UUID)
_TYPES = {"uuid_hex": _uuid, "decimal_str": Decimal, "date_iso": date.fromisoformat,
          "datetime_iso": datetime.fromisoformat}
_EXACT_FLOAT_LIMIT = 2.0 ** 63
_EXACT = create_transcoder()


class _Inexact(Exception):
    """A float orjson may have made of a long integer."""


def decode_body(text: str) -> dict[str, Any]:
    try:
        return _restore(orjson.loads(text))
    except _Inexact:
        return _EXACT.decode(text.encode())


def _restore(value: Any) -> Any:
    """Typed values replaced in place, depth first (a typed value's data restored first)."""
    if type(value) is dict:
        if len(value) == 2 and "_type_" in value and "_data_" in value:
            data = value["_data_"]
            return _typed(value["_type_"], data if type(data) is str else _restore(data))
        for key, item in value.items():
            if type(item) is dict:
                if len(item) == 2 and "_type_" in item and type(data := item.get("_data_")) is str:
                    value[key] = _typed(item["_type_"], data)  # the common case, without recursion
                else:
                    value[key] = _restore(item)
            elif type(item) is list or type(item) is float:
                value[key] = _restore(item)
        return value
    if type(value) is list:
        return [_restore(item) if type(item) in (dict, list, float) else item for item in value]
    if type(value) is float and abs(value) >= _EXACT_FLOAT_LIMIT:
        raise _Inexact
    return value


def _typed(name: str, data: Any) -> Any:
    try:
        return _TYPES[name](data)
    except KeyError:
        raise TranscodingNotRegisteredError(f"Data serialized with name {name!r} is not deserializable") from None


def to_domain_event(topic: str, originator_id: UUID, originator_version: int, body: dict[str, Any]) -> Any:
    """An object of the domain event class named by `topic`, as eventsourcing's
    `Mapper.to_domain_event` builds it (upcast to the class's version), on a copy of `body`."""
    cls = resolve_topic(topic)
    state = {**body, "originator_id": originator_id, "originator_version": originator_version}
    version = state.pop("class_version", 1)
    while version < getattr(cls, "class_version", 1):
        getattr(cls, f"upcast_v{version}_v{version + 1}")(state)
        version += 1
    event = object.__new__(cls)
    object.__setattr__(event, "__dict__", state)
    return event
