"""`LogHead`: the last position and hash of a tenant's log."""

from __future__ import annotations

import strawberry


@strawberry.type(description="Head of a tenant's hash-chained log.")
class LogHead:
    tenant: str
    position: int
    hash: str | None
