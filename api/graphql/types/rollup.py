"""`Rollup`: pre-aggregated figures of an org node under a root plan's cascade, typed.

Counts are integers, rates floats; breakdowns (models, nominations, awards, phases) are lists
of named counts, only names with a count. `fundsMobilised` is a Float (VND, exact up to 2^53)
because GraphQL's Int is 32-bit.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from projections.rollup.freshness import TenantFreshness


@strawberry.type(description="A count under a name (a model's type, a nomination's state, an award form, a phase).")
class NamedCount:
    name: str
    count: int


def _named(counts: dict[str, int]) -> list[NamedCount]:
    return [NamedCount(name=k, count=v) for k, v in sorted(counts.items())]


@strawberry.type(description="Every figure of a node, summed over the cascade's plans; 0 when nothing happened.")
class RollupMetrics:
    units_in_scope: int = strawberry.field(
        description="Active grassroots units under the node, of the tenants with a plan in the cascade.")
    enterprise_units: int = strawberry.field(description="Of those, units in enterprises.")
    units_registered: int = strawberry.field(
        description="Units registered for any plan of the cascade, each counted once per root campaign.")
    registration_rate: float = strawberry.field(description="unitsRegistered / unitsInScope (0 when none in scope).")
    registrations: int = strawberry.field(description="Registrations (one per unit, plan and phase).")
    registrations_late: int = strawberry.field(description="Registrations made after the phase's deadline.")
    targets_registered: int = strawberry.field(description="Targets the registrations set.")
    targets_met: int = strawberry.field(description="Targets whose recorded result reaches the amount.")
    initiatives_registered: int = strawberry.field(description="Initiatives the registrations announced.")
    work_items_registered: int = strawberry.field(description="Work items the registrations took on.")
    reports: int = strawberry.field(description="Progress reports received.")
    reports_on_time: int
    reports_late: int
    reports_due: int = strawberry.field(description="Reporting days due so far, times the units registered.")
    reports_missing: int = strawberry.field(description="reportsDue less the reports received (never below 0).")
    members_supported: int = strawberry.field(description="Members (đoàn viên) supported, as reported.")
    funds_mobilised: float = strawberry.field(description="Funds mobilised in VND, as reported.")
    initiatives: int = strawberry.field(description="Initiatives reported.")
    work_items_completed: int = strawberry.field(description="Work items reported completed.")
    models_by_type: list[NamedCount] = strawberry.field(description="Models (mô hình) started, by type.")
    nominations_by_state: list[NamedCount] = strawberry.field(description="Nominations by their current state.")
    awards_by_form: list[NamedCount] = strawberry.field(description="Awards decided and not revoked, by form.")
    registrations_by_phase: list[NamedCount] = strawberry.field(description="Registrations by phase (đợt).")

    @classmethod
    def from_dict(cls, m: dict[str, Any]) -> RollupMetrics:
        return cls(**{k: m[k] for k in _COUNTS}, registration_rate=float(m["registration_rate"]),
                   funds_mobilised=float(m["funds_mobilised"]),
                   **{k: _named(m[k]) for k in _BREAKDOWNS})


_BREAKDOWNS = ("models_by_type", "nominations_by_state", "awards_by_form", "registrations_by_phase")
_COUNTS = tuple(f for f in RollupMetrics.__annotations__ if f not in (*_BREAKDOWNS, "registration_rate",
                                                                       "funds_mobilised", "from_dict"))


@strawberry.type(description="Figures of one child of the rolled-up node.")
class RollupChild:
    node_id: strawberry.ID
    name: str | None
    metrics: RollupMetrics


@strawberry.type(description="A plan of the cascade the rollup sums over.")
class RollupPlan:
    tenant: str
    plan_id: strawberry.ID


@strawberry.type(name="RollupFreshness",
                 description="How far the figures count one tenant's log, read in the figures' own snapshot.")
class RollupFreshness:
    tenant: str
    position: int = strawberry.field(description="The last position of the tenant's log the figures count.")
    head: int = strawberry.field(description="The tenant's last position when the figures were read.")
    lag_events: int = strawberry.field(description="head - position: events written and not counted yet.")
    lag_seconds: float = strawberry.field(description="Age of the oldest event not counted yet (0 if none).")

    @classmethod
    def of(cls, f: TenantFreshness) -> RollupFreshness:
        return cls(tenant=f.tenant_id, position=f.position, head=f.head, lag_events=f.lag_events,
                   lag_seconds=round(f.lag_seconds, 3))


@strawberry.input(description="A write the answer must include: a command's reply gives its tenant and position.")
class LogPosition:
    tenant: str
    position: int


@strawberry.type(description="A node's figures summed over every plan of the root plan's cascade.")
class Rollup:
    node_id: strawberry.ID
    as_of: date | None = strawberry.field(description="The day of the tree the figures follow (null: now).")
    metrics: RollupMetrics
    children: list[RollupChild] = strawberry.field(description="The node's children in the campaign, by name.")
    plans: list[RollupPlan]
    freshness: list[RollupFreshness] = strawberry.field(description="One per tenant of the cascade.")
    includes_after: bool = strawberry.field(
        description="The figures count every position asked for in `after` (true when none was asked).")

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> Rollup:
        return cls(node_id=strawberry.ID(str(r["node_id"])), as_of=r["as_of"],
                   metrics=RollupMetrics.from_dict(r["metrics"]),
                   children=[RollupChild(node_id=strawberry.ID(str(c["node_id"])), name=c.get("name"),
                                         metrics=RollupMetrics.from_dict(c["metrics"])) for c in r["children"]],
                   plans=[RollupPlan(tenant=p["tenant_id"], plan_id=strawberry.ID(str(p["plan_id"])))
                          for p in r["plans"]],
                   freshness=[RollupFreshness.of(f) for f in r["freshness"]], includes_after=r["includes_after"])


@strawberry.type(description="A child of the node ranked by one metric.")
class LeaderboardEntry:
    node_id: strawberry.ID
    name: str | None
    value: float
