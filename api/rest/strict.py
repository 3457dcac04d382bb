"""Unknown fields inside nested dataclasses. msgspec forbids unknown fields on Structs (our
request bodies) but ignores them on the domain's dataclasses nested in a body, where a
misspelt `registration_deadline` would otherwise be dropped without a word."""

from __future__ import annotations

import dataclasses
import types
from typing import Any, Union, get_args, get_origin, get_type_hints

import msgspec


def unknown_fields(value: Any, tp: Any, path: str = "") -> list[str]:
    """Dotted paths of the keys in `value` (decoded JSON) that `tp` does not declare."""
    if _is_record(tp) and isinstance(value, dict):
        hints = get_type_hints(tp)
        found = [f"{path}{key}" for key in value if key not in hints]
        for key, item in value.items():
            if key in hints:
                found += unknown_fields(item, hints[key], f"{path}{key}.")
        return found
    origin, args = get_origin(tp), get_args(tp)
    if origin in (list, tuple) and isinstance(value, list) and args:
        return [p for i, item in enumerate(value) for p in unknown_fields(item, args[0], f"{path}{i}.")]
    if origin in (Union, types.UnionType):
        records = [arg for arg in args if _is_record(arg)]
        return unknown_fields(value, records[0], path) if len(records) == 1 else []
    return []


def _is_record(tp: Any) -> bool:
    return isinstance(tp, type) and (dataclasses.is_dataclass(tp) or issubclass(tp, msgspec.Struct))
