"""Accounts fixtures: a real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it receives,
an app whose mailer points at it, and helpers to sign in and read the mailed links."""

from __future__ import annotations

import re
import socket
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from email import message_from_bytes, policy
from email.message import EmailMessage
from urllib.parse import parse_qs, urlsplit

from uuid import uuid4

import asyncpg
import pytest
from aiosmtpd.controller import Controller
from litestar.testing import AsyncTestClient

from api.app import create_app
from infra.platform import Platform, open_platform
from infra.scratch_database import scratch_database
from infra.settings import AccountSettings, MailSettings, Settings


class Inbox:
    """aiosmtpd handler: every message delivered, parsed."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def last_to(self, email: str) -> EmailMessage:
        found = [m for m in self.messages if m["To"] == email]
        assert found, f"no mail to {email}"
        return found[-1]

    def link_token(self, email: str) -> str:
        """The `token` of the link in the last mail to `email`."""
        body = self.last_to(email).get_content()
        url = re.search(r"https?://\S+", body).group(0)
        return parse_qs(urlsplit(url).query)["token"][0]


@pytest.fixture(scope="session")
def inbox() -> Iterator[Inbox]:
    handler = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    handler.port = port
    yield handler
    controller.stop()


def account_settings(inbox: Inbox, **accounts) -> Settings:
    """Plain-HTTP cookies (the test client speaks http) and the test SMTP server. Every test
    signs in from one address: the per-address throttle is wide unless a test narrows it."""
    return replace(Settings(), accounts=replace(AccountSettings(secure_cookies=False, public_url="http://thidua.test",
                                                                signins_per_minute=10_000), **accounts),
                   mail=MailSettings(smtp_host="127.0.0.1", smtp_port=inbox.port, starttls=False))


@pytest.fixture(scope="session")
async def accounts_url(admin_url: str) -> AsyncIterator[str]:
    """A database of the accounts tests' own: the tenants they provision under the national
    body would otherwise show up in other tests' national rollups."""
    async with scratch_database(admin_url, f"thidua_accounts_{uuid4().hex[:10]}") as url:
        yield url


@pytest.fixture(scope="session")
async def platform(accounts_url: str) -> AsyncIterator[Platform]:
    async with open_platform(Settings(), accounts_url) as opened:
        yield opened


@pytest.fixture
async def admin(accounts_url: str) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(accounts_url)
    yield conn
    await conn.close()


@pytest.fixture(scope="session")
async def accounts_client(accounts_url: str, inbox: Inbox) -> AsyncIterator[AsyncTestClient]:
    async with AsyncTestClient(app=create_app(account_settings(inbox, max_failed_signins=3), accounts_url)) as client:
        yield client


def unique_email(prefix: str) -> str:
    return f"{prefix}.{uuid4().hex[:8]}@example.vn"


async def active_user(platform, tenant: str, *roles: str, unit=None, password: str = "Mat-khau-du-dai-1") -> tuple:
    """(email, password, account id) of a fresh account that has accepted its invitation, in a
    provisioned `tenant` (services called directly: the HTTP side is what the tests try)."""
    from datetime import date
    from urllib.parse import parse_qs, urlsplit

    from domain.accounts import Grant
    from domain.errors import Duplicate
    from services.accounts.invitations import accept_invitation, create_invitation
    from services.context import SYSTEM
    from services.tenants import provision_tenant
    from tests.api.story import ensure_national_platform

    await ensure_national_platform(platform)
    try:
        await provision_tenant(platform, SYSTEM, tenant_id=tenant, name=f"LĐLĐ {tenant}", kind="province_federation",
                               effective=date(2020, 1, 1))
    except Duplicate:
        pass
    email = unique_email(roles[0] if roles else "officer")
    result, link, _ = await create_invitation(platform, SYSTEM, tenant=tenant, email=email,
                                              grant=Grant(frozenset(roles or {"officer"}), unit))
    await accept_invitation(platform, parse_qs(urlsplit(link).query)["token"][0], password)
    return email, password, result.id
