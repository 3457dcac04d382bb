"""Every message the web app shows has its Vietnamese translation (Vietnamese is the default:
an untranslated message would show in English to an officer who reads no English)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir

from api.web.i18n import catalogue
from api.web.navigation import ACCOUNT, MENU

WEB = Path(__file__).resolve().parents[2] / "api" / "web"
METHODS = [("**/templates/**.html", "jinja2"), ("**.py", "python")]


def messages_in_source() -> set[str]:
    found = {message for _, _, message, *_ in extract_from_dir(str(WEB), METHODS, keywords={"_": None})
             if isinstance(message, str)}
    return found | {entry.label for entry in [*MENU, ACCOUNT]}


def test_messages_are_found_in_templates_and_code():
    found = messages_in_source()
    assert {"Sign in", "Skip to content", "Home"} <= found


def test_every_message_has_a_vietnamese_translation():
    missing = sorted(messages_in_source() - catalogue("vi").keys())
    assert missing == [], f"add these to api/web/locales/vi/*.po: {missing}"
