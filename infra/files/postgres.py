"""Files in PostgreSQL (table `dossier_files`), read and written under the tenant's
row-level security, so one tenant's transaction cannot see another's files."""

from __future__ import annotations

from infra.database import Database
from infra.files.store import content_address


class PostgresFileStore:
    def __init__(self, db: Database):
        self.db = db

    async def put(self, tenant: str, content: bytes) -> str:
        sha256 = content_address(content)
        async with self.db.tenant_transaction(tenant) as conn:
            await conn.execute(
                "INSERT INTO dossier_files (tenant_id, sha256, size, content) VALUES ($1, $2, $3, $4)"
                " ON CONFLICT (tenant_id, sha256) DO NOTHING", tenant, sha256, len(content), content)
        return sha256

    async def get(self, tenant: str, sha256: str) -> bytes | None:
        async with self.db.tenant_transaction(tenant) as conn:
            return await conn.fetchval(
                "SELECT content FROM dossier_files WHERE tenant_id = $1 AND sha256 = $2", tenant, sha256)
