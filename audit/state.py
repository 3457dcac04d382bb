"""The state of any aggregate as the store knew it at a moment or at a version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from audit.errors import AuditInputError
from audit.jsonable import aggregate_to_dict
from audit.reads import record_read, validate_auditor
from infra.database import validate_tenant_id
from infra.repository import AggregateRepository


@dataclass(frozen=True)
class AggregateState:
    tenant_id: str
    aggregate_id: UUID
    aggregate_type: str
    """`module:ClassName` of the aggregate."""
    version: int
    as_of: datetime | None
    asked_version: int | None
    state: dict[str, Any]
    """JSON-able public attributes, plus id, version, created_on, modified_on."""


async def state_of(
    repository: AggregateRepository,
    tenant_id: str,
    aggregate_id: UUID,
    *,
    auditor: str,
    version: int | None = None,
    as_of: datetime | None = None,
) -> AggregateState:
    """Rebuild the aggregate from its events up to `version` or recorded up to `as_of`.

    Raises infra.errors.NotFoundError when the stream had no event by then.
    """
    _check(tenant_id, auditor, version, as_of)
    detail = {"stream_id": str(aggregate_id), "version": version,
              "as_of": as_of.isoformat() if as_of else None}
    async with repository.db.tenant_transaction(tenant_id) as conn:
        # Recorded before the read: an attempt on a missing aggregate is a read too.
        await record_read(conn, tenant_id, auditor, "state", detail)
    aggregate = await repository.get(tenant_id, aggregate_id, version=version, as_of=as_of)
    cls = type(aggregate)
    return AggregateState(
        tenant_id, aggregate_id, f"{cls.__module__}:{cls.__qualname__}", aggregate.version,
        as_of, version, aggregate_to_dict(aggregate),
    )


def _check(tenant_id: str, auditor: str, version: int | None, as_of: datetime | None) -> None:
    validate_tenant_id(tenant_id)
    validate_auditor(auditor)
    if version is not None and as_of is not None:
        raise AuditInputError("give either a version or a moment, not both")
    if version is not None and version < 1:
        raise AuditInputError("version must be >= 1")
    if as_of is not None and as_of.tzinfo is None:
        raise AuditInputError("as_of needs a timezone (e.g. 2025-07-01T00:00:00+07:00)")
