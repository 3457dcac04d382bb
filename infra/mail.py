"""A small mailer on the SMTP settings: one plain-text message at a time, sent in a worker
thread so the event loop never waits on the mail server."""

from __future__ import annotations

import asyncio
import smtplib
from email.message import EmailMessage

from infra.settings import MailSettings

TIMEOUT_S = 10


class MailUnavailable(Exception):
    """The SMTP server refused or could not be reached."""


class Mailer:
    def __init__(self, settings: MailSettings):
        self.settings = settings

    @property
    def configured(self) -> bool:
        return self.settings.smtp_host is not None

    async def send(self, to: str, subject: str, body: str) -> None:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = self.settings.sender, to, subject
        message.set_content(body)
        try:
            await asyncio.to_thread(self._send, message)
        except (OSError, smtplib.SMTPException) as exc:
            raise MailUnavailable(f"mail to {to} not sent: {type(exc).__name__}") from None

    def _send(self, message: EmailMessage) -> None:
        s = self.settings
        with smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=TIMEOUT_S) as smtp:
            if s.starttls:
                smtp.starttls()
            if s.username:
                smtp.login(s.username, s.password or "")
            smtp.send_message(message)
