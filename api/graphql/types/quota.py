"""`QuotaUse`: one award-quota ledger of a plan."""

from __future__ import annotations

from typing import Any

import strawberry


@strawberry.type(description="An award-quota ledger: its limit, the slots used and the enterprise share.")
class QuotaUse:
    id: strawberry.ID
    pool: str
    nominating_unit_id: strawberry.ID
    limit: int
    basis: int = strawberry.field(description="What a percentage rule was taken of (e.g. registered collectives).")
    priority: str
    used: int
    remaining: int
    enterprise_used: int
    enterprise_share: float = strawberry.field(description="enterpriseUsed / used (0 when nothing is used).")

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> QuotaUse:
        return cls(id=strawberry.ID(str(r["quota_id"])), pool=r["pool"],
                   nominating_unit_id=strawberry.ID(str(r["nominating_unit_id"])), limit=r["quota_limit"],
                   basis=r["basis"], priority=r["priority"], used=r["used"], remaining=r["remaining"],
                   enterprise_used=r["enterprise_used"], enterprise_share=float(r["enterprise_share"]))
