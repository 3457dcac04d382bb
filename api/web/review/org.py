"""The org tree of the reader's subtree, as now or as of a date (org_tree read model), and its
changes: create, rename, move, merge, split, dissolve (services/org_units), each a form with
its own idempotency key; the import of a sheet is api/web/review/org_import.py."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import FormMultiDict, State
from litestar.di import NamedDependency
from litestar.params import FromPath, QueryParameter
from litestar.response import Template

from api.auth.policy import Access, scope_tenant
from api.rest.commanding import write_tenant
from api.web.form_values import day, rows, text, uuid
from api.web.forms import form_context, read_form, submit
from api.web.review.common import shown_after, subtree
from api.web.review.labels import Labels
from infra.errors import NotFoundError
from projections import queries
from services import org_units
from services.auth.principal import Principal

BASE = "/org"
FIELDS = {**{f"form.{name}": name for name in ("name", "kind", "parent_id", "effective", "successor_id", "split")},
          "input.name": "name", "org.name": "name", "org.unit.kind": "kind", "org.parent": "parent_id",
          "org.change": "effective", "org.end": "effective"}


class OrgPages(Controller):
    path = BASE
    include_in_schema = False

    @get("/")
    async def tree(self, state: State, reader: NamedDependency[Principal],
                   as_of: Annotated[str, QueryParameter(name="as_of")] = "") -> Template:
        return Template("review/org_tree.html", context=await _tree_context(state, reader, as_of))

    @post("/create")
    async def create(self, request: Request, state: State, reader: NamedDependency[Principal]) -> Response:
        form = await read_form(request)

        async def created() -> Response:
            result = await org_units.create_unit(
                state.platform, write_tenant(reader), form_context(request, reader, form), kind=text(form, "kind"),
                name=text(form, "name"), parent_id=uuid(form.get("parent_id", ""), "parent_id"),
                effective=day(form.get("effective", ""), "effective"), code=text(form, "code") or None,
                enterprise=form.get("enterprise") == "on")
            return await shown_after(state, reader, result, f"{BASE}/{result.id}")

        context = await _tree_context(state, reader, "") | {"typed": form, "step": "create"}
        return await submit("review/org_tree.html", context, created, FIELDS)

    @get("/{unit_id:uuid}")
    async def unit(self, state: State, reader: NamedDependency[Principal], unit_id: FromPath[UUID]) -> Template:
        return Template("review/org_unit.html", context=await _unit_context(state, reader, unit_id))

    @post("/{unit_id:uuid}/{change:str}")
    async def change(self, request: Request, state: State, reader: NamedDependency[Principal], unit_id: FromPath[UUID],
                     change: FromPath[str]) -> Response:
        if change not in CHANGES:
            raise NotFoundError(f"no change {change!r}")
        form = await read_form(request)

        async def changed() -> Response:
            result = await CHANGES[change](state, write_tenant(reader), form_context(request, reader, form),
                                           unit_id, form)
            return await shown_after(state, reader, result, f"{BASE}/{unit_id}")

        context = await _unit_context(state, reader, unit_id) | {"typed": form, "step": change}
        return await submit("review/org_unit.html", context, changed, FIELDS)


async def _tree_context(state: State, reader: Principal, as_of: str) -> dict:
    on = day(as_of, "as_of", required=False)
    units = await subtree(state, reader, as_of=on)
    return {"reader": reader, "labels": Labels, "units": units, "as_of": on, "today": date.today(),
            "step": None, "typed": FormMultiDict()}


async def _unit_context(state: State, reader: Principal, unit_id: UUID) -> dict:
    units = await subtree(state, reader)
    row = await queries.unit(state.platform.db, unit_id, scope=scope_tenant(reader, Access.METADATA))
    if row is None:
        raise NotFoundError(f"unit {unit_id} not found")
    return {"reader": reader, "labels": Labels, "unit": row, "units": units,
            "names": {u["unit_id"]: u["name"] for u in units}, "today": date.today(), "step": None,
            "typed": FormMultiDict()}


async def _rename(state, tenant, ctx, unit_id, form):
    return await org_units.rename_unit(state.platform, tenant, ctx, unit_id, name=text(form, "name"),
                                       effective=day(form.get("effective", ""), "effective"))


async def _move(state, tenant, ctx, unit_id, form):
    return await org_units.move_unit(state.platform, tenant, ctx, unit_id,
                                     parent_id=uuid(form.get("parent_id", ""), "parent_id"),
                                     effective=day(form.get("effective", ""), "effective"))


async def _merge(state, tenant, ctx, unit_id, form):
    return await org_units.merge_unit(state.platform, tenant, ctx, unit_id,
                                      successor_id=uuid(form.get("successor_id", ""), "successor_id"),
                                      effective=day(form.get("effective", ""), "effective"))


async def _split(state, tenant, ctx, unit_id, form):
    into = [org_units.NewUnit(kind=row["kind"], name=row["name"], enterprise=bool(row["enterprise"]))
            for row in rows(form, "into", ("name", "kind", "enterprise")) if row["name"]]
    return await org_units.split_unit(state.platform, tenant, ctx, unit_id, into=into,
                                      effective=day(form.get("effective", ""), "effective"))


async def _dissolve(state, tenant, ctx, unit_id, form):
    return await org_units.dissolve_unit(state.platform, tenant, ctx, unit_id,
                                         effective=day(form.get("effective", ""), "effective"))


CHANGES = {"rename": _rename, "move": _move, "merge": _merge, "split": _split, "dissolve": _dissolve}
