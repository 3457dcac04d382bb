"""Read-side queries the API calls, in one place. Every function takes the Database and a
scope: `tenant="<id>"` reads that tenant only; `tenant=NATIONAL` (None) reads across tenants
through the national_read policies (rollups, org tree, plans) — the API decides who may.
"""

from __future__ import annotations

from projections.read_models import pages
from projections.read_models.catalogue import PlanFilter, plan, plans, search_units, tenants, unit
from projections.read_models.pages import Page
from projections.read_models.reads import (
    missing_reports, nominations, org_tree, plan_cascade, quota_use, registrations, reports,
)
from projections.read_models.scope import NATIONAL, PlanRef
from projections.rollup.reads import leaderboard, rollup

__all__ = ["NATIONAL", "Page", "PlanFilter", "PlanRef", "leaderboard", "missing_reports", "nominations",
           "org_tree", "pages", "plan", "plan_cascade", "plans", "quota_use", "registrations", "reports",
           "rollup", "search_units", "tenants", "unit"]
