"""Read-side queries the API calls, in one place. Every function takes the Database and a
scope: `tenant="<id>"` reads that tenant only; `tenant=NATIONAL` (None) reads across tenants
through the national_read policies (rollups, org tree, plans) — the API decides who may.
"""

from __future__ import annotations

from projections.read_models.reads import (
    nominations, org_tree, plan_cascade, quota_use, registrations, reports,
)
from projections.read_models.scope import NATIONAL, PlanRef
from projections.rollup.reads import leaderboard, rollup

__all__ = ["NATIONAL", "PlanRef", "leaderboard", "nominations", "org_tree", "plan_cascade",
           "quota_use", "registrations", "reports", "rollup"]
