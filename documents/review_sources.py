"""The data of a review report: the rollup through its query function (projections.queries.
rollup, the one the GraphQL rollup answers from), the plan, the node's name on the day, and the
awardees of the reader's own tenant under the node (never for a national reader)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from documents.model import OfficialDocument, day_text
from documents.names import place_of, unit_and_parent
from documents.review_summary import AwardLine, ReviewFacts, review_summary
from domain.organisation import OrgTimeline
from domain.plan import Plan
from infra.platform import Platform
from projections import queries
from projections.queries import NATIONAL, PlanRef
from services.commands import load
from tenants.org_reader import load_timeline

AWARDED = ("decided", "revoked")


async def review_summary_of(platform: Platform, plan_ref: PlanRef, node: UUID, *, scope: str | None,
                            as_of: date | None, stage: str, today: date, with_names: bool) -> OfficialDocument:
    """`scope`: the reader's tenant, or NATIONAL; `as_of`: on that day's tree (None: now, dated today);
    `with_names`: the reader may see the tenant's own data (awardees listed by name)."""
    rollup = await queries.rollup(platform.db, plan_ref, node, as_of=as_of, tenant=scope)
    plan = await load(platform, plan_ref.tenant_id, plan_ref.plan_id, Plan)
    day = as_of or today
    row = await queries.unit(platform.db, node, scope=scope)
    timeline = await load_timeline(platform, row["tenant_id"]) if row else None
    name, parent = unit_and_parent(timeline, node, day) if timeline else ("", "")
    cited = f"Kế hoạch số {plan.number}" if plan.number else "Kế hoạch"
    cited += f" ngày {day_text(plan.issued_on)}" if plan.issued_on else ""
    facts = ReviewFacts(stage, plan.theme, f"{cited} về phát động phong trào thi đua {plan.theme}", name or str(node),
                        parent, day, place_of(name))
    forms = {f.code: f.name for f in plan.award_forms}
    awards = None
    if with_names and scope is not NATIONAL and timeline is not None and scope == plan_ref.tenant_id:
        awards = await _awardees(platform, scope, plan_ref.plan_id, node, day, timeline, forms)
    return review_summary(facts, rollup, forms, awards)


async def _awardees(platform: Platform, tenant: str, plan_id: UUID, node: UUID, day: date, timeline: OrgTimeline,
                    forms: dict[str, str]) -> list[AwardLine]:
    rows = [r for r in await queries.nominations(platform.db, tenant, plan_id)
            if r["status"] in AWARDED and r["decided_on"] and r["decided_on"] <= day]
    return [AwardLine(r["nominee_name"], forms.get(r["award_form"], r["award_form"]),
                      f"{r['decision_number']} ngày {day_text(r['decided_on'])}", r["status"] == "revoked")
            for r in rows if _under(timeline, _unit_of(r), node, day)]


def _unit_of(row) -> UUID:
    """A collective is a unit; an individual belongs to the unit that proposed it."""
    return row["nominee_id"] if row["nominee_kind"] == "collective" else row["proposing_unit_id"]


def _under(timeline: OrgTimeline, unit: UUID, node: UUID, day: date) -> bool:
    if unit not in timeline:
        return False
    history = timeline.history(unit)
    on = day if history.is_active_on(day) else history.last_day()
    return node in timeline.path(unit, on)
