"""Signing in with a password, signing out, and resetting a forgotten password.

Wrong passwords are counted per account; the one that reaches the limit locks the account
for a while (TOO_MANY_REQUESTS with Retry-After), whoever is trying. A locked account is
refused before its password is checked, so the lock cannot be used as a guessing oracle.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID, uuid4

from domain.accounts import UserAccount, normalise_email
from domain.errors import DomainError
from infra import account_tables
from infra.platform import Platform
from services.accounts import links, mail
from services.accounts.loading import active_account, load_account, now, principal_of
from services.auth.hashed_secrets import csrf_token, digest, matches, new_secret
from services.auth.passwords import check_strength, hashed, needs_rehash, verified
from services.auth.principal import Principal
from services.commands import run_command
from services.context import CommandContext, CommandResult
from services.errors import TooManyAttempts, Unauthenticated

WRONG = "the email or the password is wrong"
WRONG_VI = "Email hoặc mật khẩu không đúng"


@dataclass(frozen=True)
class Session:
    cookie: str
    """`<session id>.<secret>`: the value of the session cookie."""
    csrf: str
    """Sent back in `X-CSRF-Token` (or the form field `_csrf`) with every form post."""
    expires_at: datetime
    principal: Principal


async def sign_in(platform: Platform, email: str, password: str) -> Session:
    settings = platform.settings.accounts
    try:
        ref = await account_tables.find_by_email(platform.db, normalise_email(email))
    except DomainError:
        ref = None
    credential = await account_tables.credential(platform.db, ref.user_id) if ref else None
    if credential and credential.locked_until and credential.locked_until > now():
        raise _locked(credential.locked_until)
    if not await verified(credential.password_hash if credential else None, str(password)):
        if credential:
            locked = await account_tables.record_failure(platform.db, ref.user_id, settings.max_failed_signins,
                                                         settings.lockout_s)
            if locked and locked > now():
                raise _locked(locked)
        raise Unauthenticated(WRONG, message_vi=WRONG_VI)
    account = await active_account(platform, ref.user_id)
    if needs_rehash(credential.password_hash):
        await account_tables.set_password(platform.db, ref.user_id, await hashed(str(password)))
    await account_tables.record_success(platform.db, ref.user_id)
    return await open_session(platform, account)


async def open_session(platform: Platform, account: UserAccount) -> Session:
    """A new session for an account that has proven who it is (a password, or an identity
    provider's login through `services.accounts.external`)."""
    session_id, secret = uuid4(), new_secret()
    expires = now() + timedelta(seconds=platform.settings.accounts.session_ttl_s)
    await account_tables.insert_session(platform.db, session_id, digest(secret), account.id, expires)
    return Session(f"{session_id.hex}.{secret}", csrf_token(platform.settings.auth.jwt_secret, session_id),
                   expires, principal_of(account))


async def session_principal(platform: Platform, cookie: str) -> tuple[Principal, str]:
    """The caller of a session cookie and the session's CSRF token; UNAUTHENTICATED when the
    session is unknown, expired, signed out, or its account is disabled."""
    session_id, secret = _parse(cookie)
    live = await account_tables.live_session(platform.db, session_id)
    if live is None or not matches(secret, live[0]):
        raise Unauthenticated("the session has ended; sign in again")
    account = await active_account(platform, live[1])
    return principal_of(account), csrf_token(platform.settings.auth.jwt_secret, session_id)


async def sign_out(platform: Platform, cookie: str) -> None:
    session_id, secret = _parse(cookie)
    live = await account_tables.live_session(platform.db, session_id)
    if live is not None and matches(secret, live[0]):
        await account_tables.revoke_session(platform.db, session_id)


def _parse(cookie: str) -> tuple[UUID, str]:
    raw_id, _, secret = str(cookie).partition(".")
    try:
        return UUID(hex=raw_id), secret
    except ValueError:
        raise Unauthenticated("malformed session cookie") from None


def _locked(until: datetime) -> TooManyAttempts:
    wait = int((until - now()).total_seconds()) + 1
    return TooManyAttempts(f"too many wrong passwords; try again in {wait} s", retry_after=wait)


async def request_password_reset(platform: Platform, email: str) -> bool:
    """Mails a reset link to an active account; True when mailed. The API answers the same
    whatever this returns (no account enumeration), and the link never leaves the mail."""
    ref = await account_tables.find_by_email(platform.db, normalise_email(email))
    if ref is None:
        return False
    account = await load_account(platform, ref.tenant_id, ref.user_id)
    if not account.active:
        return False
    until = now() + timedelta(seconds=platform.settings.accounts.reset_ttl_s)
    link = await links.new_link(platform, links.PASSWORD_RESET, ref.user_id, until)
    mailed = await mail.deliver(platform, ref.email, mail.PASSWORD_RESET, link=link,
                                until=until.strftime("%d/%m/%Y %H:%M UTC"))
    return mailed


async def reset_password(platform: Platform, secret: str, password: str) -> CommandResult:
    """A new password from a reset link: every session of the account ends, the lockout clears."""
    check_strength(password)
    user_id = await links.account_of_link(platform, secret, links.PASSWORD_RESET)
    account = await active_account(platform, user_id)
    account.record_password_reset(now())
    password_hash = await hashed(password)
    await links.use_link(platform, secret, links.PASSWORD_RESET)
    await account_tables.set_password(platform.db, user_id, password_hash)
    await account_tables.revoke_sessions_of(platform.db, user_id)

    async def decide() -> UserAccount:
        return account

    return await run_command(platform, account.tenant, CommandContext(actor=account.email), "reset_password",
                             decide)
