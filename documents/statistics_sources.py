"""The facts the statistical forms count, for one tenant or every tenant (national), in one
reporting year, on the tree of a chosen day: the plans launched in the year (from the plan
catalogue, the launching unit's kind from the org timeline) and the awards decided in the
year (from the nominations read model: counts only leave here, never a name)."""

from __future__ import annotations

import json
from datetime import date

from documents.names import unit_name
from documents.spreadsheet import Sheet
from documents.statistical_forms import (
    FormHeader, GivenAward, LaunchedPlan, form_0601, form_0602, form_0603, reporting_year,
)
from domain.organisation import OrgTimeline, UnitKind
from infra.platform import Platform
from projections import queries
from projections.queries import NATIONAL, PlanFilter
from tenants.ids import root_unit_id
from tenants.org_reader import load_timeline

FORMS = {"0601": form_0601, "0602": form_0602, "0603": form_0603}
CENTRAL = {UnitKind.NATIONAL_BODY, UnitKind.PROVINCE_FEDERATION, UnitKind.SECTOR_UNION}
MAX_PLANS = 100_000


async def statistical_form(platform: Platform, form: str, *, tenant: str | None, year: int, tree_on: date) -> Sheet:
    """`tenant`: one tenant's figures, or NATIONAL (None) for every tenant's."""
    start, end = reporting_year(year)
    tenants = [tenant] if tenant is not NATIONAL else [t["tenant_id"] for t in await queries.tenants(platform.db)]
    plans = [p for p in await queries.plans(platform.db, PlanFilter(tenant=tenant), scope=tenant, limit=MAX_PLANS)
             if (launched := p["launched_on"] or p["issued_on"]) and start <= launched <= end]
    # Only the tenants that launched a plan in the year: a national form need not load every tree.
    timelines = {t: await load_timeline(platform, t) for t in {p["tenant_id"] for p in plans} | ({tenant} - {NATIONAL})}
    reporter = ("Tổng hợp toàn quốc" if tenant is NATIONAL
                else unit_name(timelines[tenant], root_unit_id(tenant), tree_on))
    header = FormHeader(reporter or str(tenant), "Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương)", year, tree_on)
    if form == "0601":
        return form_0601([_launched(p, timelines.get(p["tenant_id"]), tree_on) for p in plans], header)
    return FORMS[form](await _awards(platform, tenants, start, end), header)


def _launched(plan: dict, timeline: OrgTimeline | None, tree_on: date) -> LaunchedPlan:
    kind = None
    if timeline is not None and plan["issuing_unit_id"] in timeline:
        history = timeline.history(plan["issuing_unit_id"])
        day = tree_on if history.is_active_on(tree_on) else history.last_day()
        kind = timeline.view(plan["issuing_unit_id"], day).kind
    return LaunchedPlan(kind in CENTRAL, plan["kind"], plan["period_start"] or plan["launched_on"],
                        plan["period_end"] or plan["end_condition_met_on"])


async def _awards(platform: Platform, tenants: list[str], start: date, end: date) -> list[GivenAward]:
    """Awards decided in the year and standing (a revoked one is not counted)."""
    given = []
    for tenant in tenants:
        for plan in await queries.plans(platform.db, PlanFilter(tenant=tenant), scope=tenant, limit=MAX_PLANS):
            forms = _form_names(plan["award_forms"])
            for r in await queries.nominations(platform.db, tenant, plan["plan_id"], status="decided"):
                if r["decided_on"] and start <= r["decided_on"] <= end:
                    given.append(GivenAward(forms.get(r["award_form"], r["award_form"]), r["nominee_kind"],
                                            r["nominee_enterprise"], plan["kind"]))
    return given


def _form_names(listed) -> dict[str, str]:
    return {f["code"]: f["name"] for f in (json.loads(listed) if isinstance(listed, str) else listed or [])}
