"""Linking a provider's identity to an invited account (services/accounts/external.py) when
two first logins of the same person race, and the test provider's harness rule: never a
silent skip in CI."""

from __future__ import annotations

import asyncio

import pytest

from domain.accounts import Grant
from services.accounts.external import account_for_login
from services.accounts.invitations import create_invitation
from services.context import SYSTEM
from tests.accounts.conftest import active_user, unique_email
from tests.oidc.provider import node_or_skip

ISSUER = "https://sso.tayninh.gov.vn/realms/thidua"


async def test_two_racing_first_logins_of_one_person_link_once(platform, admin, tenant_id):
    await active_user(platform, tenant_id)
    email = unique_email("race")
    invited, _, _ = await create_invitation(platform, SYSTEM, tenant=tenant_id, email=email,
                                            grant=Grant(frozenset({"officer"})))
    logins = [account_for_login(platform, issuer=ISSUER, subject=f"sub-{email}", email=email, email_verified=True)
              for _ in range(4)]
    accounts = await asyncio.gather(*logins)
    assert {a.id for a in accounts} == {invited.id} and all(a.active for a in accounts)
    topics = await admin.fetch("SELECT topic FROM events WHERE stream_id = $1 ORDER BY version", invited.id)
    assert [t["topic"].rsplit(".", 1)[-1] for t in topics] == ["UserInvited", "ExternalIdentityLinked"]


async def test_an_identity_linked_to_one_account_never_signs_in_as_another(platform, tenant_id):
    first, _, _ = await active_user(platform, tenant_id)
    second, _, _ = await active_user(platform, tenant_id)
    await account_for_login(platform, issuer=ISSUER, subject="sub-shared", email=first, email_verified=True)
    again = await account_for_login(platform, issuer=ISSUER, subject="sub-shared", email=second, email_verified=True)
    assert again.email == first  # the subject decides, not the email the provider sends now


def test_without_node_the_provider_tests_skip_locally_and_fail_in_ci(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        node_or_skip()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="cannot run in CI"):
        node_or_skip()
