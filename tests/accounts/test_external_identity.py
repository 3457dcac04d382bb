"""The account/claims mapping a later OpenID Connect sign-in uses: the first login finds the
invited account by the provider's verified email and links (issuer, subject); later logins
find it by (issuer, subject) alone. No account is created by a provider."""

from __future__ import annotations

import pytest

from domain.accounts import Grant
from services.accounts.external import account_for_login
from services.accounts.invitations import create_invitation
from services.accounts.signin import open_session, session_principal
from services.context import SYSTEM
from services.errors import Unauthenticated
from tests.accounts.conftest import active_user, unique_email

ISSUER = "https://sso.tayninh.gov.vn/realms/thidua"


async def test_a_verified_email_links_the_identity_once_then_the_subject_suffices(platform, admin, tenant_id):
    await active_user(platform, tenant_id)  # provisions the tenant
    email = unique_email("oidc")
    invited, _, _ = await create_invitation(platform, SYSTEM, tenant=tenant_id, email=email,
                                            grant=Grant(frozenset({"viewer"})))
    first = await account_for_login(platform, issuer=ISSUER, subject="sub-42", email=email.upper(),
                                    email_verified=True)
    assert first.id == invited.id and first.active  # the provider's login accepted the invitation
    later = await account_for_login(platform, issuer=ISSUER, subject="sub-42", email="changed@elsewhere.vn",
                                    email_verified=True)
    assert later.id == invited.id
    session = await open_session(platform, later)
    principal, _ = await session_principal(platform, session.cookie)
    assert principal.tenant == tenant_id and principal.subject == email
    topics = await admin.fetch("SELECT topic FROM events WHERE tenant_id = $1 AND stream_id = $2 ORDER BY version",
                               tenant_id, invited.id)
    assert [t["topic"].rsplit(".", 1)[-1] for t in topics] == ["UserInvited", "ExternalIdentityLinked"]


@pytest.mark.parametrize("email, verified", [(None, True), ("someone@nowhere.vn", True), ("x", True)])
async def test_no_account_is_made_for_an_unknown_or_unverified_login(platform, email, verified):
    with pytest.raises(Unauthenticated):
        await account_for_login(platform, issuer=ISSUER, subject=f"sub-{email}", email=email, email_verified=verified)


async def test_an_unverified_email_does_not_link(platform, tenant_id):
    email, _, _ = await active_user(platform, tenant_id)
    with pytest.raises(Unauthenticated):
        await account_for_login(platform, issuer=ISSUER, subject="sub-unverified", email=email, email_verified=False)
