"""`Plan` and what an officer reads before registering: phases and their deadlines, award
forms, quota rules, standards, the report schedule, the parent links."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from api.graphql.types.enums import AwardRuleKey, LateRegistrationPolicy, PlanKind, PlanStatus, Standard, Subject, known
from api.graphql.types.json_column import decoded
from api.graphql.types.parent_relation import ParentRelation


@strawberry.type(description="A deadline: 'chậm nhất ngày X' includes X, 'trước ngày X' does not.")
class Deadline:
    on: date
    inclusive: bool = strawberry.field(description="True when the day itself is still in time.")
    last_day: date = strawberry.field(description="The last day that is in time.")

    @classmethod
    def from_data(cls, d: dict | None) -> Deadline | None:
        if d is None:
            return None
        on, inclusive = date.fromisoformat(str(d["on"])), bool(d["inclusive"])
        return cls(on=on, inclusive=inclusive, last_day=on if inclusive else date.fromordinal(on.toordinal() - 1))


@strawberry.type(description="A phase (đợt) of a plan: its days and deadlines.")
class Phase:
    name: str
    start: date
    end: date
    start_precision: str = strawberry.field(description="'day', or 'month' when the plan names only a month.")
    registration_deadline: Deadline | None
    dossier_deadline: Deadline | None = strawberry.field(description="Last day for nomination dossiers.")

    @classmethod
    def from_data(cls, d: dict) -> Phase:
        return cls(name=d["name"], start=date.fromisoformat(str(d["start"])), end=date.fromisoformat(str(d["end"])),
                   start_precision=d.get("start_precision", "day"),
                   registration_deadline=Deadline.from_data(d.get("registration_deadline")),
                   dossier_deadline=Deadline.from_data(d.get("dossier_deadline")))


@strawberry.type(description="A form of award the plan proposes (bằng khen, giấy khen ...).")
class AwardForm:
    code: str
    name: str
    issuer: str
    rule_key: AwardRuleKey | None = strawberry.field(  # type: ignore[valid-type]
        description="Who may decide it, in the rule book; null when the rule book loaded holds another key.")
    subjects: list[Subject]  # type: ignore[valid-type]
    quota_pool: str = strawberry.field(description="Forms sharing a pool share one quota ledger ('' = none).")

    @classmethod
    def from_data(cls, d: dict) -> AwardForm:
        return cls(code=d["code"], name=d["name"], issuer=d["issuer"], rule_key=known(AwardRuleKey, d["rule_key"]),
                   subjects=[Subject(s) for s in d.get("subjects", [])], quota_pool=d.get("quota_pool", ""))


@strawberry.type(description="How many nominations a pool admits: a count, a percentage of a basis, or both.")
class QuotaRule:
    pool: str
    max_count: int | None
    max_percent: float | None
    percent_basis: str
    rounding: str
    priority: str = strawberry.field(description="Nominees considered first, e.g. enterprise_grassroots.")

    @classmethod
    def from_data(cls, d: dict) -> QuotaRule:
        percent = d.get("max_percent")
        return cls(pool=d["pool"], max_count=d.get("max_count"),
                   max_percent=None if percent is None else float(percent),
                   percent_basis=d.get("percent_basis", ""), rounding=d.get("rounding", ""),
                   priority=d.get("priority", ""))


@strawberry.type(description="When progress reports are due: days of the month, late after day + grace days.")
class ReportSchedule:
    days_of_month: list[int]
    grace_days: int


@strawberry.type(description="A link to the plan (or outside document) this plan implements, is based on ...")
class ParentLink:
    relation: ParentRelation
    tenant: str | None
    plan_id: strawberry.ID | None = strawberry.field(description="Null for a document outside the platform.")
    number: str
    issuer: str
    title: str

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> ParentLink:
        plan = r["parent_plan_id"]
        # the projection files an outside document under the plan's own tenant: no tenant to show
        return cls(relation=ParentRelation(r["relation"]), tenant=r["parent_tenant"] if plan else None,
                   plan_id=strawberry.ID(str(plan)) if plan else None, number=r["number"], issuer=r["issuer"],
                   title=r["title"])


@strawberry.type(description="A plan (kế hoạch) of a tenant, as the plans read model holds it.")
class Plan:
    tenant: str
    id: strawberry.ID
    issuing_unit_id: strawberry.ID
    number: str = strawberry.field(description="Its number, e.g. 123/KH-LĐLĐ ('' until issued, or issued blank).")
    theme: str
    slogan: str
    kind: PlanKind  # type: ignore[valid-type]
    status: PlanStatus  # type: ignore[valid-type]
    issued_on: date | None
    launched_on: date | None
    closed_on: date | None
    period_start: date | None
    period_end: date | None = strawberry.field(description="Null when the period ends on a condition.")
    end_condition_met_on: date | None
    phases: list[Phase]
    report_schedule: ReportSchedule
    award_forms: list[AwardForm]
    quota_rules: list[QuotaRule]
    standards: list[Standard]  # type: ignore[valid-type]
    eligible_subjects: list[Subject]  # type: ignore[valid-type]
    late_registration_policy: LateRegistrationPolicy | None  # type: ignore[valid-type]
    parent_links: list[ParentLink] = strawberry.field(description="Only on `plan(...)`; empty in lists.")

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> Plan:
        return cls(
            tenant=r["tenant_id"], id=strawberry.ID(str(r["plan_id"])),
            issuing_unit_id=strawberry.ID(str(r["issuing_unit_id"])), number=r["number"], theme=r["theme"],
            slogan=r["slogan"], kind=PlanKind(r["kind"]), status=PlanStatus(r["status"]), issued_on=r["issued_on"],
            launched_on=r["launched_on"], closed_on=r["closed_on"], period_start=r["period_start"],
            period_end=r["period_end"], end_condition_met_on=r["end_condition_met_on"],
            phases=[Phase.from_data(p) for p in decoded(r["phases"])],
            report_schedule=ReportSchedule(days_of_month=list(r["report_days"]), grace_days=r["grace_days"]),
            award_forms=[AwardForm.from_data(a) for a in decoded(r["award_forms"])],
            quota_rules=[QuotaRule.from_data(q) for q in decoded(r["quota_rules"])],
            standards=[Standard(s) for s in r["standards"]],
            eligible_subjects=[Subject(s) for s in r["eligible_subjects"]],
            late_registration_policy=known(LateRegistrationPolicy, r["late_registration_policy"] or None),
            parent_links=[ParentLink.from_row(link) for link in r.get("parent_links", [])])
