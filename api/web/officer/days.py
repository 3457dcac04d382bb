"""The day a page is read "as of": today unless the reader picks another (`?on=yyyy-mm-dd`),
so an officer can look at what was due on a past day, and dates typed into forms."""

from __future__ import annotations

import json
from datetime import date
from typing import Any


def as_of(value: str | None) -> date:
    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError:
        return date.today()


def typed_day(value: str | None) -> date | None:
    """A date field's value; None when empty or not a date (the service then refuses BAD_INPUT)."""
    try:
        return date.fromisoformat(value.strip()) if value and value.strip() else None
    except ValueError:
        return None


def from_json(value: Any) -> Any:
    """jsonb columns arrive as text (no codec on the pool)."""
    return json.loads(value) if isinstance(value, str) else value


def day_of(value: Any) -> date | None:
    """A date kept in jsonb ("2021-10-12") or already a date."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
