"""Kinds of org unit and the level each sits at (0 = national body)."""

from __future__ import annotations

from enum import Enum


class UnitKind(str, Enum):
    NATIONAL_BODY = "national_body"
    PROVINCE_FEDERATION = "province_federation"
    SECTOR_UNION = "sector_union"
    DEPARTMENT = "department"
    # Upper-level unions: district federations until 1 July 2025, then commune/ward
    # and industrial-zone unions.
    DISTRICT_FEDERATION = "district_federation"
    COMMUNE_UNION = "commune_union"
    INDUSTRIAL_ZONE_UNION = "industrial_zone_union"
    GRASSROOTS_UNION = "grassroots_union"
    PUBLIC_SERVICE_UNIT = "public_service_unit"
    DIVISION = "division"

    @property
    def level(self) -> int:
        return LEVELS[self]


LEVELS: dict[UnitKind, int] = {
    UnitKind.NATIONAL_BODY: 0,
    UnitKind.PROVINCE_FEDERATION: 1,
    UnitKind.SECTOR_UNION: 1,
    UnitKind.DEPARTMENT: 1,
    UnitKind.DISTRICT_FEDERATION: 2,
    UnitKind.COMMUNE_UNION: 2,
    UnitKind.INDUSTRIAL_ZONE_UNION: 2,
    UnitKind.GRASSROOTS_UNION: 3,
    # A department's public-service unit sits at 2; a division sits at 3 so it can
    # hang under the department itself or under one of its public-service units.
    UnitKind.PUBLIC_SERVICE_UNIT: 2,
    UnitKind.DIVISION: 3,
}

UPPER_LEVEL_UNIONS = frozenset(
    {UnitKind.DISTRICT_FEDERATION, UnitKind.COMMUNE_UNION, UnitKind.INDUSTRIAL_ZONE_UNION}
)


def may_sit_under(child: UnitKind, parent: UnitKind) -> bool:
    """A parent is strictly higher (smaller level); levels may be skipped."""
    return parent.level < child.level
