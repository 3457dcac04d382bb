"""`Tenant`: an organisation on the platform (a federation, a sector union, a department)."""

from __future__ import annotations

from typing import Any

import strawberry

from api.graphql.types.enums import TenantKind


@strawberry.type(description="A tenant: its own event log, users and plans.")
class Tenant:
    id: str
    name: str
    kind: TenantKind  # type: ignore[valid-type]

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> Tenant:
        return cls(id=r["tenant_id"], name=r["name"], kind=TenantKind(r["kind"]))
