"""Recording reads made under an audit grant, for resolvers that do not go through `audit/`.

History and state reads are recorded by `audit.history` / `audit.state` themselves; the org
tree and rollups are read models, so their resolvers call `record_audit_read` here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from api.auth.policy import Access, reads_as_auditor
from audit.reads import record_read
from infra.database import Database
from services.auth.principal import Principal


async def record_audit_read(db: Database, principal: Principal, access: Access, tenant: str | None, what: str,
                            detail: Mapping[str, Any]) -> None:
    """Record the read when `tenant` is read under the caller's audit grant; otherwise nothing."""
    if tenant is None or not reads_as_auditor(principal, access, tenant):
        return
    async with db.tenant_transaction(tenant) as conn:
        await record_read(conn, tenant, principal.subject, what, detail)
