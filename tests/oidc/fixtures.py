"""Pytest fixtures for the OpenID Connect tests (imported by tests/accounts/test_oidc*.py):
the provider with two clients, and platform apps that sign in through it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import replace

import pytest
from litestar.testing import AsyncTestClient

from api.app import create_app
from infra.settings import OidcSettings, Settings
from tests.accounts.conftest import account_settings
from tests.oidc.provider import Client, RunningProvider, running_provider

PLATFORM = Client("thidua", "a-client-secret-long-enough-for-hs256-0123456789",
                  "http://thidua.test/auth/oidc/callback")
OTHER_APP = Client("other-app", "another-client-secret-0123456789-0123456789",
                   "http://other.test/auth/oidc/callback")


@pytest.fixture(scope="module")
def provider() -> Iterator[RunningProvider]:
    with running_provider(PLATFORM, OTHER_APP) as running:
        yield running


def oidc_settings(provider: RunningProvider, client: Client = PLATFORM, **changes) -> OidcSettings:
    return replace(OidcSettings(issuer=provider.issuer, client_id=client.client_id, client_secret=client.client_secret,
                                redirect_base=client.redirect_uri.removesuffix("/auth/oidc/callback")), **changes)


def platform_settings(inbox, oidc: OidcSettings | None) -> Settings:
    return replace(account_settings(inbox), oidc=oidc)


@pytest.fixture(scope="module")
async def oidc_client(provider, accounts_url, inbox) -> AsyncIterator[AsyncTestClient]:
    """The platform signing in through the provider, on the accounts tests' database."""
    async with AsyncTestClient(app=create_app(platform_settings(inbox, oidc_settings(provider)), accounts_url)) as c:
        yield c
