from __future__ import annotations

import json

from infra.records import NewEvent


def events(*names: str) -> list[NewEvent]:
    return [NewEvent(f"tests:{name}", json.dumps({"name": name})) for name in names]
