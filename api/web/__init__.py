"""The web app: server-rendered pages (Jinja, htmx) over the same services as REST and GraphQL.

`web_router()` is everything under `/` that is not the API: the pages, their errors as
pages, and the app's own static assets (`/static/web/...`: styles, fonts, scripts).
"""

from __future__ import annotations

from pathlib import Path

from litestar import Router
from litestar.di import Provide
from litestar.static_files import create_static_files_router

from api.web.access import signed_in
from api.web.errors import PAGE_EXCEPTION_HANDLERS
from api.web.home import HomePage
from api.web.my_account import MyAccountPages
from api.web.people import PeoplePages
from api.web.session_pages import SessionPages
from api.web.templating import STATIC_PATH, template_config

STATIC = Path(__file__).parent / "static"
PAGES = [SessionPages, HomePage, PeoplePages, MyAccountPages]

__all__ = ["template_config", "web_router"]


def web_router() -> list[Router]:
    pages = Router(path="/", route_handlers=PAGES, dependencies={"reader": Provide(signed_in)},
                   exception_handlers=PAGE_EXCEPTION_HANDLERS, include_in_schema=False)
    assets = create_static_files_router(path=STATIC_PATH, directories=[STATIC], include_in_schema=False,
                                        cache_control=None)
    return [pages, assets]
