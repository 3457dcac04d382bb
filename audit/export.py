"""Export a tenant's log as JSON Lines that an outside auditor can check with no database.

Line 1 is a header, then one line per event in position order, then a trailer:

    {"kind": "header", "format": "thidua-audit-export/1", "tenant_id": ..., "algorithm": ...}
    {"kind": "event", "tenant_id", "position", "stream_id", "version", "topic", "class_version",
     "recorded_at", "recorded_at_us", "canonical", "hash", "previous_hash", "body", "metadata"}
    {"kind": "trailer", "tenant_id": ..., "events": n, "head_position": n, "head_hash": hex}

`body` and `metadata` are PostgreSQL's jsonb text spliced in verbatim, so numbers keep their
exact spelling. docs/audit.md describes the hash chain; audit/export_check.py verifies a file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TextIO

from audit.reads import record_read, validate_auditor
from infra.database import Database, apply_tenant, validate_tenant_id
from infra.hash_chain import GENESIS_HASH

FORMAT = "thidua-audit-export/1"
ALGORITHM = "sha256-chain(genesis=32 zero bytes; hash_n=sha256(hash_n-1 || utf8(canonical_n)))"

_QUERY = """
SELECT tenant_id, position, stream_id::text AS stream_id, version, topic, class_version,
       recorded_at, (extract(epoch FROM recorded_at) * 1000000)::bigint AS recorded_at_us,
       body::text AS body, metadata::text AS metadata, hash,
       thidua_canonical(tenant_id, position, stream_id, version, topic, class_version,
                        recorded_at, body, metadata) AS canonical
  FROM events WHERE tenant_id = $1 ORDER BY position
"""


@dataclass(frozen=True)
class ExportSummary:
    tenant_id: str
    events: int
    head_position: int
    head_hash: str


async def export_tenant(db: Database, tenant_id: str, out: TextIO, *, auditor: str) -> ExportSummary:
    """Write the tenant's whole log to `out`, from one consistent snapshot; record the read."""
    validate_tenant_id(tenant_id)
    validate_auditor(auditor)
    previous, position, count = GENESIS_HASH, 0, 0
    async with db.pool.acquire() as conn, conn.transaction(isolation="repeatable_read"):
        await apply_tenant(conn, tenant_id)
        await record_read(conn, tenant_id, auditor, "export", {})
        _write(out, _header(tenant_id, auditor))
        async for row in conn.cursor(_QUERY, tenant_id, prefetch=2000):
            out.write(_event_line(row, previous))
            previous, position, count = bytes(row["hash"]), row["position"], count + 1
    summary = ExportSummary(tenant_id, count, position, previous.hex())
    _write(out, {"kind": "trailer", "tenant_id": tenant_id, "events": count,
                 "head_position": position, "head_hash": previous.hex()})
    return summary


def _header(tenant_id: str, auditor: str) -> dict[str, Any]:
    return {"kind": "header", "format": FORMAT, "tenant_id": tenant_id, "algorithm": ALGORITHM,
            "genesis_hash": GENESIS_HASH.hex(), "exported_by": auditor,
            "exported_at": datetime.now(UTC).isoformat()}


def _event_line(row: Any, previous: bytes) -> str:
    fields = {
        "kind": "event", "tenant_id": row["tenant_id"], "position": row["position"],
        "stream_id": row["stream_id"], "version": row["version"], "topic": row["topic"],
        "class_version": row["class_version"], "recorded_at": row["recorded_at"].isoformat(),
        "recorded_at_us": row["recorded_at_us"], "canonical": row["canonical"],
        "hash": bytes(row["hash"]).hex(), "previous_hash": previous.hex(),
    }
    head = json.dumps(fields, ensure_ascii=False)[:-1]
    # jsonb text is valid single-line JSON: splice it in so numbers keep their exact spelling.
    return f'{head}, "body": {row["body"]}, "metadata": {row["metadata"]}}}\n'


def _write(out: TextIO, obj: dict[str, Any]) -> None:
    out.write(json.dumps(obj, ensure_ascii=False) + "\n")
