"""The roles an account may hold, the unit whose subtree they cover, and who may grant them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from uuid import UUID

from domain.errors import BadInput

# The role names of services.auth.principal.Role (the domain cannot import services).
PLATFORM_ADMIN, TENANT_ADMIN = "platform_admin", "tenant_admin"
OFFICER, VIEWER, AUDITOR, NATIONAL = "officer", "viewer", "auditor", "national"
ROLES = frozenset({PLATFORM_ADMIN, TENANT_ADMIN, OFFICER, VIEWER, AUDITOR, NATIONAL})
# Roles that reach beyond one tenant: granted only by a platform administrator, only in the
# platform tenant (the national body's).
PLATFORM_ROLES = frozenset({PLATFORM_ADMIN, NATIONAL})

_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")


@dataclass(frozen=True)
class Grant:
    """Roles over `unit` and its subtree (None: the whole tenant); `audit_tenants` are the
    tenants an auditor may read the history of."""

    roles: frozenset[str]
    unit: UUID | None = None
    audit_tenants: frozenset[str] = field(default_factory=frozenset)


def normalise_email(email: str) -> str:
    """The one spelling an email is stored and looked up by (NFC, trimmed, lower case)."""
    clean = unicodedata.normalize("NFC", str(email)).strip().lower()
    if len(clean) > 254 or not _EMAIL.match(clean):
        raise BadInput(f"not an email address: {email!r}", rule="accounts.email",
                       message_vi="Địa chỉ email không hợp lệ")
    return clean


def check_grant(grant: Grant, *, tenant: str, platform_tenant: str, granted_by: frozenset[str]) -> None:
    """A tenant administrator grants the tenant's own roles; only a platform administrator
    grants platform roles, and those only in the platform tenant."""
    _check_roles(grant)
    if grant.roles & PLATFORM_ROLES and PLATFORM_ADMIN not in granted_by:
        raise BadInput("only a platform administrator grants platform_admin or national",
                       rule="accounts.grant.platform_roles",
                       message_vi="Chỉ quản trị nền tảng được cấp vai trò quản trị nền tảng hoặc cấp quốc gia")
    if grant.roles & PLATFORM_ROLES and tenant != platform_tenant:
        raise BadInput(f"platform_admin and national are held in the platform tenant {platform_tenant!r} only",
                       rule="accounts.grant.platform_tenant",
                       message_vi="Vai trò cấp nền tảng chỉ thuộc đơn vị sử dụng của cơ quan quốc gia")
    if grant.audit_tenants and AUDITOR not in grant.roles:
        raise BadInput("audit_tenants are granted with the auditor role only", rule="accounts.grant.audit",
                       message_vi="Chỉ cấp đơn vị được kiểm tra kèm vai trò kiểm tra, giám sát")
    if grant.audit_tenants - {tenant} and PLATFORM_ADMIN not in granted_by:
        raise BadInput("a tenant administrator grants the audit of its own tenant only",
                       rule="accounts.grant.audit_tenants",
                       message_vi="Quản trị đơn vị chỉ cấp quyền kiểm tra cho đơn vị của mình")


def _check_roles(grant: Grant) -> None:
    if not grant.roles:
        raise BadInput("an account holds at least one role", rule="accounts.grant.roles",
                       message_vi="Tài khoản phải có ít nhất một vai trò")
    if unknown := grant.roles - ROLES:
        raise BadInput(f"unknown roles {sorted(unknown)}; known: {sorted(ROLES)}", rule="accounts.grant.roles",
                       message_vi="Vai trò không hợp lệ")
