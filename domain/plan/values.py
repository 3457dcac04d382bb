"""Value objects of a plan. Events store them as plain dicts (see `to_data`)."""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

SUBJECTS = ("collective", "individual")
RELATIONS = ("implements", "based_on", "responds_to", "combined_with")
KINDS = ("regular", "thematic", "sprint")
LATE_POLICIES = ("refuse", "accept_mark_late")
STANDARDS = ("registered", "registered_on_time", "exceeded_targets", "reported_on_time")


def to_data(value: Any) -> Any:
    """Dataclass → dict, tuple → list, recursively: the JSON-transcodable event form."""
    if is_dataclass(value):
        return {f.name: to_data(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class Deadline:
    """'chậm nhất ngày X' is inclusive; 'trước ngày X' is exclusive."""

    on: date
    inclusive: bool = True

    def passed(self, day: date) -> bool:
        return day > self.on if self.inclusive else day >= self.on

    @property
    def last_day(self) -> date:
        return self.on if self.inclusive else date.fromordinal(self.on.toordinal() - 1)

    @classmethod
    def from_data(cls, data: dict | None) -> Deadline | None:
        return None if data is None else cls(data["on"], data["inclusive"])


@dataclass(frozen=True)
class Phase:
    name: str
    start: date
    end: date
    registration_deadline: Deadline | None = None
    dossier_deadline: Deadline | None = None
    # "month" when the seed gives only a month ("từ tháng 01/2021"); start is then day 1.
    start_precision: str = "day"

    @classmethod
    def from_data(cls, d: dict) -> Phase:
        return cls(d["name"], d["start"], d["end"], Deadline.from_data(d["registration_deadline"]),
                   Deadline.from_data(d["dossier_deadline"]), d["start_precision"])


@dataclass(frozen=True)
class Period:
    """A start and either an end date or an end condition declared met later."""

    start: date | None
    end: date | None = None
    end_condition: str = ""
    start_precision: str = "day"

    @classmethod
    def from_data(cls, d: dict) -> Period:
        return cls(d["start"], d["end"], d["end_condition"], d["start_precision"])


@dataclass(frozen=True)
class ParentLink:
    """A link to a plan on the platform (tenant + plan_id) or an outside document."""

    relation: str
    number: str = ""
    issued_on: date | None = None
    issuer: str = ""
    title: str = ""
    tenant: str = ""
    plan_id: UUID | None = None

    @property
    def on_platform(self) -> bool:
        return self.plan_id is not None

    @classmethod
    def from_data(cls, d: dict) -> ParentLink:
        return cls(**d)


@dataclass(frozen=True)
class QuotaRule:
    """How many nominations a pool admits: a count, a percentage of a basis, or both."""

    pool: str
    max_count: int | None = None
    max_percent: Decimal | None = None
    percent_basis: str = "registered_collectives"
    rounding: str = "floor"
    priority: str = ""  # e.g. "enterprise_grassroots": those nominees are considered first

    @classmethod
    def from_data(cls, d: dict) -> QuotaRule:
        return cls(**d)


@dataclass(frozen=True)
class AwardForm:
    code: str
    name: str
    issuer: str
    rule_key: str  # key into the RuleBook's authority rules
    subjects: tuple[str, ...] = SUBJECTS
    quota_pool: str = ""  # forms sharing a pool share one quota ledger

    @classmethod
    def from_data(cls, d: dict) -> AwardForm:
        return cls(**{**d, "subjects": tuple(d["subjects"])})


@dataclass(frozen=True)
class DossierItem:
    kind: str  # submission_memo | review_minutes | achievement_report | endorsement
    copies: int = 1

    @classmethod
    def from_data(cls, d: dict) -> DossierItem:
        return cls(**d)


@dataclass(frozen=True)
class ReportSchedule:
    days_of_month: tuple[int, ...] = ()
    grace_days: int = 0  # the "report due by" rule: late after day + grace_days
    recipient: str = ""

    @classmethod
    def from_data(cls, d: dict | None) -> ReportSchedule:
        return cls() if not d else cls(tuple(d["days_of_month"]), d["grace_days"], d["recipient"])


@dataclass(frozen=True)
class Criteria:
    collectives: tuple[str, ...] = ()
    individuals: tuple[str, ...] = ()
