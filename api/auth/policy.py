"""What each role may read and write. Resolvers and handlers ask here, never decide inline.

Tenant isolation is enforced twice: here (which tenant a request is scoped to) and by
row-level security in PostgreSQL (`db.tenant_transaction`). A request about a tenant the
caller may not see answers NOT_FOUND, so the existence of other tenants does not leak.
"""

from __future__ import annotations

from enum import StrEnum

from api.auth.errors import Forbidden
from api.auth.principal import Principal, Role
from infra.errors import NotFoundError


class Access(StrEnum):
    TENANT_DATA = "tenant_data"  # registrations, reports, nominations: may hold personal data
    METADATA = "metadata"  # plans and the org tree
    ROLLUP = "rollup"  # pre-aggregated counters
    HISTORY = "history"  # the raw event log
    WRITE = "write"  # commands


_ROLES: dict[Access, frozenset[Role]] = {
    Access.TENANT_DATA: frozenset({Role.PLATFORM_ADMIN, Role.OFFICER, Role.VIEWER}),
    Access.METADATA: frozenset({Role.PLATFORM_ADMIN, Role.OFFICER, Role.VIEWER, Role.NATIONAL}),
    Access.ROLLUP: frozenset({Role.PLATFORM_ADMIN, Role.OFFICER, Role.VIEWER, Role.NATIONAL}),
    Access.HISTORY: frozenset({Role.PLATFORM_ADMIN, Role.AUDITOR}),
    Access.WRITE: frozenset({Role.PLATFORM_ADMIN, Role.OFFICER}),
}
# Roles that reach beyond the token's own tenant, per kind of access.
_CROSS_TENANT: dict[Access, frozenset[Role]] = {
    Access.METADATA: frozenset({Role.PLATFORM_ADMIN, Role.NATIONAL}),
    Access.ROLLUP: frozenset({Role.PLATFORM_ADMIN, Role.NATIONAL}),
    Access.HISTORY: frozenset({Role.PLATFORM_ADMIN}),
    Access.TENANT_DATA: frozenset({Role.PLATFORM_ADMIN}),
    Access.WRITE: frozenset({Role.PLATFORM_ADMIN}),
}


def require(principal: Principal, access: Access) -> None:
    """FORBIDDEN when none of the caller's roles grants this kind of access at all."""
    if not principal.roles & _ROLES[access]:
        raise Forbidden(f"roles {sorted(principal.roles)} do not grant {access.value}")


def scope_tenant(principal: Principal, access: Access, tenant: str | None = None) -> str:
    """The tenant a request runs in: the token's own unless the role reaches further."""
    require(principal, access)
    if tenant is None or tenant == principal.tenant:
        if access is Access.HISTORY and not _own_history_allowed(principal):
            raise NotFoundError(f"tenant {tenant or principal.tenant} not found")
        return principal.tenant
    if principal.roles & _CROSS_TENANT[access]:
        return tenant
    if access is Access.HISTORY and tenant in principal.audit_tenants:
        return tenant
    raise NotFoundError(f"tenant {tenant} not found")


def _own_history_allowed(principal: Principal) -> bool:
    return principal.has(Role.PLATFORM_ADMIN) or principal.tenant in principal.audit_tenants


def sees_personal_data(principal: Principal) -> bool:
    """National bodies read aggregates and metadata only, never individuals' names."""
    return bool(principal.roles & _ROLES[Access.TENANT_DATA])
