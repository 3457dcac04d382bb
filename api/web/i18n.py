"""The web app's languages: Vietnamese by default, English on request.

Messages are written in English in the templates and the code (`_("Sign in")`); their
Vietnamese lives in gettext catalogues, `locales/vi/*.po`, one per area of the app, read once
with Babel. A message without a translation shows in English (tests/web check there is none).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from litestar.connection import ASGIConnection

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
COOKIE = "lang"
LOCALES = Path(__file__).parent / "locales"


@cache
def catalogue(language: str) -> dict[str, str]:
    """msgid -> translation, every `.po` file of the language merged."""
    messages: dict[str, str] = {}
    for path in sorted((LOCALES / language).glob("*.po")):
        with path.open("rb") as po:
            messages.update({m.id: m.string for m in read_po(po) if m.id and m.string})
    return messages


def language_of(connection: ASGIConnection) -> str:
    chosen = connection.cookies.get(COOKIE)
    return chosen if chosen in LANGUAGES else DEFAULT


def translate(language: str, message: str, **values: object) -> str:
    text = catalogue(language).get(message, message) if language != "en" else message
    return text.format(**values) if values else text


def bilingual(language: str, english: str, vietnamese: str) -> str:
    """A coded error carries both messages; show the one the reader chose."""
    return vietnamese if language == "vi" and vietnamese else english
