"""`Rollup`: pre-aggregated metrics of an org node under a root plan, with its children."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.scalars import JSON


@strawberry.type(description="Metrics of one child of the rolled-up node.")
class RollupChild:
    node_id: strawberry.ID
    name: str | None
    metrics: JSON


@strawberry.type(description="A node's metrics summed over every plan of the root plan's cascade.")
class Rollup:
    node_id: strawberry.ID
    metrics: JSON
    children: list[RollupChild]

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> Rollup:
        """Metrics as `queries.rollup` derives them: already plain JSON (names to integers,
        rates as floats), so they go out as they are."""
        return cls(node_id=strawberry.ID(str(r["node_id"])), metrics=r["metrics"],
                   children=[RollupChild(node_id=strawberry.ID(str(c["node_id"])), name=c.get("name"),
                                         metrics=c["metrics"]) for c in r["children"]])


@strawberry.type(description="A child of the node ranked by one metric.")
class LeaderboardEntry:
    node_id: strawberry.ID
    name: str | None
    value: float
