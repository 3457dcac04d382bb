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


def test_a_message_reads_the_same_in_every_area():
    """The catalogues are merged: one English message with two Vietnamese wordings would show
    whichever file loads last. Distinct meanings need distinct messages."""
    from babel.messages.pofile import read_po

    from api.web.i18n import LOCALES

    wordings: dict[str, set[str]] = {}
    for path in sorted((LOCALES / "vi").glob("*.po")):
        with path.open("rb") as po:
            for message in read_po(po):
                if message.id and message.string:
                    wordings.setdefault(message.id, set()).add(message.string)
    assert {m: w for m, w in wordings.items() if len(w) > 1} == {}
