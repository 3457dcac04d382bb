"""Tamper evidence: each tenant's log is a hash chain.

    hash_0 = 32 zero bytes
    hash_n = sha256(hash_(n-1) || utf8(canonical_n))

where canonical_n is the JSON text of the array
    [tenant_id, position, stream_id, version, topic, class_version,
     recorded_at in microseconds since 1970-01-01 UTC, body, metadata]
exactly as PostgreSQL's jsonb prints it (function thidua_canonical in the first migration).
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from dataclasses import dataclass

from infra.database import Database

GENESIS_HASH = bytes(32)


def chain_hash(previous: bytes, canonical: str) -> bytes:
    return hashlib.sha256(previous + canonical.encode("utf-8")).digest()


@dataclass(frozen=True)
class ChainLink:
    position: int
    canonical: str
    hash: bytes


@dataclass(frozen=True)
class ChainReport:
    tenant_id: str
    ok: bool
    head_position: int
    head_hash: bytes
    first_bad_position: int | None = None
    reason: str = ""


class ChainWalker:
    """Walks links in position order and remembers the first one that does not match."""

    def __init__(self, tenant_id: str):
        self.tenant_id = tenant_id
        self.position, self.hash = 0, GENESIS_HASH
        self.broken: ChainReport | None = None

    def step(self, link: ChainLink) -> bool:
        if self.broken is not None:
            return False
        if link.position != self.position + 1:
            self.broken = self._report(self.position + 1, "missing or out of order")
        elif chain_hash(self.hash, link.canonical) != link.hash:
            self.broken = self._report(link.position, "hash does not match content")
        else:
            self.position, self.hash = link.position, link.hash
        return self.broken is None

    def finish(self, head: tuple[int, bytes] | None = None) -> ChainReport:
        if self.broken is not None:
            return self.broken
        if head is not None and head != (self.position, self.hash):
            return self._report(min(head[0], self.position) + 1, "log and head disagree")
        return ChainReport(self.tenant_id, True, self.position, self.hash)

    def _report(self, position: int, reason: str) -> ChainReport:
        return ChainReport(self.tenant_id, False, self.position, self.hash, position, reason)


async def verify_tenant(db: Database, tenant_id: str, batch_size: int = 5000) -> ChainReport:
    """Walk the tenant's stored chain and compare it with the tenant's head row."""
    async with db.tenant_transaction(tenant_id) as conn:
        head = await conn.fetchrow("SELECT position, hash FROM tenant_heads WHERE tenant_id = $1", tenant_id)
    walker = ChainWalker(tenant_id)
    async for link in _links(db, tenant_id, batch_size):
        if not walker.step(link):
            break
    return walker.finish((head["position"], bytes(head["hash"])) if head else None)


async def _links(db: Database, tenant_id: str, batch_size: int) -> AsyncIterator[ChainLink]:
    after = 0
    while True:
        async with db.tenant_transaction(tenant_id) as conn:
            rows = await conn.fetch(
                "SELECT position, hash, thidua_canonical(tenant_id, position, stream_id, version,"
                " topic, class_version, recorded_at, body, metadata) AS canonical"
                " FROM events WHERE tenant_id = $1 AND position > $2 ORDER BY position LIMIT $3",
                tenant_id, after, batch_size,
            )
        if not rows:
            return
        for row in rows:
            yield ChainLink(row["position"], row["canonical"], bytes(row["hash"]))
        after = rows[-1]["position"]
