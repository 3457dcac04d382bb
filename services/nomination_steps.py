"""What an officer reads about one nomination: the steps it went through (its own events, in
order, with the day each step names) and its dossier against the plan's list of documents.

Read from the nomination's stream, not a read model: the timeline is the stream itself, and the
dossier check is the same domain function `submit` applies (no second copy of the rule).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID

from domain.nomination import Nomination
from domain.nomination_checks import missing_documents
from domain.plan import Plan
from infra.platform import Platform
from services.commands import load
from services.errors import NotFoundError

N = Nomination
# event class → the step's name on the page; the attributes kept as its details
_STEPS: dict[type, tuple[str, tuple[str, ...]]] = {
    N.NominationDrafted: ("drafted", ("award_form", "nominee_name")),
    N.DocumentAttached: ("document_attached", ("kind", "copies")),
    N.DossierFileAttached: ("file_attached", ("kind", "file_name")),
    N.NominationSubmitted: ("submitted", ("late",)),
    N.NominationResubmitted: ("resubmitted", ("late",)),
    N.NominationReturned: ("returned", ("reason",)),
    N.NominationReceived: ("received", ()),
    N.NominationAppraised: ("appraised", ("note",)),
    N.CouncilVoted: ("voted", ("present", "votes_for", "votes_against", "passed")),
    N.NominationForwarded: ("forwarded", ("to_unit_id",)),
    N.AwardDecided: ("decided", ("decision_number", "authority")),
    N.NominationRejected: ("rejected", ("reason",)),
    N.AwardRevoked: ("revoked", ("reason", "decision_number")),
}


@dataclass(frozen=True)
class Step:
    name: str
    on: date | None
    """The day the step names (the officer's date); None for steps without one (drafting)."""
    recorded_at: datetime
    actor: str
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Dossier:
    required: list[tuple[str, int]]
    """(document kind, copies) the plan asks for, in the plan's order."""
    attached: dict[str, int]
    files: list[dict]
    missing: list[str]
    """The kinds still short of their copies (the check `submit` makes)."""


async def timeline(platform: Platform, tenant: str, nomination_id: UUID) -> list[Step]:
    """Every step of the nomination, oldest first; NOT_FOUND for no such nomination in `tenant`."""
    records = await platform.store.read_stream(tenant, nomination_id)
    events = [(record, platform.repository.to_domain_event(record)) for record in records]
    if not events or not isinstance(events[0][1], N.NominationDrafted):
        raise NotFoundError(f"no nomination {nomination_id}")
    steps = []
    for record, event in events:
        name, kept = _STEPS.get(type(event), (type(event).__name__, ()))
        on = getattr(event, "on", None) or getattr(event, "decided_on", None)
        steps.append(Step(name, on, record.recorded_at, str(record.metadata.get("actor", "")),
                          {key: getattr(event, key) for key in kept if hasattr(event, key)}))
    return steps


async def decision_of(platform: Platform, tenant: str, nomination_id: UUID) -> UUID | None:
    """The award decision naming the nomination among its recipients (its document and the
    certificate are downloads), or None before a decision or for one recorded without a document."""
    return (await load(platform, tenant, nomination_id, Nomination)).decision_id


async def dossier(platform: Platform, tenant: str, nomination_id: UUID) -> Dossier:
    """The plan's required documents, those attached (documents and files) and what is missing."""
    nomination = await load(platform, tenant, nomination_id, Nomination)
    plan = await load(platform, tenant, nomination.plan_id, Plan)
    required = [(item.kind, item.copies) for item in plan.dossier]
    return Dossier(required, dict(nomination.documents), list(nomination.files.values()),
                   [entry.rsplit(" x", 1)[0] for entry in missing_documents(plan.dossier, nomination.documents)])
