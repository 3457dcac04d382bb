"""Read-only questions asked of a plan; mixed into the Plan aggregate."""

from __future__ import annotations

from datetime import date

from domain.errors import BadInput
from domain.plan import schedule
from domain.plan.values import (AwardForm, Deadline, DossierItem, ParentLink, Period, Phase,
                                QuotaRule, ReportSchedule)

WHOLE_CAMPAIGN = ""  # phase name used when a plan has no phases (seeds 000, 003, 004)


class PlanQueries:
    period_data: dict
    phases_data: list
    schedule_data: dict
    award_forms_data: list
    quota_rules_data: list
    dossier_data: list
    parent_links_data: list
    status: str
    launched_on: date | None
    issued_on: date | None
    closed_on: date | None
    end_condition_met_on: date | None

    @property
    def period(self) -> Period:
        return Period.from_data(self.period_data)

    @property
    def phases(self) -> list[Phase]:
        return [Phase.from_data(p) for p in self.phases_data]

    @property
    def report_schedule(self) -> ReportSchedule:
        return ReportSchedule.from_data(self.schedule_data)

    @property
    def award_forms(self) -> list[AwardForm]:
        return [AwardForm.from_data(f) for f in self.award_forms_data]

    @property
    def quota_rules(self) -> list[QuotaRule]:
        return [QuotaRule.from_data(r) for r in self.quota_rules_data]

    @property
    def dossier(self) -> list[DossierItem]:
        return [DossierItem.from_data(d) for d in self.dossier_data]

    @property
    def parent_links(self) -> list[ParentLink]:
        return [ParentLink.from_data(p) for p in self.parent_links_data]

    @property
    def start(self) -> date | None:
        """Period start; a plan that states none (seed 004) starts when launched or issued."""
        return self.period.start or self.launched_on or self.issued_on

    @property
    def effective_end(self) -> date | None:
        return self.period.end or self.end_condition_met_on

    @property
    def accepts_registrations(self) -> bool:
        return self.status in ("launched", "interim_review")

    def phase(self, name: str) -> Phase:
        if name == WHOLE_CAMPAIGN and not self.phases_data:
            return Phase(WHOLE_CAMPAIGN, self.start or date.min, self.effective_end or date.max)
        for p in self.phases:
            if p.name == name:
                return p
        raise BadInput(f"the plan has no phase {name!r}", rule="plan.phases",
                       message_vi=f"Kế hoạch không có giai đoạn {name!r}")

    def registration_deadline(self, phase: str) -> Deadline | None:
        return self.phase(phase).registration_deadline

    def dossier_deadline(self, phase: str) -> Deadline | None:
        return self.phase(phase).dossier_deadline

    def reporting_days(self, between_start: date, between_end: date) -> list[date]:
        start = max(filter(None, (between_start, self.start)))
        end = min(filter(None, (between_end, self.effective_end, self.closed_on)))
        return schedule.reporting_days(self.report_schedule, start, end)

    def award_form(self, code: str) -> AwardForm:
        for f in self.award_forms:
            if f.code == code:
                return f
        raise BadInput(f"the plan has no award form {code!r}", rule="plan.award_forms",
                       message_vi=f"Kế hoạch không có hình thức khen thưởng {code!r}")

    def quota_rule(self, pool: str) -> QuotaRule | None:
        return next((r for r in self.quota_rules if r.pool == pool), None)
