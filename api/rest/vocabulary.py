"""The closed word lists of request bodies, as Literal types built from the domain's own
lists: msgspec refuses an unknown word with a 400 naming the field, and OpenAPI lists the
words (an `enum`), so a client learns them from the schema instead of from a 500."""

from __future__ import annotations

from typing import Literal

from domain.organisation import UnitKind
from domain.plan.values import KINDS, LATE_POLICIES, RELATIONS, STANDARDS, SUBJECTS
from domain.rules_data import ENTRIES

# Every level that some award form's rule, in force at some time, lets decide.
AUTHORITIES = tuple(sorted({level for entry in ENTRIES if entry["topic"] == "authority" for level in entry["value"]}))

UnitKindName = Literal[tuple(kind.value for kind in UnitKind)]  # type: ignore[valid-type]
PlanKind = Literal[KINDS]  # type: ignore[valid-type]
LatePolicy = Literal[LATE_POLICIES]  # type: ignore[valid-type]
Relation = Literal[RELATIONS]  # type: ignore[valid-type]
Standard = Literal[STANDARDS]  # type: ignore[valid-type]
Subject = Literal[SUBJECTS]  # type: ignore[valid-type]
Authority = Literal[AUTHORITIES]  # type: ignore[valid-type]
