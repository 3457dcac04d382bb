"""Inviting a user into a tenant, and the user accepting by setting a password."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from domain.accounts import Grant, UserAccount, account_id, normalise_email
from domain.errors import Duplicate
from infra import account_tables
from infra.platform import Platform
from services.accounts import links, mail
from services.accounts.authority import check_may_grant
from services.accounts.loading import load_account, now
from services.auth.passwords import check_strength, hashed
from services.auth.principal import Principal
from services.commands import load_or_none, replayed, run_command
from services.context import CommandContext, CommandResult


@dataclass(frozen=True)
class Invitation:
    result: CommandResult
    email: str
    link: str | None
    """The link, when it could not be mailed (no SMTP server): the inviter hands it over."""
    mailed: bool


async def invite_user(platform: Platform, ctx: CommandContext, principal: Principal, *, tenant: str, email: str,
                      grant: Grant) -> Invitation:
    """A new account with its roles, invited by mail. DUPLICATE if the email has an account."""
    email = normalise_email(email)
    if (done := await replayed(platform, tenant, ctx)) is not None:
        return Invitation(done, email, None, False)
    await check_may_grant(platform, ctx, principal, tenant, grant)
    result, link, until = await create_invitation(platform, ctx, tenant=tenant, email=email, grant=grant)
    mailed = await mail.deliver(platform, email, mail.INVITATION, tenant=tenant, link=link,
                                until=until.strftime("%d/%m/%Y %H:%M UTC"))
    return Invitation(result, email, None if mailed else link, mailed)


async def create_invitation(platform: Platform, ctx: CommandContext, *, tenant: str, email: str, grant: Grant):
    """(result, link, expiry), without checking who asks (`thidua platform init` uses it)."""
    email = normalise_email(email)
    until = now() + timedelta(seconds=platform.settings.accounts.invitation_ttl_s)
    user_id = account_id(email)
    await _claim_email(platform, tenant, email)

    async def decide() -> UserAccount:
        return UserAccount.invite(email, tenant, grant, until=until)

    result = await run_command(platform, tenant, ctx, "invite_user", decide, on_conflict=lambda: _taken(email))
    return result, await links.new_link(platform, links.INVITATION, user_id, until), until


async def _claim_email(platform: Platform, tenant: str, email: str) -> None:
    """The email index row first; a row left without its account (a crash between the two)
    is completed by inviting again."""
    user_id = account_id(email)
    if await account_tables.insert_email(platform.db, email, tenant, user_id):
        return
    ref = await account_tables.find_by_email(platform.db, email)
    if ref is None or ref.tenant_id != tenant or await load_or_none(platform, tenant, user_id, UserAccount):
        raise _taken(email)


def _taken(email: str) -> Duplicate:
    return Duplicate(f"{email} already has an account", rule="accounts.email.unique",
                     message_vi=f"Địa chỉ {email} đã có tài khoản")


async def accept_invitation(platform: Platform, secret: str, password: str) -> CommandResult:
    """Set the first password; the link works once. LINK_INVALID, or the account's refusal."""
    check_strength(password)
    user_id = await links.account_of_link(platform, secret, links.INVITATION)
    ref = await account_tables.find_by_user(platform.db, user_id)
    account = await load_account(platform, ref.tenant_id, user_id)
    account.accept_invitation(now())  # refuses before the link is used up
    password_hash = await hashed(password)
    await links.use_link(platform, secret, links.INVITATION)
    await account_tables.set_password(platform.db, user_id, password_hash)

    async def decide() -> UserAccount:
        return account

    return await run_command(platform, ref.tenant_id, CommandContext(actor=account.email), "accept_invitation",
                             decide)
