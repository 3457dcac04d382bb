"""Sign-in through an identity provider (OpenID Connect): the account a provider's login
signs in as. Users are invited first; a provider never creates an account by itself.

The first login finds the account by the provider's *verified* email and links the
provider's (issuer, subject) to it, an event in the account's log; later logins find it by
(issuer, subject) alone, so a changed email at the provider still signs in the same person.

Every refusal is a `SignInRefused` with a `rule` naming the reason and a Vietnamese message,
so the edge can answer a problem (or, later, a page) that says what to do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from domain.accounts import UserAccount, normalise_email
from domain.errors import DomainError
from infra import account_tables
from infra.platform import Platform
from infra.settings import OidcSettings
from services.accounts.loading import load_account, now
from services.accounts.signin import Session, open_session
from services.commands import run_command
from services.context import CommandContext
from services.errors import ApplicationError, NotFoundError, Unauthenticated


class SignInRefused(Unauthenticated):
    """A sign-in through a provider that signs in as no one. UNAUTHENTICATED (401) unless
    `code` says otherwise (BAD_INPUT for a request that was never a valid sign-in)."""

    def __init__(self, rule: str, message: str, message_vi: str, *, code: str = "UNAUTHENTICATED"):
        super().__init__(message)
        self.rule, self.message_vi, self.code = rule, message_vi, code


class ProviderUnavailable(ApplicationError):
    """The identity provider did not answer, or answered what no provider should (503)."""

    code = "UNAVAILABLE"
    rule = "oidc.unavailable"
    message_vi = "Không kết nối được với nhà cung cấp định danh; hãy thử lại sau"


def refused_no_account() -> SignInRefused:
    return SignInRefused("signin.external.no_account",
                         "no account for this email; ask an administrator for an invitation",
                         "Không có tài khoản nào với email này; hãy đề nghị quản trị viên gửi lời mời")


def refused_unverified() -> SignInRefused:
    return SignInRefused("signin.external.email_unverified",
                         "no account is linked to this identity, and the provider gave no verified email",
                         "Danh tính này chưa gắn với tài khoản nào và nhà cung cấp không xác nhận email")


def refused_disabled() -> SignInRefused:
    return SignInRefused("signin.external.disabled", "this account is disabled",
                         "Tài khoản này đã bị khóa")


def refused_identity_taken() -> SignInRefused:
    return SignInRefused("signin.external.identity_taken", "this identity is linked to another account",
                         "Danh tính này đã gắn với một tài khoản khác")


@dataclass(frozen=True)
class ProviderIdentity:
    """Who the provider says signed in, read through the configured claim names."""

    issuer: str
    subject: str
    email: str | None
    email_verified: bool


def identity_from_claims(issuer: str, claims: Mapping[str, object], settings: OidcSettings) -> ProviderIdentity:
    """The claim → user mapping of the settings. A provider that is trusted to verify every
    email (`require_verified_email` off) counts any email it gives as verified."""
    subject = claims.get(settings.subject_claim)
    if not isinstance(subject, str | int) or not str(subject).strip():
        raise SignInRefused("signin.external.no_subject",
                            f"the provider's login has no {settings.subject_claim!r} claim",
                            f"Thông tin đăng nhập của nhà cung cấp thiếu trường {settings.subject_claim!r}")
    email = claims.get(settings.email_claim)
    verified = claims.get(settings.email_verified_claim)
    verified = verified is True or (isinstance(verified, str) and verified.strip().lower() == "true")
    return ProviderIdentity(issuer, str(subject).strip(), email if isinstance(email, str) else None,
                            verified or not settings.require_verified_email)


async def sign_in_with_provider(platform: Platform, identity: ProviderIdentity) -> Session:
    """A session for the account the provider's login maps to, opened like a password sign-in."""
    account = await account_for_login(platform, issuer=identity.issuer, subject=identity.subject,
                                      email=identity.email, email_verified=identity.email_verified)
    return await open_session(platform, account)


async def account_for_login(platform: Platform, *, issuer: str, subject: str, email: str | None,
                            email_verified: bool) -> UserAccount:
    """The invited, enabled account this identity signs in as; SignInRefused otherwise."""
    ref = await account_tables.find_by_identity(platform.db, issuer, subject)
    if ref is None:
        ref = await _invited_by_email(platform, email, email_verified)
        if not await account_tables.insert_identity(platform.db, issuer, subject, ref.user_id):
            racer = await account_tables.find_by_identity(platform.db, issuer, subject)
            if racer is None or racer.user_id != ref.user_id:  # not the same person's first login
                raise refused_identity_taken()
    try:
        account = await load_account(platform, ref.tenant_id, ref.user_id)
    except NotFoundError:
        raise refused_no_account() from None
    if [issuer, subject] not in account.identities:
        # The identity row is written first, so a link whose event was lost is made again here.
        account = await _link(platform, ref.tenant_id, account, issuer, subject)
    if not account.active:
        raise refused_disabled()
    return account


async def _invited_by_email(platform: Platform, email: str | None, email_verified: bool) -> account_tables.AccountRef:
    if not email or not email_verified:
        raise refused_unverified()
    try:
        ref = await account_tables.find_by_email(platform.db, normalise_email(email))
    except DomainError:
        ref = None
    if ref is None:
        raise refused_no_account()
    return ref


async def _link(platform: Platform, tenant: str, account: UserAccount, issuer: str, subject: str) -> UserAccount:
    async def decide() -> UserAccount:
        fresh = await load_account(platform, tenant, account.id)
        try:
            fresh.link_identity(issuer, subject, now())
        except DomainError as refusal:
            raise _refusal_of(refusal) from None
        return fresh

    try:
        await run_command(platform, tenant, CommandContext(actor=account.email), "link_identity", decide)
    except _AlreadyLinked:  # a racing first login of the same person linked it
        pass
    return await load_account(platform, tenant, account.id)


class _AlreadyLinked(Exception):
    pass


def _refusal_of(refusal: DomainError) -> Exception:
    if refusal.rule == "accounts.identity.once":
        return _AlreadyLinked()
    if refusal.rule == "accounts.disabled":
        return refused_disabled()
    return SignInRefused(refusal.rule, f"this account cannot sign in: {refusal.message}",
                         f"Tài khoản này không đăng nhập được: {refusal.message_vi or refusal.message}")
