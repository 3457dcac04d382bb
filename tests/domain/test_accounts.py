"""Account rules, no database: invitations expire and are accepted once, who may grant what,
a disabled account changes no further, personal tokens expire and are revoked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from domain.accounts import Grant, UserAccount, account_id, check_grant, normalise_email
from domain.errors import BadInput, DeadlinePassed, InvalidTransition

NOW = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)


def invited(*roles: str, until: datetime = NOW + timedelta(days=7)) -> UserAccount:
    return UserAccount.invite("Cán.Bộ@LDLD-TayNinh.vn ", "tay-ninh", Grant(frozenset(roles or {"officer"})),
                              until=until)


def test_an_email_is_one_account_whatever_its_spelling():
    account = invited()
    assert account.email == "cán.bộ@ldld-tayninh.vn"
    assert account.id == account_id("CÁN.BỘ@ldld-tayninh.vn")


@pytest.mark.parametrize("email", ["", "no-at-sign", "a@b", "two@@x.vn", "sp ace@x.vn"])
def test_a_malformed_email_is_bad_input(email):
    with pytest.raises(BadInput):
        normalise_email(email)


def test_an_invited_account_signs_in_only_after_accepting():
    account = invited()
    assert not account.active
    account.accept_invitation(NOW)
    assert account.active


def test_an_expired_invitation_is_refused():
    account = invited(until=NOW - timedelta(seconds=1))
    with pytest.raises(DeadlinePassed):
        account.accept_invitation(NOW)


def test_an_invitation_is_accepted_once():
    account = invited()
    account.accept_invitation(NOW)
    with pytest.raises(InvalidTransition):
        account.accept_invitation(NOW)


def test_a_disabled_account_is_not_active_and_changes_no_further():
    account = invited()
    account.accept_invitation(NOW)
    account.disable("left the federation")
    assert not account.active
    with pytest.raises(InvalidTransition):
        account.change_roles(Grant(frozenset({"viewer"})))
    account.enable()
    assert account.active


def test_changing_to_the_same_roles_is_refused():
    account = invited("officer")
    with pytest.raises(BadInput):
        account.change_roles(Grant(frozenset({"officer"})))


def test_only_a_platform_administrator_grants_platform_roles():
    with pytest.raises(BadInput) as refused:
        check_grant(Grant(frozenset({"national"})), tenant="national", platform_tenant="national",
                    granted_by=frozenset({"tenant_admin"}))
    assert refused.value.rule == "accounts.grant.platform_roles"
    check_grant(Grant(frozenset({"national"})), tenant="national", platform_tenant="national",
                granted_by=frozenset({"platform_admin"}))


def test_platform_roles_are_held_in_the_platform_tenant_only():
    with pytest.raises(BadInput) as refused:
        check_grant(Grant(frozenset({"platform_admin"})), tenant="tay-ninh", platform_tenant="national",
                    granted_by=frozenset({"platform_admin"}))
    assert refused.value.rule == "accounts.grant.platform_tenant"


def test_a_tenant_administrator_grants_the_audit_of_its_own_tenant_only():
    own = Grant(frozenset({"auditor"}), audit_tenants=frozenset({"tay-ninh"}))
    check_grant(own, tenant="tay-ninh", platform_tenant="national", granted_by=frozenset({"tenant_admin"}))
    other = Grant(frozenset({"auditor"}), audit_tenants=frozenset({"kien-giang"}))
    with pytest.raises(BadInput):
        check_grant(other, tenant="tay-ninh", platform_tenant="national", granted_by=frozenset({"tenant_admin"}))


@pytest.mark.parametrize("roles", [frozenset(), frozenset({"emperor"})])
def test_unknown_or_no_roles_are_refused(roles):
    with pytest.raises(BadInput):
        check_grant(Grant(roles), tenant="t", platform_tenant="national", granted_by=frozenset({"platform_admin"}))


def test_a_personal_token_is_live_until_it_expires_or_is_revoked():
    account = invited()
    account.accept_invitation(NOW)
    first, second = uuid4(), uuid4()
    account.issue_token(first, "script", ["read"], NOW + timedelta(days=1), "ab" * 32, NOW)
    account.issue_token(second, "other", ["write"], NOW + timedelta(days=30), "cd" * 32, NOW)
    assert set(account.live_tokens(NOW)) == {str(first), str(second)}
    assert set(account.live_tokens(NOW + timedelta(days=2))) == {str(second)}
    account.revoke_token(second)
    assert account.live_tokens(NOW) == {str(first): account.tokens[str(first)]}
    with pytest.raises(BadInput):
        account.revoke_token(second)


def test_a_token_is_issued_only_to_an_active_account():
    account = invited()
    with pytest.raises(InvalidTransition):
        account.issue_token(uuid4(), "early", ["read"], NOW + timedelta(days=1), "ab" * 32, NOW)
