"""The messages the platform mails to account holders (Vietnamese first, English second)."""

from __future__ import annotations

import logging

from infra.mail import Mailer, MailUnavailable
from infra.platform import Platform

log = logging.getLogger("thidua.accounts")

INVITATION = ("Lời mời tham gia Thi Đua / Invitation to Thi Đua",
              "Bạn được mời sử dụng nền tảng Thi Đua ({tenant}). Đặt mật khẩu tại liên kết sau"
              " (hiệu lực đến {until}):\n\n{link}\n\n"
              "You are invited to the Thi Đua platform ({tenant}). Set your password at the link above"
              " (valid until {until}).\n")
PASSWORD_RESET = ("Đặt lại mật khẩu Thi Đua / Reset your Thi Đua password",
                  "Đặt mật khẩu mới tại liên kết sau (hiệu lực đến {until}):\n\n{link}\n\n"
                  "Set a new password at the link above (valid until {until}). If you did not ask for it,"
                  " ignore this message.\n")


async def deliver(platform: Platform, to: str, message: tuple[str, str], **fields: str) -> bool:
    """True when mailed; False when no SMTP server is configured or it failed (the caller
    then hands the link over another way)."""
    mailer = Mailer(platform.settings.mail)
    if not mailer.configured:
        return False
    subject, body = message
    try:
        await mailer.send(to, subject, body.format(**fields))
    except MailUnavailable as exc:
        log.warning("%s", exc)
        return False
    return True
