"""The org tree and rollups (projections/queries.py). Who may read what: api/auth/policy.

Scope: a tenant's own users read their tenant; `national` and `platform_admin` read across
tenants (tenant argument omitted = the national view) but only metadata and rollups.
Plans and units: queries/discovery.py; registrations, reports, nominations (personal data,
tenant-data access): queries/tenant_data.py.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

import strawberry

from api.auth.policy import Access
from api.graphql.audit_trail import record_audit_read
from api.graphql.context import Info
from api.graphql.reach import read_scope
from api.graphql.types.org_unit import OrgUnit
from projections import queries


@strawberry.type
class ReadModelQueries:
    @strawberry.field(description="Units under `unit` (that unit first), now or as of a date.")
    async def org_tree(self, info: Info, unit: UUID, as_of: date | None = None,
                       tenant: str | None = None) -> list[OrgUnit]:
        principal = info.context.principal()
        scope = read_scope(principal, Access.METADATA, tenant)
        await record_audit_read(info.context.platform.db, principal, Access.METADATA, scope, "org_tree",
                                {"unit": str(unit), "as_of": as_of})
        rows = await queries.org_tree(info.context.platform.db, unit, as_of=as_of, tenant=scope)
        return [OrgUnit.from_row(r) for r in rows]

