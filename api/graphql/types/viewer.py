"""`Viewer`: the caller as the server sees it (from the verified token)."""

from __future__ import annotations

import strawberry

from services.auth.principal import Principal


@strawberry.type(description="The authenticated caller.")
class Viewer:
    subject: str
    tenant: str
    unit: strawberry.ID | None
    roles: list[str]
    audit_tenants: list[str]

    @classmethod
    def from_principal(cls, p: Principal) -> Viewer:
        return cls(subject=p.subject, tenant=p.tenant, unit=strawberry.ID(str(p.unit)) if p.unit else None,
                   roles=sorted(r.value for r in p.roles), audit_tenants=sorted(p.audit_tenants))
