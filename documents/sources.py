"""The data a document is made of, gathered through the services and the org timeline (never
raw SQL here): the aggregate, and the names of the units as they were on the document's day."""

from __future__ import annotations

from uuid import UUID

from documents.achievement_report import achievement_report
from documents.model import OfficialDocument
from documents.names import unit_and_parent
from documents.plan_document import plan_document
from documents.registration_form import registration_form
from documents.submission_memo import Proposed, submission_memo
from domain.plan import Plan
from domain.registration import Registration
from infra.platform import Platform
from projections.queries import nominations
from services.commands import load
from tenants.org_reader import load_timeline

# A memo lists what the proposer sent up, whatever happened to it since: not a draft, not one
# returned for correction and not yet sent again.
NOT_SENT = ("drafted", "returned")


async def plan_document_of(platform: Platform, tenant: str, plan_id: UUID) -> OfficialDocument:
    plan = await load(platform, tenant, plan_id, Plan)
    timeline = await load_timeline(platform, tenant)
    issuer, parent = unit_and_parent(timeline, plan.issuing_unit_id, plan.issued_on or plan.launched_on)
    return plan_document(plan, issuer=issuer, parent=parent)


async def registration_form_of(platform: Platform, tenant: str, registration_id: UUID) -> OfficialDocument:
    registration = await load(platform, tenant, registration_id, Registration)
    plan = await load(platform, tenant, registration.plan_id, Plan)
    timeline = await load_timeline(platform, tenant)
    unit, parent = unit_and_parent(timeline, registration.unit_id, registration.registered_on)
    issuer, _ = unit_and_parent(timeline, plan.issuing_unit_id, registration.registered_on)
    return registration_form(registration, plan, unit=unit, unit_parent=parent, plan_issuer=issuer)


async def achievement_report_of(platform: Platform, tenant: str, registration_id: UUID) -> OfficialDocument:
    registration = await load(platform, tenant, registration_id, Registration)
    plan = await load(platform, tenant, registration.plan_id, Plan)
    timeline = await load_timeline(platform, tenant)
    unit, parent = unit_and_parent(timeline, registration.unit_id, None)
    enterprise = registration.unit_id in timeline and timeline.history(registration.unit_id).enterprise
    return achievement_report(registration, plan, unit=unit, unit_parent=parent, enterprise=enterprise)


async def submission_memo_of(platform: Platform, tenant: str, plan_id: UUID, proposer_id: UUID) -> OfficialDocument:
    """The proposer's submitted nominations of the plan (from the nominations read model)."""
    plan = await load(platform, tenant, plan_id, Plan)
    rows = [r for r in await nominations(platform.db, tenant, plan_id)
            if r["proposing_unit_id"] == proposer_id and r["status"] not in NOT_SENT]
    timeline = await load_timeline(platform, tenant)
    on = max((r["submitted_on"] for r in rows if r["submitted_on"]), default=None)
    proposer, parent = unit_and_parent(timeline, proposer_id, on)
    proposed = [Proposed(r["nominee_name"], r["nominee_kind"], r["award_form"], r["nominee_enterprise"]) for r in rows]
    addressee = f"Ban Thường vụ {parent}." if parent else "Hội đồng Thi đua - Khen thưởng."
    return submission_memo(plan, proposed, proposer=proposer, proposer_parent=parent, addressee=addressee, on=on)
