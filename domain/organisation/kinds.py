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

    @property
    def label_vi(self) -> str:
        return LABELS_VI[self]


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


LABELS_VI: dict[UnitKind, str] = {  # as the seeds write them
    UnitKind.NATIONAL_BODY: "cơ quan Trung ương",
    UnitKind.PROVINCE_FEDERATION: "Liên đoàn Lao động tỉnh, thành phố",
    UnitKind.SECTOR_UNION: "công đoàn ngành Trung ương",
    UnitKind.DEPARTMENT: "sở, ban, ngành",
    UnitKind.DISTRICT_FEDERATION: "Liên đoàn Lao động huyện",
    UnitKind.COMMUNE_UNION: "công đoàn xã, phường",
    UnitKind.INDUSTRIAL_ZONE_UNION: "công đoàn khu công nghiệp",
    UnitKind.GRASSROOTS_UNION: "công đoàn cơ sở",
    UnitKind.PUBLIC_SERVICE_UNIT: "đơn vị sự nghiệp",
    UnitKind.DIVISION: "phòng, ban",
}
