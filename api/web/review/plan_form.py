"""The plan form: what an officer types, as the draft_plan service's keywords.

Rows of phases, award forms, quotas, dossier items and parent links come as repeated inputs
(`phase_name`, `phase_start`, ...); blank rows are dropped. Only the shape is read here
(dates, numbers, ids); every rule about a plan is the domain's (plan.draft.*), shown next to
the field it names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from litestar.datastructures import FormMultiDict

from api.web.form_values import bad, day, decimal, lines, rows, text, uuid, whole
from domain.plan import AwardForm, Criteria, Deadline, DossierItem, ParentLink, Period, Phase, QuotaRule, ReportSchedule
from domain.plan.values import KINDS, LATE_POLICIES, RELATIONS, STANDARDS, SUBJECTS

PHASE = ("name", "start", "end", "registration", "dossier")
AWARD = ("code", "name", "issuer", "rule_key", "pool")
QUOTA = ("pool", "max_count", "max_percent")
DOSSIER = ("kind", "copies")
PARENT = ("relation", "plan", "number", "issued_on", "issuer", "title")
DOSSIER_KINDS = ("submission_memo", "review_minutes", "achievement_report", "endorsement")

# A refusal names a rule; the form shows it next to this field (forms.submit's `fields`).
FIELDS = {
    "input.theme": "theme", "plan.draft.kind": "kind", "plan.draft.period": "period_end",
    "plan.draft.eligible_subjects": "eligible_subjects", "plan.draft.phases": "phases",
    "plan.draft.award_forms": "award_forms", "plan.draft.quota_rules": "quota_rules",
    "plan.draft.dossier": "dossier", "plan.draft.report_schedule": "report_days",
    "plan.draft.standards": "standards", "plan.draft.parent_links": "parent_links",
    "plan.draft.late_registration_policy": "late_registration_policy", "plan.tenant": "issuing_unit_id",
    "plan.issuing_unit": "issuing_unit_id", "plan.parent_links": "parent_links",
    **{f"form.{name}": name for name in (
        "issuing_unit_id", "theme", "period_start", "period_end", "phases", "award_forms", "quota_rules",
        "dossier", "report_days", "report_grace_days", "parent_links")},
}


@dataclass
class PlanForm:
    """What the form shows: the values typed (to draw again after a refusal)."""

    values: dict[str, str] = field(default_factory=dict)
    subjects: list[str] = field(default_factory=lambda: ["collective"])
    standards: list[str] = field(default_factory=list)
    phases: list[dict[str, str]] = field(default_factory=list)
    awards: list[dict[str, str]] = field(default_factory=list)
    quotas: list[dict[str, str]] = field(default_factory=list)
    dossier: list[dict[str, str]] = field(default_factory=list)
    parents: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def read(cls, form: FormMultiDict) -> PlanForm:
        scalars = ("issuing_unit_id", "theme", "slogan", "kind", "period_start", "period_end", "end_condition",
                   "content_items", "criteria", "models", "report_days", "report_grace_days", "report_recipient",
                   "late_registration_policy")
        return cls(values={name: text(form, name) for name in scalars},
                   subjects=[s for s in form.getall("eligible_subjects", []) if s],
                   standards=[s for s in form.getall("standards", []) if s],
                   phases=rows(form, "phase", PHASE), awards=rows(form, "award", AWARD),
                   quotas=rows(form, "quota", QUOTA), dossier=rows(form, "dossier", DOSSIER),
                   parents=rows(form, "parent", PARENT))

    def draft_arguments(self) -> dict[str, Any]:
        """draft_plan's keywords; BAD_INPUT (rule form.<field>) for a value of the wrong shape."""
        v = self.values
        return dict(
            issuing_unit_id=uuid(v.get("issuing_unit_id", ""), "issuing_unit_id"),
            theme=v.get("theme", ""), slogan=v.get("slogan", ""), kind=v.get("kind") or "regular",
            period=Period(day(v.get("period_start", ""), "period_start"),
                          day(v.get("period_end", ""), "period_end", required=False), v.get("end_condition", "")),
            eligible_subjects=self.subjects, content_items=lines(v.get("content_items", "")),
            criteria=Criteria(collectives=tuple(lines(v.get("criteria", "")))), models=lines(v.get("models", "")),
            phases=[_phase(row) for row in self.phases],
            report_schedule=ReportSchedule(_report_days(v.get("report_days", "")),
                                           whole(v.get("report_grace_days", ""), "report_grace_days",
                                                 required=False, default=0),
                                           v.get("report_recipient", "")),
            award_forms=[_award(row, self.subjects) for row in self.awards],
            quota_rules=[QuotaRule(row["pool"], whole(row["max_count"], "quota_rules", required=False),
                                   decimal(row["max_percent"], "quota_rules")) for row in self.quotas],
            dossier=[DossierItem(row["kind"], whole(row["copies"], "dossier", required=False, default=1))
                     for row in self.dossier],
            standards=self.standards, late_registration_policy=v.get("late_registration_policy") or "refuse",
            parent_links=[_parent(row) for row in self.parents])


CHOICES = {"kinds": KINDS, "subjects": SUBJECTS, "standards": STANDARDS, "late_policies": LATE_POLICIES,
           "relations": RELATIONS, "dossier_kinds": DOSSIER_KINDS}


def _phase(row: dict[str, str]) -> Phase:
    registration = day(row["registration"], "phases", required=False)
    dossier = day(row["dossier"], "phases", required=False)
    return Phase(row["name"], day(row["start"], "phases"), day(row["end"], "phases"),
                 Deadline(registration) if registration else None, Deadline(dossier) if dossier else None)


def _award(row: dict[str, str], subjects: list[str]) -> AwardForm:
    return AwardForm(row["code"], row["name"], row["issuer"], row["rule_key"] or row["code"],
                     tuple(subjects), row["pool"])


def _parent(row: dict[str, str]) -> ParentLink:
    tenant, _, plan = row["plan"].partition("/")
    return ParentLink(row["relation"] or "implements", row["number"], day(row["issued_on"], "parent_links",
                                                                         required=False),
                      row["issuer"], row["title"], tenant if plan else "", uuid(plan, "parent_links", required=False))


def _report_days(value: str) -> tuple[int, ...]:
    parts = [p for p in value.replace(";", ",").replace(" ", ",").split(",") if p]
    try:
        return tuple(int(p) for p in parts)
    except ValueError:
        raise bad("report_days", "report days: whole numbers separated by commas",
                  "Ngày báo cáo: các số nguyên, cách nhau bằng dấu phẩy") from None
