"""The campaign plan (kế hoạch phát động phong trào thi đua) aggregate."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.errors import BadInput, Duplicate
from domain.events import versioned
from domain.plan import checks
from domain.plan.draft import prepare_draft
from domain.plan.lifecycle import TRANSITIONS, check_transition
from domain.plan.queries import PlanQueries
from domain.plan.values import ParentLink, Phase, ReportSchedule, to_data
from domain.text import nfc


@versioned
class Plan(PlanQueries, Aggregate):
    """State is plain data (JSON-shaped); PlanQueries exposes it as value objects."""

    # Stored events name their class by topic ("domain.plan:Plan.PlanDrafted", from the days
    # this class lived in domain/plan.py); the projections select events by those topics.
    # Pinning the module keeps every topic as it was; `domain.plan` exports Plan, so they resolve.
    __module__ = "domain.plan"

    # Tenants whose plans may link to this one (consent, see grant_links). A class default:
    # plans drafted before consent existed replay without a grant.
    link_grants: tuple[str, ...] = ()

    @classmethod
    def draft(cls, *, id: UUID | None = None, **kwargs) -> Plan:  # noqa: A002
        """Validate value objects (see draft.prepare_draft) and record PlanDrafted.
        `id`: a caller-chosen id (fixed demo data); default a new random one."""
        fields = prepare_draft(**kwargs)
        return cls(**fields) if id is None else cls._create(cls.PlanDrafted, id=id, **fields)

    @event("PlanDrafted")
    def __init__(self, tenant: str, issuing_unit_id: UUID, theme: str, slogan: str, kind: str,
                 content_items: list, criteria: dict, eligible_subjects: list, models: list,
                 period: dict, phases: list, report_schedule: dict, award_forms: list,
                 quota_rules: list, dossier: list, standards: list,
                 late_registration_policy: str, parent_links: list) -> None:
        self.tenant, self.issuing_unit_id, self.theme, self.slogan = tenant, issuing_unit_id, theme, slogan
        self.kind, self.content_items, self.criteria_data = kind, content_items, criteria
        self.eligible_subjects, self.models, self.period_data = eligible_subjects, models, period
        self.phases_data, self.schedule_data = phases, report_schedule
        self.award_forms_data, self.quota_rules_data = award_forms, quota_rules
        self.dossier_data, self.standards = dossier, standards
        self.late_registration_policy, self.parent_links_data = late_registration_policy, parent_links
        self.status, self.number, self.issued_on, self.signer, self.capacity = "drafted", "", None, "", ""
        self.launched_on: date | None = None
        self.interim_review_on: date | None = None
        self.final_review_on: date | None = None
        self.closed_on: date | None = None
        self.end_condition_met_on: date | None = None
        self.amendments: list[dict] = []

    # --- commands -------------------------------------------------------------------------

    def link_parent(self, link: ParentLink) -> None:
        check_transition(self.status, "link_parent")
        checks.check_parent_link(link)
        if to_data(link) in self.parent_links_data:
            raise Duplicate("parent link already recorded", rule="plan.parent_links.unique",
                            message_vi="Liên kết với kế hoạch cấp trên đã được ghi")
        self._link_parent(to_data(link))

    def grant_links(self, tenant: str) -> None:
        """Consent of this plan's tenant that plans of `tenant` link to it (implement it, are
        based on it...): the link then brings their figures into this plan's cascade."""
        if tenant == self.tenant:
            raise BadInput("plans of the same tenant may link without a grant", rule="plan.link_grants.other_tenant",
                           message_vi="Kế hoạch cùng đơn vị được liên kết mà không cần cấp phép")
        if tenant in self.link_grants:
            raise Duplicate(f"links from tenant {tenant!r} are already granted", rule="plan.link_grants.unique",
                            message_vi=f"Đã cấp phép liên kết cho đơn vị {tenant}")
        self._grant_links(tenant)

    def accepts_links_from(self, tenant: str) -> bool:
        return tenant == self.tenant or tenant in self.link_grants

    def issue(self, number: str, issued_on: date | None, signer: str, capacity: str) -> None:
        """The number and date may stay blank ('Số: /KH-SLĐTBXH', seed 004)."""
        check_transition(self.status, "issue")
        self._issue(nfc(number), issued_on, nfc(signer), nfc(capacity))

    def launch(self, on: date) -> None:
        check_transition(self.status, "launch")
        self._launch(on)

    def amend(self, on: date, reason: str, *, phases: list[Phase] | None = None,
              report_schedule: ReportSchedule | None = None) -> None:
        check_transition(self.status, "amend")
        if phases is not None:
            checks.check_phases(phases)
        if report_schedule is not None:
            checks.check_schedule(report_schedule)
        self._amend(on, nfc(reason), None if phases is None else to_data(phases),
                    None if report_schedule is None else to_data(report_schedule))

    def begin_interim_review(self, on: date) -> None:
        check_transition(self.status, "begin_interim_review")
        self._begin_interim_review(on)

    def begin_final_review(self, on: date) -> None:
        check_transition(self.status, "begin_final_review")
        self._begin_final_review(on)

    def declare_end_condition_met(self, on: date) -> None:
        check_transition(self.status, "declare_end_condition_met")
        self._check_end_condition_open()
        self._declare_end_condition_met(on)

    def close(self, on: date) -> None:
        check_transition(self.status, "close")
        self._check_period_over(on)
        self._close(on)

    # --- checks ---------------------------------------------------------------------------

    def _check_end_condition_open(self) -> None:
        if not self.period.end_condition:
            raise BadInput("this plan has an end date, not an end condition",
                           rule="plan.period.end_condition",
                           message_vi="Kế hoạch này có ngày kết thúc, không có điều kiện kết thúc")
        if self.end_condition_met_on is not None:
            raise Duplicate("end condition already declared met", rule="plan.period.end_condition",
                            message_vi="Điều kiện kết thúc đã được xác nhận")

    def _check_period_over(self, on: date) -> None:
        end = self.effective_end
        if end is None or on < end:
            raise BadInput("a plan closes only after its period ends or its end condition is met",
                           rule="plan.close.after_period",
                           message_vi="Chỉ kết thúc kế hoạch sau khi hết thời gian thực hiện hoặc đạt điều kiện kết thúc")

    # --- events (state changes only) -------------------------------------------------------

    @event("ParentLinked")
    def _link_parent(self, link: dict) -> None:
        self.parent_links_data = [*self.parent_links_data, link]

    @event("LinksGranted")
    def _grant_links(self, tenant: str) -> None:
        self.link_grants = (*self.link_grants, tenant)

    @event("PlanIssued")
    def _issue(self, number: str, issued_on: date | None, signer: str, capacity: str) -> None:
        self.number, self.issued_on, self.signer, self.capacity = number, issued_on, signer, capacity
        self.status = TRANSITIONS["issue"][1]

    @event("PlanLaunched")
    def _launch(self, on: date) -> None:
        self.launched_on, self.status = on, TRANSITIONS["launch"][1]

    @event("PlanAmended")
    def _amend(self, on: date, reason: str, phases: list | None, report_schedule: dict | None) -> None:
        self.amendments = [*self.amendments, {"on": on, "reason": reason}]
        if phases is not None:
            self.phases_data = phases
        if report_schedule is not None:
            self.schedule_data = report_schedule

    @event("InterimReviewBegun")
    def _begin_interim_review(self, on: date) -> None:
        self.interim_review_on, self.status = on, TRANSITIONS["begin_interim_review"][1]

    @event("FinalReviewBegun")
    def _begin_final_review(self, on: date) -> None:
        self.final_review_on, self.status = on, TRANSITIONS["begin_final_review"][1]

    @event("EndConditionDeclaredMet")
    def _declare_end_condition_met(self, on: date) -> None:
        self.end_condition_met_on = on

    @event("PlanClosed")
    def _close(self, on: date) -> None:
        self.closed_on, self.status = on, TRANSITIONS["close"][1]
