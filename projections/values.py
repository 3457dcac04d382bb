"""Small conversions shared by handlers: amounts kept exact, target outcomes, SQL literals
and parameters."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any
from uuid import UUID

import orjson


def exact(value: Any) -> Decimal:
    return Decimal(str(value))


def targets_met(targets: list[dict], results: dict[str, str]) -> int:
    """Targets whose recorded result reaches the registered amount (met or exceeded)."""
    return sum(1 for t in targets
               if t["indicator"] in results and exact(results[t["indicator"]]) >= exact(t["amount"]))


_JSON_OPTIONS = (orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME
                 | orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATACLASS)


def json_text(value: Any) -> str:
    """JSON text for a jsonb column, as `json.dumps(value, default=str, ensure_ascii=False)`
    would give it up to whitespace (which jsonb drops), at a fraction of the cost: orjson
    writes UUIDs and dates natively and hands datetimes and decimals to `str`."""
    return orjson.dumps(value, default=str, option=_JSON_OPTIONS).decode()


def uuid_array(ids: Iterable[UUID]) -> str:
    """A uuid[] literal: arrays of different lengths travel as text (unnest flattens 2-D)."""
    return "{" + ",".join(map(str, ids)) + "}"


def columns(rows: list[tuple], width: int) -> list[list[Any]]:
    """Rows as `width` parallel lists, the parameters of an INSERT … SELECT FROM unnest
    (empty lists for no rows)."""
    return [list(column) for column in zip(*rows)] if rows else [[] for _ in range(width)]
