"""Strict decoding of a JSON request body, before any handler or GraphQL parser sees it.

orjson refuses what the permissive decoders turned into 500s: invalid UTF-8, nesting
deeper than 1,024, numbers out of the 64-bit / double range (a 5,000-digit integer). A
NUL character is valid JSON but PostgreSQL cannot store it in text or jsonb, so it is
refused here too, in keys and values at any depth: nothing half-written, one clear 400.
"""

from __future__ import annotations

import orjson

from domain.errors import BadInput


def decode_json(raw: bytes | str) -> object:
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise BadInput(f"the body is not valid JSON: {exc}", rule="api.body.json") from None
    reject_nul(value)
    return value


def reject_nul(value: object) -> None:
    """BAD_INPUT if any string in `value` (decoded JSON) holds a NUL character."""
    pending = [value]
    while pending:  # a loop, not recursion: orjson allows nesting deeper than Python's stack
        item = pending.pop()
        if isinstance(item, str):
            if "\x00" in item:
                raise BadInput("text must not contain the NUL character (U+0000)", rule="api.body.nul")
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
