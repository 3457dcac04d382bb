"""Who is calling: the claims of a verified bearer token."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID


class Role(StrEnum):
    PLATFORM_ADMIN = "platform_admin"
    TENANT_ADMIN = "tenant_admin"  # invites the tenant's users, changes their roles, disables them
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
    scopes: frozenset[str] | None = None
    """What a personal API token may do (`read`, `write`); None: all the roles allow."""
    account: UUID | None = None
    """The signed-in user account (a session or personal token); None for a bearer JWT."""

    def has(self, *roles: Role) -> bool:
        return bool(self.roles.intersection(roles))

    def may(self, scope: str) -> bool:
        return self.scopes is None or scope in self.scopes
