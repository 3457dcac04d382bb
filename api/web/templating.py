"""Jinja templates: where they live and what every template can call.

`_("...")` translates into the reader's language; `csrf_token()` is the session's token
for form posts (the session cookie alone never authorises a post); `static("css/app.css")`
is the app's own asset URL (every asset is served by the app: no page loads from another host).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from uuid import uuid4

from jinja2 import pass_context
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig

from api.auth.cookies import CSRF_COOKIE
from api.web.access import unit_level
from api.web.i18n import bilingual, language_of, translate
from api.web.navigation import menu_for

TEMPLATES = Path(__file__).parent / "templates"
STATIC_PATH = "/static/web"


@pass_context
def _translate(context, message: str, **values: object) -> str:
    return translate(language_of(context["request"]), message, **values)


@pass_context
def _csrf_token(context) -> str:
    return context["request"].cookies.get(CSRF_COOKIE, "")


@pass_context
def _language(context) -> str:
    return language_of(context["request"])


@pass_context
def _error_text(context, error) -> str:
    """A refusal's message in the reader's language (`error`: api.errors.PublicError)."""
    return bilingual(language_of(context["request"]), error.message_en, error.message_vi)


@pass_context
def _menu(context, reader):
    return menu_for(reader, unit_level(context["request"]))


def _day(value: date | datetime | None) -> str:
    """Dates as Vietnamese officers write them: dd/mm/yyyy."""
    return value.strftime("%d/%m/%Y") if value else ""


def _configure(engine: JinjaTemplateEngine) -> None:
    env = engine.engine
    env.globals.update(_=_translate, csrf_token=_csrf_token, language=_language, error_text=_error_text,
                       static=lambda path: f"{STATIC_PATH}/{path}", new_key=lambda: uuid4().hex,
                       menu=_menu)
    env.filters["day"] = _day


def template_config() -> TemplateConfig[JinjaTemplateEngine]:
    return TemplateConfig(directory=TEMPLATES, engine=JinjaTemplateEngine, engine_callback=_configure)
