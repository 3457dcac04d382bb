"""Nomination (đề nghị khen thưởng): drafted → documents → submitted → returned/received →
appraised → council voted → forwarded up | decided | rejected → revoked."""

from __future__ import annotations

from datetime import date
from types import MappingProxyType
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain import nomination_checks as checks
from domain.errors import BadInput, InvalidTransition
from domain.events import versioned
from domain.files import FileFacts, check_new_file, file_entry
from domain.nomination_checks import NomineeRecord
from domain.numbers import count
from domain.plan import SUBJECTS, Plan
from domain.rules import RuleBook
from domain.text import required


@versioned
class Nomination(Aggregate):
    # sha256 → the file's entry. Reassigned, never mutated; the class default serves
    # snapshots taken before dossiers held files.
    files = MappingProxyType({})  # not annotated: a class default, not a dataclass field

    @event("NominationDrafted")
    def __init__(self, tenant: str, plan_id: UUID, phase: str, nominee_kind: str, nominee_id: UUID,
                 nominee_name: str, nominee_enterprise: bool, award_form: str, proposing_unit_id: UUID) -> None:
        self.tenant, self.plan_id, self.phase, self.award_form = tenant, plan_id, phase, award_form
        self.nominee_kind, self.nominee_id, self.nominee_name = nominee_kind, nominee_id, nominee_name
        self.nominee_enterprise, self.proposing_unit_id = nominee_enterprise, proposing_unit_id
        self.status, self.documents, self.late = "drafted", {}, False
        self.submitted_on: date | None = None
        self.returns: list[dict] = []
        self.vote: dict | None = None
        self.decision: dict | None = None
        self.forwarded_to: UUID | None = None
        self.end_reason = ""

    # --- commands -------------------------------------------------------------------------

    def attach_document(self, kind: str, copies: int = 1) -> None:
        checks.check_step(self.status, "attach_document")
        self._attach_document(required(kind, "document kind"), count(copies, "copies", "nomination.documents"))

    def attach_file(self, kind: str, file: FileFacts) -> None:
        """A file of the dossier; it counts as one copy of its kind of document."""
        checks.check_step(self.status, "attach_document")
        check_new_file(self.files, file.sha256)
        self._attach_file(required(kind, "document kind"), file.name, file.sha256, file.size, file.media_type)

    def submit(self, plan: Plan, on: date) -> None:
        checks.check_step(self.status, "submit")
        checks.check_dossier(plan.dossier, self.documents)
        self._submit(on, self._late(plan, on))

    def resubmit(self, plan: Plan, on: date) -> None:
        checks.check_step(self.status, "resubmit")
        checks.check_dossier(plan.dossier, self.documents)
        self._resubmit(on, self._late(plan, on))

    def return_for_correction(self, reason: str, on: date) -> None:
        checks.check_step(self.status, "return_for_correction")
        self._return_for_correction(required(reason, "reason"), on)

    def receive(self, on: date) -> None:
        checks.check_step(self.status, "receive")
        self._receive(on)

    def appraise(self, on: date, note: str = "") -> None:
        checks.check_step(self.status, "appraise")
        self._appraise(on, note)

    def record_council_vote(self, on: date, present: int, votes_for: int, votes_against: int) -> None:
        checks.check_step(self.status, "record_council_vote")
        checks.check_majority(count(present, "present", "nomination.vote"),
                              count(votes_for, "for", "nomination.vote"),
                              count(votes_against, "against", "nomination.vote"))
        self._record_council_vote(on, present, votes_for, votes_against, votes_for * 2 > present)

    def forward_up(self, on: date, to_unit_id: UUID) -> None:
        checks.check_step(self.status, "forward_up")
        self._check_council_passed()
        self._forward_up(on, to_unit_id)

    def check_decision(self, plan: Plan, rulebook: RuleBook, record: NomineeRecord,
                       authority: str, decided_on: date) -> None:
        """All checks of `decide`, callable before reserving a quota slot."""
        checks.check_step(self.status, "decide")
        self._check_council_passed()
        rulebook.check_authority(plan.award_form(self.award_form).rule_key, authority, decided_on)
        checks.check_standards(plan.standards, record)

    def decide(self, plan: Plan, rulebook: RuleBook, record: NomineeRecord, *, decision_number: str,
               decided_on: date, signer: str, authority: str, decision_id: UUID | None = None) -> None:
        """`decision_id`: the decision document naming this nomination among its recipients."""
        self.check_decision(plan, rulebook, record, authority, decided_on)
        self._decide(required(decision_number, "decision_number"), decided_on,
                     required(signer, "signer"), authority, self.award_form, decision_id)

    def reject(self, reason: str, on: date) -> None:
        checks.check_step(self.status, "reject")
        self._reject(required(reason, "reason"), on)

    @property
    def decision_id(self) -> UUID | None:
        return None if self.decision is None else self.decision.get("decision_id")

    def revoke(self, reason: str, on: date) -> None:
        """The revocation names the decision it revokes (its id and number)."""
        checks.check_step(self.status, "revoke")
        self._revoke(required(reason, "reason"), on, self.decision_id, self.decision["number"])

    # --- checks ---------------------------------------------------------------------------

    def _late(self, plan: Plan, on: date) -> bool:
        deadline = plan.dossier_deadline(self.phase)
        return deadline is not None and deadline.passed(on)

    def _check_council_passed(self) -> None:
        if self.vote is not None and not self.vote["passed"]:
            raise InvalidTransition("the council did not vote by majority",
                                           rule="nomination.council_vote.majority",
                                           message_vi="Hội đồng chưa biểu quyết đạt đa số")

    # --- events ---------------------------------------------------------------------------

    @event("DocumentAttached")
    def _attach_document(self, kind: str, copies: int) -> None:
        self.documents = {**self.documents, kind: copies}

    @event("DossierFileAttached")
    def _attach_file(self, kind: str, file_name: str, file_sha256: str, file_size: int, media_type: str) -> None:
        self.files = {**self.files, file_sha256: file_entry(kind, file_name, file_sha256, file_size, media_type)}
        self.documents = {**self.documents, kind: max(self.documents.get(kind, 0), 1)}

    @event("NominationSubmitted")
    def _submit(self, on: date, late: bool) -> None:
        self.status, self.submitted_on, self.late = "submitted", on, late

    @event("NominationResubmitted")
    def _resubmit(self, on: date, late: bool) -> None:
        self.status, self.submitted_on, self.late = "submitted", on, late

    @event("NominationReturned")
    def _return_for_correction(self, reason: str, on: date) -> None:
        self.status, self.returns = "returned", [*self.returns, {"reason": reason, "on": on}]

    @event("NominationReceived")
    def _receive(self, on: date) -> None:
        self.status = "received"

    @event("NominationAppraised")
    def _appraise(self, on: date, note: str) -> None:
        self.status = "appraised"

    @event("CouncilVoted")
    def _record_council_vote(self, on: date, present: int, votes_for: int, votes_against: int,
                             passed: bool) -> None:
        self.status = "voted"
        self.vote = {"on": on, "present": present, "for": votes_for, "against": votes_against, "passed": passed}

    @event("NominationForwarded")
    def _forward_up(self, on: date, to_unit_id: UUID) -> None:
        self.status, self.forwarded_to = "forwarded", to_unit_id

    @event("AwardDecided")
    def _decide(self, decision_number: str, decided_on: date, signer: str, authority: str,
                award_form: str, decision_id: UUID | None = None) -> None:
        # decision_id: absent from awards decided before decisions were documents.
        self.status = "decided"
        self.decision = {"number": decision_number, "on": decided_on, "signer": signer,
                         "authority": authority, "award_form": award_form, "decision_id": decision_id}

    @event("NominationRejected")
    def _reject(self, reason: str, on: date) -> None:
        self.status, self.end_reason = "rejected", reason

    @event("AwardRevoked")
    def _revoke(self, reason: str, on: date, decision_id: UUID | None = None, decision_number: str = "") -> None:
        self.status, self.end_reason = "revoked", reason


def draft_nomination(plan: Plan, *, nominee_kind: str, nominee_id: UUID, nominee_name: str,
                     award_form: str, phase: str, proposing_unit_id: UUID,
                     nominee_enterprise: bool = False) -> Nomination:
    if nominee_kind not in SUBJECTS:
        raise BadInput(f"nominee kind must be one of {SUBJECTS}", rule="nomination.nominee_kind",
                           message_vi="Loại đối tượng đề nghị không hợp lệ (tập thể hoặc cá nhân)")
    form = plan.award_form(award_form)
    checks.check_nominee_kind(nominee_kind, plan.eligible_subjects, form)
    plan.phase(phase)  # raises BAD_INPUT for an unknown phase
    return Nomination(tenant=plan.tenant, plan_id=plan.id, phase=phase, nominee_kind=nominee_kind,
                      nominee_id=nominee_id, nominee_name=required(nominee_name, "nominee_name"),
                      nominee_enterprise=nominee_enterprise, award_form=form.code,
                      proposing_unit_id=proposing_unit_id)
