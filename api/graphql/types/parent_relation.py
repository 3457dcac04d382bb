"""How a plan is linked to the plan above it (glossary: thực hiện, căn cứ, hưởng ứng, gắn với)."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Which parent links a cascade follows down from the root plan.")
class ParentRelation(Enum):
    IMPLEMENTS = "implements"
    BASED_ON = "based_on"
    RESPONDS_TO = "responds_to"
    COMBINED_WITH = "combined_with"


def relation_names(relations: list[ParentRelation] | None) -> list[str] | None:
    """None keeps the query's default (a rollup: implements and based_on; a cascade: implements)."""
    return [r.value for r in relations] if relations else None
