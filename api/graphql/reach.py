"""Which tenant a read runs in, from the caller's roles (api/auth/policy decides)."""

from __future__ import annotations

from api.auth.policy import Access, scope_tenant
from projections.queries import NATIONAL
from services.auth.principal import Principal, Role


def read_scope(principal: Principal, access: Access, tenant: str | None) -> str | None:
    """NATIONAL (None) for a cross-tenant reader asking no particular tenant."""
    if tenant is None and principal.has(Role.NATIONAL, Role.PLATFORM_ADMIN):
        scope_tenant(principal, access)
        return NATIONAL
    return scope_tenant(principal, access, tenant)
