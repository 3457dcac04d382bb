"""GraphQL enums for every enumerated value, built from the domain's own lists so they
cannot drift from what the domain accepts. Values travel as the domain's strings; GraphQL
names are their upper-case forms (`grassroots_union` -> GRASSROOTS_UNION)."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

import strawberry

from domain.organisation import UnitKind as DomainUnitKind
from domain.plan.lifecycle import TRANSITIONS
from domain.plan.values import KINDS, LATE_POLICIES, STANDARDS, SUBJECTS
from domain.rules_data import ENTRIES
from projections.read_models.nominations import STATES
from tenants.registry import TENANT_KINDS

E = TypeVar("E", bound=Enum)


def _enum(name: str, values: list[str] | tuple[str, ...], description: str) -> type[Enum]:
    return strawberry.enum(Enum(name, {v.upper(): v for v in dict.fromkeys(values)}),  # type: ignore[return-value]
                           description=description)


UnitKind = strawberry.enum(DomainUnitKind, description="Kind of org unit; its level follows from it "
                                                       "(0 national body ... 3 grassroots union).")
TenantKind = _enum("TenantKind", list(TENANT_KINDS), "The platform itself, a province federation, a sector "
                                                   "union or a department.")
PlanKind = _enum("PlanKind", KINDS, "Regular (thường xuyên), thematic (chuyên đề) or sprint (đợt nước rút).")
PlanStatus = _enum("PlanStatus", ["drafted", *(t for _, t in TRANSITIONS.values() if t)],
                   "Where a plan is in its life: drafted -> issued -> launched -> reviews -> closed.")
Standard = _enum("Standard", STANDARDS, "A standard a nominee must meet to be proposed for an award.")
Subject = _enum("Subject", SUBJECTS, "Who may be nominated: a collective (tập thể) or an individual (cá nhân).")
LateRegistrationPolicy = _enum("LateRegistrationPolicy", LATE_POLICIES,
                               "What happens to a registration after the deadline: refused or accepted, marked late.")
NominationStatus = _enum("NominationStatus", ["drafted", *STATES.values()],
                         "Where a nomination is: drafted, submitted, returned, received, appraised, voted, "
                         "forwarded, decided, rejected or revoked.")
AwardRuleKey = _enum("AwardRuleKey", sorted({e["key"] for e in ENTRIES if e["topic"] == "authority"}),
                     "The rule book's entry naming who may decide an award form.")
Authority = _enum("Authority", sorted({a for e in ENTRIES if e["topic"] == "authority" for a in e["value"]}),
                  "Who may decide an award (the rule book's authority levels).")


def known(enum: type[E], value: str | None) -> E | None:
    """The enum member for a stored value; None when the value is not one of the shipped
    rule book's (an operator may load another rule book)."""
    try:
        return None if value is None else enum(value)
    except ValueError:
        return None
