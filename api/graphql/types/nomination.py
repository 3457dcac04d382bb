"""`Nomination` (đề nghị khen thưởng) and `Award` (a decided one)."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from api.graphql.types.enums import Authority, NominationStatus, Subject, known
from api.graphql.types.json_column import decoded


@strawberry.type(description="A return of the dossier for correction.")
class NominationReturn:
    reason: str
    on: date


@strawberry.type(description="A nomination of a collective or an individual for an award form of a plan.")
class Nomination:
    id: strawberry.ID
    plan_id: strawberry.ID
    phase: str
    nominee_kind: Subject  # type: ignore[valid-type]
    nominee_id: strawberry.ID
    nominee_name: str
    nominee_enterprise: bool = strawberry.field(description="The nominee is an enterprise's union (quota priority).")
    award_form: str = strawberry.field(description="The code of one of the plan's award forms.")
    proposing_unit_id: strawberry.ID
    status: NominationStatus  # type: ignore[valid-type]
    late: bool
    submitted_on: date | None
    returns: list[NominationReturn]
    decision_number: str | None
    decided_on: date | None
    authority: Authority | None = strawberry.field(  # type: ignore[valid-type]
        description="Who decided; null before a decision (or a level outside the shipped rule book).")
    end_reason: str = strawberry.field(description="Why it was rejected or revoked ('' otherwise).")

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> Nomination:
        return cls(
            id=strawberry.ID(str(r["nomination_id"])), plan_id=strawberry.ID(str(r["plan_id"])), phase=r["phase"],
            nominee_kind=Subject(r["nominee_kind"]), nominee_id=strawberry.ID(str(r["nominee_id"])),
            nominee_name=r["nominee_name"], nominee_enterprise=r["nominee_enterprise"], award_form=r["award_form"],
            proposing_unit_id=strawberry.ID(str(r["proposing_unit_id"])), status=NominationStatus(r["status"]),
            late=r["late"], submitted_on=r["submitted_on"],
            returns=[NominationReturn(reason=x["reason"], on=date.fromisoformat(x["on"]))
                     for x in decoded(r["returns"])],
            decision_number=r["decision_number"], decided_on=r["decided_on"],
            authority=known(Authority, r["authority"]), end_reason=r["end_reason"])


@strawberry.type(description="An award decided (quyết định khen thưởng) and not revoked.")
class Award:
    nomination_id: strawberry.ID
    nominee_kind: Subject  # type: ignore[valid-type]
    nominee_id: strawberry.ID
    nominee_name: str
    award_form: str
    decision_number: str
    decided_on: date
    authority: Authority | None  # type: ignore[valid-type]

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> Award:
        return cls(nomination_id=strawberry.ID(str(r["nomination_id"])), nominee_kind=Subject(r["nominee_kind"]),
                   nominee_id=strawberry.ID(str(r["nominee_id"])), nominee_name=r["nominee_name"],
                   award_form=r["award_form"], decision_number=r["decision_number"] or "",
                   decided_on=r["decided_on"], authority=known(Authority, r["authority"]))
