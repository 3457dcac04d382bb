"""`/`: the signed-in person's start page; the sign-in page for anyone else. An officer's
start page is what is due for their units (api/web/officer/todo.py), as of `?on=` or today."""

from __future__ import annotations

from litestar import Controller, get
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromQuery
from litestar.response import Template

from api.web.officer.days import as_of
from api.web.officer.todo import todo
from services.auth.principal import Principal, Role


class HomePage(Controller):
    include_in_schema = False

    @get("/")
    async def home(self, state: State, reader: NamedDependency[Principal],
                   on: FromQuery[str | None] = None) -> Template:
        if reader.has(Role.OFFICER):
            return Template("officer/todo.html",
                            context={"reader": reader, **await todo(state.platform.db, reader, as_of(on))})
        return Template("home.html", context={"reader": reader})
