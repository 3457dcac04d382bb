"""Who is calling: the claims of a verified bearer token."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID


class Role(StrEnum):
    PLATFORM_ADMIN = "platform_admin"
    OFFICER = "officer"  # writes for its unit and the unit's subtree
    VIEWER = "viewer"  # reads its tenant's subtree
    NATIONAL = "national"  # reads rollups and plan/org metadata of every tenant
    AUDITOR = "auditor"  # reads the history of the tenants in `audit_tenants`


@dataclass(frozen=True)
class Principal:
    subject: str
    tenant: str
    unit: UUID | None
    roles: frozenset[Role]
    audit_tenants: frozenset[str] = frozenset()

    def has(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))
