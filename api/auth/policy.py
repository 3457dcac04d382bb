"""What each role may read and write. Resolvers and handlers ask here, never decide inline.

Tenant isolation is enforced twice: here (which tenant a request is scoped to) and by
row-level security in PostgreSQL (`db.tenant_transaction`). A request about a tenant the
caller may not see answers NOT_FOUND, so the existence of other tenants does not leak.
"""

from __future__ import annotations

from enum import StrEnum

from infra.errors import NotFoundError
from services.auth.principal import Principal, Role
from services.errors import Forbidden


class Access(StrEnum):
    TENANT_DATA = "tenant_data"  # registrations, reports, nominations: may hold personal data
    METADATA = "metadata"  # plans and the org tree
    ROLLUP = "rollup"  # pre-aggregated counters
    HISTORY = "history"  # the raw event log
    WRITE = "write"  # commands


_ROLES: dict[Access, frozenset[Role]] = {
    Access.TENANT_DATA: frozenset({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.OFFICER, Role.VIEWER}),
    Access.METADATA: frozenset({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.OFFICER, Role.VIEWER, Role.NATIONAL,
                                Role.AUDITOR}),
    Access.ROLLUP: frozenset({Role.PLATFORM_ADMIN, Role.TENANT_ADMIN, Role.OFFICER, Role.VIEWER, Role.NATIONAL,
                              Role.AUDITOR}),
    Access.HISTORY: frozenset({Role.PLATFORM_ADMIN, Role.AUDITOR}),
    Access.WRITE: frozenset({Role.PLATFORM_ADMIN, Role.OFFICER}),
}
# Kinds of access an auditor's grant (`audit_tenants`) opens.
_AUDITABLE = frozenset({Access.HISTORY, Access.METADATA, Access.ROLLUP})
# Roles that reach beyond the token's own tenant, per kind of access.
_CROSS_TENANT: dict[Access, frozenset[Role]] = {
    Access.METADATA: frozenset({Role.PLATFORM_ADMIN, Role.NATIONAL}),
    Access.ROLLUP: frozenset({Role.PLATFORM_ADMIN, Role.NATIONAL}),
    Access.HISTORY: frozenset({Role.PLATFORM_ADMIN}),
    Access.TENANT_DATA: frozenset({Role.PLATFORM_ADMIN}),
    Access.WRITE: frozenset({Role.PLATFORM_ADMIN}),
}


def require(principal: Principal, access: Access) -> None:
    """FORBIDDEN when none of the caller's roles grants this kind of access at all, or when a
    personal token's scopes do not (commands need `write`, reads `read`)."""
    if not principal.roles & _ROLES[access]:
        raise Forbidden(f"roles {sorted(principal.roles)} do not grant {access.value}")
    scope = "write" if access is Access.WRITE else "read"
    if not principal.may(scope):
        raise Forbidden(f"this personal token lacks the scope {scope!r}")


def scope_tenant(principal: Principal, access: Access, tenant: str | None = None) -> str:
    """The tenant a request runs in: the token's own unless the role reaches further.

    An auditor reaches exactly the tenants of its `audit_tenants` claim (its own included
    only when granted), for history and for the org tree and rollups (as of a date).
    """
    require(principal, access)
    target = principal.tenant if tenant is None else tenant
    if target == principal.tenant and principal.roles & (_ROLES[access] - {Role.AUDITOR}):
        return target
    if target != principal.tenant and principal.roles & _CROSS_TENANT[access]:
        return target
    if reads_as_auditor(principal, access, target):
        return target
    raise NotFoundError(f"tenant {target} not found")


def reads_as_auditor(principal: Principal, access: Access, tenant: str) -> bool:
    """True when the caller's audit grant covers `tenant` (the API records such reads)."""
    return access in _AUDITABLE and principal.has(Role.AUDITOR) and tenant in principal.audit_tenants
