"""A jsonb column as asyncpg hands it over (text, unless a codec decoded it)."""

from __future__ import annotations

import json
from typing import Any


def decoded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, (str, bytes)) else value
