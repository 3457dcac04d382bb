"""Sign-in through an identity provider (OpenID Connect, later): the account a provider's
login signs in as. Users are invited first; a provider never creates an account by itself.

The first login finds the account by the provider's *verified* email and links the
provider's (issuer, subject) to it, an event in the account's log; later logins find it by
(issuer, subject) alone, so a changed email at the provider still signs in the same person.
"""

from __future__ import annotations

from domain.accounts import UserAccount, normalise_email
from domain.errors import DomainError
from infra import account_tables
from infra.platform import Platform
from services.accounts.loading import active_account, load_account, now
from services.commands import run_command
from services.context import CommandContext
from services.errors import Unauthenticated


async def account_for_login(platform: Platform, *, issuer: str, subject: str, email: str | None,
                            email_verified: bool) -> UserAccount:
    """UNAUTHENTICATED when no invited, enabled account matches."""
    ref = await account_tables.find_by_identity(platform.db, issuer, subject)
    if ref is not None:
        return await active_account(platform, ref.user_id)
    if not email or not email_verified:
        raise Unauthenticated("no account is linked to this identity, and the provider gave no verified email")
    try:
        ref = await account_tables.find_by_email(platform.db, normalise_email(email))
    except DomainError:
        ref = None
    if ref is None:
        raise Unauthenticated("no account for this email; ask an administrator for an invitation")
    account = await load_account(platform, ref.tenant_id, ref.user_id)
    try:
        account.link_identity(issuer, subject, now())
    except DomainError as refused:
        raise Unauthenticated(f"this account cannot sign in: {refused.message}") from None
    if not await account_tables.insert_identity(platform.db, issuer, subject, ref.user_id):
        raise Unauthenticated("this identity is linked to another account")

    async def decide() -> UserAccount:
        return account

    await run_command(platform, ref.tenant_id, CommandContext(actor=account.email), "link_identity", decide)
    return account
