"""Named reads and writes of the account tables (migration 0014): email index, password
credentials with the failed-attempt counter, one-time links, sessions. Secrets arrive here
already hashed; nothing in these tables is a usable secret."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import asyncpg

from infra.database import Database


@dataclass(frozen=True)
class AccountRef:
    email: str
    tenant_id: str
    user_id: UUID


@dataclass(frozen=True)
class Credential:
    password_hash: str
    failed_attempts: int
    locked_until: datetime | None


async def insert_email(db: Database, email: str, tenant_id: str, user_id: UUID) -> bool:
    """False when the email is taken (by this account or another)."""
    try:
        await db.pool.execute("INSERT INTO account_emails (email, tenant_id, user_id) VALUES ($1, $2, $3)",
                              email, tenant_id, user_id)
    except asyncpg.UniqueViolationError:
        return False
    return True


async def find_by_email(db: Database, email: str) -> AccountRef | None:
    row = await db.pool.fetchrow("SELECT email, tenant_id, user_id FROM account_emails WHERE email = $1", email)
    return AccountRef(**dict(row)) if row else None


async def find_by_user(db: Database, user_id: UUID) -> AccountRef | None:
    row = await db.pool.fetchrow("SELECT email, tenant_id, user_id FROM account_emails WHERE user_id = $1", user_id)
    return AccountRef(**dict(row)) if row else None


async def accounts_of_tenant(db: Database, tenant_id: str) -> list[AccountRef]:
    rows = await db.pool.fetch(
        "SELECT email, tenant_id, user_id FROM account_emails WHERE tenant_id = $1 ORDER BY email", tenant_id)
    return [AccountRef(**dict(r)) for r in rows]


async def insert_identity(db: Database, issuer: str, subject: str, user_id: UUID) -> bool:
    """False when the provider's subject is already linked (to this account or another)."""
    try:
        await db.pool.execute("INSERT INTO account_identities (issuer, subject, user_id) VALUES ($1, $2, $3)",
                              issuer, subject, user_id)
    except asyncpg.UniqueViolationError:
        return False
    return True


async def find_by_identity(db: Database, issuer: str, subject: str) -> AccountRef | None:
    row = await db.pool.fetchrow(
        "SELECT e.email, e.tenant_id, e.user_id FROM account_identities i JOIN account_emails e USING (user_id)"
        " WHERE i.issuer = $1 AND i.subject = $2", issuer, subject)
    return AccountRef(**dict(row)) if row else None


async def credential(db: Database, user_id: UUID) -> Credential | None:
    row = await db.pool.fetchrow(
        "SELECT password_hash, failed_attempts, locked_until FROM account_credentials WHERE user_id = $1", user_id)
    return Credential(**dict(row)) if row else None


async def set_password(db: Database, user_id: UUID, password_hash: str) -> None:
    """A new password also clears the failed attempts and any lockout."""
    await db.pool.execute(
        "INSERT INTO account_credentials (user_id, password_hash) VALUES ($1, $2)"
        " ON CONFLICT (user_id) DO UPDATE SET password_hash = $2, failed_attempts = 0, locked_until = NULL,"
        " updated_at = now()", user_id, password_hash)


async def record_failure(db: Database, user_id: UUID, max_failures: int, lockout_s: int) -> datetime | None:
    """Count a failed attempt atomically; the one that reaches `max_failures` locks the account
    for `lockout_s` and starts a new count. Returns the lock's end, if locked."""
    return await db.pool.fetchval(
        "UPDATE account_credentials SET"
        " failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,"
        " locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + make_interval(secs => $3)"
        "                ELSE locked_until END"
        " WHERE user_id = $1 RETURNING locked_until", user_id, max_failures, float(lockout_s))


async def record_success(db: Database, user_id: UUID) -> None:
    await db.pool.execute("UPDATE account_credentials SET failed_attempts = 0 WHERE user_id = $1"
                          " AND failed_attempts <> 0", user_id)


async def insert_link(db: Database, link_hash: bytes, purpose: str, user_id: UUID, expires_at: datetime) -> None:
    """A new link of a purpose retires the account's earlier unused ones."""
    async with db.pool.acquire() as conn, conn.transaction():
        await conn.execute("UPDATE account_links SET used_at = now() WHERE user_id = $1 AND purpose = $2"
                           " AND used_at IS NULL", user_id, purpose)
        await conn.execute("INSERT INTO account_links (link_hash, purpose, user_id, expires_at)"
                           " VALUES ($1, $2, $3, $4)", link_hash, purpose, user_id, expires_at)


async def consume_link(db: Database, link_hash: bytes, purposes: tuple[str, ...]) -> tuple[UUID, str] | None:
    """Mark a live link used, once: (user, purpose), or None if unknown, used or expired."""
    row = await db.pool.fetchrow(
        "UPDATE account_links SET used_at = now() WHERE link_hash = $1 AND purpose = ANY($2::text[])"
        " AND used_at IS NULL AND expires_at > now() RETURNING user_id, purpose", link_hash, list(purposes))
    return (row["user_id"], row["purpose"]) if row else None


async def peek_link(db: Database, link_hash: bytes, purposes: tuple[str, ...]) -> UUID | None:
    """The account of a live link, without using it (checks before the change)."""
    return await db.pool.fetchval(
        "SELECT user_id FROM account_links WHERE link_hash = $1 AND purpose = ANY($2::text[])"
        " AND used_at IS NULL AND expires_at > now()", link_hash, list(purposes))


async def insert_session(db: Database, session_id: UUID, secret_hash: bytes, user_id: UUID,
                         expires_at: datetime) -> None:
    """Also forgets the user's sessions that ended a day ago or more, so the table stays small."""
    async with db.pool.acquire() as conn, conn.transaction():
        await conn.execute("DELETE FROM sessions WHERE user_id = $1 AND"
                           " least(expires_at, coalesce(revoked_at, 'infinity')) < now() - interval '1 day'", user_id)
        await conn.execute("INSERT INTO sessions (session_id, secret_hash, user_id, expires_at)"
                           " VALUES ($1, $2, $3, $4)", session_id, secret_hash, user_id, expires_at)


async def live_session(db: Database, session_id: UUID) -> tuple[bytes, UUID] | None:
    """(secret hash, user) of an unexpired, unrevoked session."""
    row = await db.pool.fetchrow("SELECT secret_hash, user_id FROM sessions WHERE session_id = $1"
                                 " AND revoked_at IS NULL AND expires_at > now()", session_id)
    return (bytes(row["secret_hash"]), row["user_id"]) if row else None


async def revoke_session(db: Database, session_id: UUID) -> None:
    await db.pool.execute("UPDATE sessions SET revoked_at = now() WHERE session_id = $1 AND revoked_at IS NULL",
                          session_id)


async def revoke_sessions_of(db: Database, user_id: UUID) -> None:
    await db.pool.execute("UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL",
                          user_id)
