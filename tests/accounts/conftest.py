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

import pytest
from aiosmtpd.controller import Controller
from litestar.testing import AsyncTestClient

from api.app import create_app
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
    """Plain-HTTP cookies (the test client speaks http) and the test SMTP server."""
    return replace(Settings(), accounts=replace(AccountSettings(secure_cookies=False, public_url="http://thidua.test"),
                                                **accounts),
                   mail=MailSettings(smtp_host="127.0.0.1", smtp_port=inbox.port, starttls=False))


@pytest.fixture(scope="session")
async def accounts_client(admin_url: str, inbox: Inbox) -> AsyncIterator[AsyncTestClient]:
    async with AsyncTestClient(app=create_app(account_settings(inbox, max_failed_signins=3), admin_url)) as client:
        yield client


def unique_email(prefix: str) -> str:
    from uuid import uuid4
    return f"{prefix}.{uuid4().hex[:8]}@example.vn"
