"""`UserAccount`: one person's account in one tenant, from invitation to disabling."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.accounts.grants import Grant, normalise_email
from domain.errors import BadInput, DeadlinePassed, InvalidTransition
from domain.events import versioned

# Never change: existing account ids would stop matching.
ACCOUNT_NS = UUID("6f1d3c2a-4b7e-5a10-9c61-0d7a1e2b3c20")
MAX_TOKENS = 20  # live personal tokens per account


def account_id(email: str) -> UUID:
    """One account per email on the whole platform: a second invitation collides."""
    return uuid5(ACCOUNT_NS, normalise_email(email))


@versioned
class UserAccount(Aggregate):
    @staticmethod
    def create_id(email: str, **_: object) -> UUID:
        return account_id(email)

    @event("UserInvited")
    def __init__(self, email: str, tenant: str, roles: list, unit: UUID | None, audit_tenants: list,
                 invited_until: datetime) -> None:
        self.email, self.tenant, self.invited_until = email, tenant, invited_until
        self.roles, self.unit, self.audit_tenants = roles, unit, audit_tenants
        self.accepted, self.disabled = False, False
        self.tokens: dict[str, dict] = {}
        self.identities: list[list[str]] = []

    @classmethod
    def invite(cls, email: str, tenant: str, grant: Grant, *, until: datetime) -> UserAccount:
        return cls(email=normalise_email(email), tenant=tenant, roles=sorted(grant.roles), unit=grant.unit,
                   audit_tenants=sorted(grant.audit_tenants), invited_until=until)

    @property
    def grant(self) -> Grant:
        return Grant(frozenset(self.roles), self.unit, frozenset(self.audit_tenants))

    @property
    def active(self) -> bool:
        """May sign in: invitation accepted, not disabled."""
        return self.accepted and not self.disabled

    def accept_invitation(self, now: datetime) -> None:
        self._check_enabled()
        if self.accepted:
            raise InvalidTransition("the invitation was already accepted", rule="accounts.invitation.once",
                                    message_vi="Lời mời đã được nhận trước đó")
        if now > self.invited_until:
            raise DeadlinePassed("the invitation has expired; ask for a new one", rule="accounts.invitation.expiry",
                                 message_vi="Lời mời đã hết hạn; hãy đề nghị gửi lời mời mới")
        self._accept(at=now)

    @event("InvitationAccepted")
    def _accept(self, at: datetime) -> None:
        self.accepted = True

    def renew_invitation(self, until: datetime) -> None:
        self._check_enabled()
        if self.accepted:
            raise InvalidTransition("the invitation was already accepted", rule="accounts.invitation.once",
                                    message_vi="Lời mời đã được nhận trước đó")
        self._renew(invited_until=until)

    @event("InvitationRenewed")
    def _renew(self, invited_until: datetime) -> None:
        self.invited_until = invited_until

    def record_password_reset(self, now: datetime) -> None:
        self._check_active()
        self._password_reset(at=now)

    @event("PasswordReset")
    def _password_reset(self, at: datetime) -> None:
        pass

    def change_roles(self, grant: Grant) -> None:
        self._check_enabled()
        if grant == self.grant:
            raise BadInput("the account already holds exactly these roles", rule="accounts.roles.unchanged",
                           message_vi="Tài khoản đã có đúng các vai trò này")
        self._change_roles(roles=sorted(grant.roles), unit=grant.unit, audit_tenants=sorted(grant.audit_tenants))

    @event("RolesChanged")
    def _change_roles(self, roles: list, unit: UUID | None, audit_tenants: list) -> None:
        self.roles, self.unit, self.audit_tenants = roles, unit, audit_tenants

    def disable(self, reason: str) -> None:
        self._check_enabled()
        self._disable(reason=str(reason).strip()[:500])

    @event("AccountDisabled")
    def _disable(self, reason: str) -> None:
        self.disabled = True

    def enable(self) -> None:
        if not self.disabled:
            raise InvalidTransition("the account is not disabled", rule="accounts.enable",
                                    message_vi="Tài khoản không bị khóa")
        self._enable()

    @event("AccountEnabled")
    def _enable(self) -> None:
        self.disabled = False

    def link_identity(self, issuer: str, subject: str, now: datetime) -> None:
        """An identity provider's (issuer, subject) signs in as this account from now on; a
        first sign-in through the provider also accepts a pending invitation."""
        self._check_enabled()
        issuer, subject = str(issuer).strip(), str(subject).strip()
        if not issuer or not subject or len(issuer) > 500 or len(subject) > 255:
            raise BadInput("an external identity needs an issuer and a subject", rule="accounts.identity",
                           message_vi="Danh tính bên ngoài cần có nơi cấp và mã định danh")
        if [issuer, subject] in self.identities:
            raise BadInput("this identity is already linked", rule="accounts.identity.once",
                           message_vi="Danh tính này đã được liên kết")
        if not self.accepted and now > self.invited_until:
            raise DeadlinePassed("the invitation has expired; ask for a new one", rule="accounts.invitation.expiry",
                                 message_vi="Lời mời đã hết hạn; hãy đề nghị gửi lời mời mới")
        self._link_identity(issuer=issuer, subject=subject, at=now)

    @event("ExternalIdentityLinked")
    def _link_identity(self, issuer: str, subject: str, at: datetime) -> None:
        self.identities = [*self.identities, [issuer, subject]]
        self.accepted = True

    def issue_token(self, token_id: UUID, name: str, scopes: list, expires_at: datetime, secret_hash: str,
                    now: datetime) -> None:
        """A personal API token; only its SHA-256 hash is kept (the secret is shown once)."""
        self._check_active()
        if len(self.live_tokens(now)) >= MAX_TOKENS:
            raise BadInput(f"at most {MAX_TOKENS} live personal tokens per account", rule="accounts.tokens.limit",
                           message_vi=f"Mỗi tài khoản có tối đa {MAX_TOKENS} token cá nhân còn hiệu lực")
        if expires_at <= now:
            raise BadInput("a token must expire in the future", rule="accounts.tokens.expiry",
                           message_vi="Hạn của token phải ở tương lai")
        self._issue_token(token_id=token_id, name=name, scopes=sorted(scopes), expires_at=expires_at,
                          secret_hash=secret_hash)

    @event("PersonalTokenIssued")
    def _issue_token(self, token_id: UUID, name: str, scopes: list, expires_at: datetime,
                     secret_hash: str) -> None:
        self.tokens = {**self.tokens, str(token_id): {"name": name, "scopes": scopes, "expires_at": expires_at,
                                                      "secret_hash": secret_hash, "revoked": False}}

    def revoke_token(self, token_id: UUID) -> None:
        token = self.tokens.get(str(token_id))
        if token is None or token["revoked"]:
            raise BadInput(f"no live token {token_id}", rule="accounts.tokens.revoke",
                           message_vi="Token không tồn tại hoặc đã hết hiệu lực")
        self._revoke_token(token_id=token_id)

    @event("PersonalTokenRevoked")
    def _revoke_token(self, token_id: UUID) -> None:
        self.tokens = {**self.tokens, str(token_id): {**self.tokens[str(token_id)], "revoked": True}}

    def live_tokens(self, now: datetime) -> dict[str, dict]:
        return {k: t for k, t in self.tokens.items() if not t["revoked"] and t["expires_at"] > now}

    def _check_enabled(self) -> None:
        if self.disabled:
            raise InvalidTransition("the account is disabled", rule="accounts.disabled",
                                    message_vi="Tài khoản đã bị khóa")

    def _check_active(self) -> None:
        self._check_enabled()
        if not self.accepted:
            raise InvalidTransition("the invitation has not been accepted yet", rule="accounts.invitation.pending",
                                    message_vi="Lời mời chưa được chấp nhận")
