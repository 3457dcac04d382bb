"""Connection pool for the application role, and the one place the tenant setting is applied."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import asyncpg

from infra.errors import InvalidTenantError
from infra.migrations import APP_ROLE, migrate
from infra.settings import DatabaseSettings

TENANT_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")


def validate_tenant_id(tenant_id: str) -> str:
    if not isinstance(tenant_id, str) or not TENANT_ID.match(tenant_id):
        raise InvalidTenantError(f"invalid tenant id {tenant_id!r}: use a-z, 0-9, '-' or '_'")
    return tenant_id


async def apply_tenant(conn: asyncpg.Connection, tenant_id: str) -> None:
    """Scope the current transaction to one tenant for row-level security.

    `SET LOCAL` with a validated literal (not set_config) so the setting also reaches the
    shards of a distributed deployment (architecture decision 14).
    """
    await conn.execute(f"SET LOCAL app.tenant_id = '{validate_tenant_id(tenant_id)}'")


async def apply_national_scope(conn: asyncpg.Connection) -> None:
    """Let the current transaction READ the national-readable read models of every tenant
    (rollups, org and plan metadata: their `national_read` policies, migration 0003).

    Writes stay confined to app.tenant_id; call this only for a national-body caller.
    """
    await conn.execute("SET LOCAL app.scope = 'national'")


class AppConnection(asyncpg.Connection):
    """A pooled connection whose user may declare that it left no session state behind
    (`Database.stateless_connection`), so its release skips asyncpg's reset query."""

    __slots__ = ("_stateless",)

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)
        self._stateless = False

    def mark_stateless(self) -> None:
        self._stateless = True


async def _reset_session(conn: asyncpg.Connection) -> None:
    """The pool's reset on release (after asyncpg has rolled back any open transaction):
    asyncpg's full reset query (advisory locks, cursors, LISTEN, session settings), except
    for a connection marked stateless — that saves a round trip on the hot append path."""
    if getattr(conn, "_stateless", False):
        conn._stateless = False
        return
    await conn.execute(conn.get_reset_query())


class Database:
    """The application role's pool plus the superuser URL used for migrations and tooling."""

    def __init__(self, pool: asyncpg.Pool, admin_url: str, settings: DatabaseSettings | None = None):
        self.pool = pool
        self.admin_url = admin_url
        self.settings = settings  # what another process needs to open the same Database

    @classmethod
    async def open(cls, admin_url: str, settings: DatabaseSettings) -> Database:
        admin = await asyncpg.connect(admin_url)
        try:
            await migrate(admin, settings.app_password)
        finally:
            await admin.close()
        pool = await asyncpg.create_pool(
            admin_url,
            user=APP_ROLE,
            password=settings.app_password,
            min_size=settings.pool_min_size,
            max_size=settings.pool_max_size,
            connection_class=AppConnection,
            reset=_reset_session,
        )
        return cls(pool, admin_url, settings)

    async def close(self) -> None:
        await self.pool.close()

    @asynccontextmanager
    async def stateless_connection(self) -> AsyncIterator[asyncpg.Connection]:
        """A pooled connection for statements that leave no session state (no SET without
        LOCAL, LISTEN, session advisory lock or cursor outside a transaction): released
        without the reset round trip. An open transaction is still rolled back."""
        async with self.pool.acquire() as conn:
            mark = getattr(conn, "mark_stateless", None)  # absent on a pool made elsewhere
            if mark is not None:
                mark()
            yield conn

    @asynccontextmanager
    async def tenant_transaction(self, tenant_id: str) -> AsyncIterator[asyncpg.Connection]:
        """A transaction in which row-level security shows only `tenant_id`'s rows. Its only
        setting is `SET LOCAL`, gone with the transaction, so the release skips the reset."""
        async with self.stateless_connection() as conn, conn.transaction():
            await apply_tenant(conn, tenant_id)
            yield conn

    async def health(self) -> dict[str, object]:
        try:
            version = await self.pool.fetchval("SHOW server_version", timeout=2)
        except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
            return {"status": "unavailable", "error": type(exc).__name__}
        return {"status": "ok", "server_version": version}
