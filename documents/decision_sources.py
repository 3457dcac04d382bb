"""A decision's document data, through the services and the org timeline: the decision, the
nominations it names (each recipient's name, kind, unit and form), the plans it cites, the
bonuses the rulebook gives on its day, and the units' names as they were that day."""

from __future__ import annotations

from uuid import UUID

from documents.award_decision import Awarded, Decided, award_decision, revocation_decision
from documents.certificate import Certificate, certificate
from documents.model import OfficialDocument, day_text, number_text
from documents.names import place_of, unit_and_parent, unit_name
from domain.decision import AwardDecision
from domain.nomination import Nomination
from domain.organisation import OrgTimeline
from domain.plan import Plan
from domain.rules import default_rulebook
from infra.platform import Platform
from services.commands import load_many
from services.decisions import get_decision
from services.errors import NotFoundError
from tenants.org_reader import load_timeline


async def decision_document_of(platform: Platform, tenant: str, decision_id: UUID) -> OfficialDocument:
    decided, recipients, _ = await _gather(platform, tenant, decision_id)
    return award_decision(decided, recipients)


async def revocation_document_of(platform: Platform, tenant: str, decision_id: UUID) -> OfficialDocument:
    """NOT_FOUND when nothing of the decision has been revoked."""
    decided, recipients, _ = await _gather(platform, tenant, decision_id)
    revoked = [r for r in recipients if r.revoked_on is not None]
    if not revoked:
        raise NotFoundError(f"nothing of decision {decided.number} has been revoked")
    return revocation_decision(decided, revoked)


async def certificate_of(platform: Platform, tenant: str, decision_id: UUID, nomination_id: UUID) -> Certificate:
    """One recipient's certificate; NOT_FOUND when the nomination is not among the decision's recipients."""
    decided, recipients, themes = await _gather(platform, tenant, decision_id)
    if nomination_id not in themes:
        raise NotFoundError(f"nomination {nomination_id} is not a recipient of decision {decided.number}")
    recipient = recipients[list(themes).index(nomination_id)]
    return certificate(decided, recipient, campaign=themes[nomination_id], place=place_of(decided.issuer))


async def _gather(platform: Platform, tenant: str,
                  decision_id: UUID) -> tuple[Decided, list[Awarded], dict[UUID, str]]:
    """The decision's facts, its recipients in its order, and each recipient's campaign theme."""
    decision = await get_decision(platform, tenant, decision_id)
    nominations = {n.id: n for n in await load_many(platform, tenant, decision.recipients, Nomination)}
    ordered = [nominations[nid] for nid in decision.recipients]
    plans = {p.id: p for p in await load_many(platform, tenant, list({n.plan_id for n in ordered}), Plan)}
    timeline = await load_timeline(platform, tenant)
    issuer, parent = unit_and_parent(timeline, decision.issuer_unit_id, decision.decided_on)
    forms = {(p.id, f.code): f for p in plans.values() for f in p.award_forms}
    recipients = [_awarded(n, decision, forms, timeline) for n in ordered]
    proposers = tuple(dict.fromkeys(unit_name(timeline, n.proposing_unit_id, decision.decided_on) for n in ordered))
    used = {forms[(n.plan_id, n.award_form)] for n in ordered if (n.plan_id, n.award_form) in forms}
    bonuses = tuple(sorted(b for b in (_bonus(f, decision) for f in used) if b))
    decided = Decided(decision.number, decision.decided_on, decision.title, decision.signer, decision.authority,
                      issuer, parent, tuple(_cited(p, timeline) for p in plans.values()), proposers, bonuses)
    return decided, recipients, {n.id: plans[n.plan_id].theme for n in ordered}


def _awarded(n: Nomination, decision: AwardDecision, forms: dict, timeline: OrgTimeline) -> Awarded:
    day = decision.decided_on
    if n.nominee_kind == "collective" and n.nominee_id in timeline:
        name, unit = unit_and_parent(timeline, n.nominee_id, day)
    else:
        name, unit = n.nominee_name, unit_name(timeline, n.proposing_unit_id, day)
    form = forms.get((n.plan_id, n.award_form))
    revoked = decision.revoked.get(n.id.hex)
    return Awarded(name or n.nominee_name, n.nominee_kind, unit, form.name if form else n.award_form,
                   revoked["on"] if revoked else None, revoked["reason"] if revoked else "")


def _cited(plan: Plan, timeline: OrgTimeline) -> str:
    issuer = unit_name(timeline, plan.issuing_unit_id, plan.issued_on)
    number = f" số {plan.number}" if plan.number else ""
    on = f" ngày {day_text(plan.issued_on)}" if plan.issued_on else ""
    return f"Kế hoạch{number}{on} của {issuer} về phát động phong trào thi đua {plan.theme}"


def _bonus(form, decision: AwardDecision) -> str:
    """The rulebook's bonus for the form on the decision's day, as a multiple of the base salary."""
    rules = default_rulebook()
    entry = rules.lookup("bonus", form.code, decision.decided_on) or rules.lookup("bonus", form.rule_key,
                                                                                  decision.decided_on)
    if entry is None:
        return ""
    return (f"Kèm theo {form.name} được thưởng {number_text(entry.value)} lần mức lương cơ sở "
            f"({entry.source}).")
