"""The day a page is read "as of": today in Vietnam unless the reader picks another
(`?on=yyyy-mm-dd`), so an officer can look at what was due on a past day; dates kept in jsonb."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any

VIETNAM = timezone(timedelta(hours=7), "ICT")  # no daylight saving: a fixed offset is exact


def today() -> date:
    """The day in Vietnam: a deadline "chậm nhất ngày 12/10" ends at midnight there, not UTC."""
    return datetime.now(VIETNAM).date()


def as_of(value: str | None) -> date:
    try:
        return date.fromisoformat(value) if value else today()
    except ValueError:
        return today()


def from_json(value: Any) -> Any:
    """jsonb columns arrive as text (no codec on the pool)."""
    return json.loads(value) if isinstance(value, str) else value


def day_of(value: Any) -> date | None:
    """A date kept in jsonb ("2021-10-12") or already a date."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
