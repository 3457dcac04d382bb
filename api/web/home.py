"""`/`: the signed-in person's start page; the sign-in page for anyone else."""

from __future__ import annotations

from litestar import Controller, get
from litestar.di import NamedDependency
from litestar.response import Template

from services.auth.principal import Principal


class HomePage(Controller):
    include_in_schema = False

    @get("/")
    async def home(self, reader: NamedDependency[Principal]) -> Template:
        return Template("home.html", context={"reader": reader})
