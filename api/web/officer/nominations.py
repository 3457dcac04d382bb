"""Nominations (đề nghị khen thưởng) from my units: the list, drafting one, its page with the
dossier (documents declared, files uploaded: type checked by content, size limited by the
file service), submitting it, and the timeline of its steps."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import State, UploadFile
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template

from api.rest.commanding import write_tenant
from api.rest.router import MULTIPART_OVERHEAD
from api.web import form_values
from api.web.forms import form_context, read_form, submit
from api.web.officer.days import as_of, from_json
from api.web.officer.reach import my_units, one_plan, plans_to_answer, unit_options
from domain.errors import BadInput
from domain.nomination import Nomination
from infra.settings import FileSettings
from projections.read_models.reads import nomination, unit_nominations
from projections.read_your_writes import wait_until_projected
from services import files, nomination_steps, nominations
from services.auth.principal import Principal
from services.errors import NotFoundError

# The web router's bodies are small (GraphQL's limit); an upload may be as large as a dossier
# file is allowed to be by default. A smaller THIDUA_FILE_MAX_BYTES is refused by the service
# next to the file field; a body over this ceiling is refused before it is read (413 page).
UPLOAD_BODY_LIMIT = FileSettings().max_bytes + MULTIPART_OVERHEAD
DRAFT_FIELDS = {"plan.award_forms": "award_form", "plan.eligible_subjects": "award_form", "plan.phases": "phase",
                "nomination.nominee_kind": "nominee_id", "form.nominee_id": "nominee_id",
                "form.proposing_unit_id": "proposing_unit_id", "nominee_name": "nominee_id"}
FILE_FIELDS = {"dossier.file": "file", "form.file": "file", "document kind": "kind"}
DOCUMENT_FIELDS = {"nomination.documents": "copies", "form.copies": "copies", "document kind": "doc_kind"}
SUBMIT_FIELDS = {"form.on": "on", "plan.dossier": "on"}
EDITABLE = ("drafted", "returned")


class NominationPages(Controller):
    path = "/unit/nominations"
    include_in_schema = False

    @get("/")
    async def index(self, state: State, reader: NamedDependency[Principal]) -> Template:
        db = state.platform.db
        units = await my_units(db, reader)
        plans = {p["plan_id"]: p for p in await plans_to_answer(db, reader, units)}
        return Template("officer/nominations.html", context={
            "reader": reader, "units": units, "plans": plans,
            "nominations": await unit_nominations(db, reader.tenant, list(units.by_id))})

    @get("/new")
    async def draft_form(self, state: State, reader: NamedDependency[Principal], plan: FromQuery[UUID]) -> Template:
        context = await _draft_context(state, reader, plan)
        values = {"proposing_unit_id": str(reader.unit or "")}
        return Template("officer/nominate.html", context={**context, "values": values})

    @post("/new")
    async def draft(self, request: Request, state: State, reader: NamedDependency[Principal]) -> Response:
        form = await read_form(request)
        plan_id = form_values.uuid(form.get("plan_id"), "plan_id")
        context = {**await _draft_context(state, reader, plan_id), "values": dict(form.items())}

        async def drafted() -> Response:
            result = await nominations.draft_nomination(
                state.platform, write_tenant(reader), form_context(request, reader, form), plan_id=plan_id,
                nominee_kind="collective", nominee_id=form_values.uuid(form.get("nominee_id"), "nominee_id"),
                award_form=form.get("award_form", ""), phase=form.get("phase", ""),
                proposing_unit_id=form_values.uuid(form.get("proposing_unit_id"), "proposing_unit_id"))
            await wait_until_projected(state.platform.db, reader.tenant, result.position)
            return Redirect(f"/unit/nominations/{result.id}", status_code=303)

        return await submit("officer/nominate.html", context, drafted, DRAFT_FIELDS)

    @get("/{nomination_id:uuid}")
    async def show(self, state: State, reader: NamedDependency[Principal], nomination_id: FromPath[UUID],
                   on: FromQuery[str | None] = None) -> Template:
        return Template("officer/nomination.html",
                        context=await _nomination_context(state, reader, nomination_id, as_of(on)))

    @post("/{nomination_id:uuid}/files", request_max_body_size=UPLOAD_BODY_LIMIT)
    async def upload(self, request: Request, state: State, reader: NamedDependency[Principal],
                     nomination_id: FromPath[UUID]) -> Response:
        form = await read_form(request)
        context = await _nomination_context(state, reader, nomination_id, as_of(form.get("as_of")))
        context["file_values"] = {"kind": form.get("kind", "")}

        async def attached() -> Response:
            upload = form.get("file")
            if not isinstance(upload, UploadFile) or not upload.filename:
                raise BadInput("choose a file to upload", rule="form.file", message_vi="Hãy chọn tệp để tải lên")
            result = await files.attach_file(
                state.platform, write_tenant(reader), form_context(request, reader, form), Nomination,
                nomination_id, kind=form.get("kind", ""), name=upload.filename, content=await upload.read())
            return await _back(state, reader, nomination_id, result.position, context["today"], "#dossier")

        return await submit("officer/nomination.html", context, attached, FILE_FIELDS)

    @post("/{nomination_id:uuid}/documents")
    async def declare(self, request: Request, state: State, reader: NamedDependency[Principal],
                      nomination_id: FromPath[UUID]) -> Response:
        form = await read_form(request)
        context = await _nomination_context(state, reader, nomination_id, as_of(form.get("as_of")))
        context["document_values"] = dict(form.items())

        async def declared() -> Response:
            result = await nominations.attach_document(
                state.platform, write_tenant(reader), form_context(request, reader, form), nomination_id,
                kind=form.get("doc_kind", ""), copies=form_values.whole(form.get("copies"), "copies", required=False, default=0))
            return await _back(state, reader, nomination_id, result.position, context["today"], "#dossier")

        return await submit("officer/nomination.html", context, declared, DOCUMENT_FIELDS)

    @post("/{nomination_id:uuid}/submit")
    async def hand_in(self, request: Request, state: State, reader: NamedDependency[Principal],
                      nomination_id: FromPath[UUID]) -> Response:
        form = await read_form(request)
        context = await _nomination_context(state, reader, nomination_id, as_of(form.get("as_of")))
        context["submit_values"] = dict(form.items())

        async def handed_in() -> Response:
            step = nominations.resubmit if context["nomination"]["status"] == "returned" else nominations.submit
            result = await step(state.platform, write_tenant(reader), form_context(request, reader, form),
                                nomination_id, on=form_values.day(form.get("on"), "on"))
            return await _back(state, reader, nomination_id, result.position, context["today"], "#timeline")

        return await submit("officer/nomination.html", context, handed_in, SUBMIT_FIELDS)


async def _back(state: State, reader: Principal, nomination_id: UUID, position: int, today: date,
                anchor: str) -> Response:
    """To the nomination's page, as of the day the reader was looking at, once it shows the step."""
    await wait_until_projected(state.platform.db, reader.tenant, position)
    return Redirect(f"/unit/nominations/{nomination_id}?done=1&on={today}{anchor}", status_code=303)


async def _draft_context(state: State, reader: Principal, plan_id: UUID) -> dict[str, Any]:
    db = state.platform.db
    plan = await one_plan(db, reader, plan_id)
    if plan is None:
        raise NotFoundError(f"no plan {plan_id}")
    units = await my_units(db, reader)
    covered = units.in_scope_of(plan["issuing_unit_id"])
    phases = [p["name"] for p in plan["phases"]] or [""]
    return {"reader": reader, "plan": plan, "units": units, "covered": covered, "phases": phases,
            "unit_options": unit_options(units, covered), "phase_options": [(p, p) for p in phases],
            "proposer_options": unit_options(units, list(units.by_id))}


async def _nomination_context(state: State, reader: Principal, nomination_id: UUID, today: date) -> dict[str, Any]:
    db = state.platform.db
    row = await nomination(db, reader.tenant, nomination_id)
    if row is None:
        raise NotFoundError(f"no nomination {nomination_id}")
    plan = await one_plan(db, reader, row["plan_id"])
    units = await my_units(db, reader)
    forms = {f["code"]: f for f in (plan or {}).get("award_forms", [])}
    return {"reader": reader, "nomination": {**row, "returns": from_json(row["returns"])}, "plan": plan,
            "units": units, "award_form": forms.get(row["award_form"]), "today": today,
            "dossier": await nomination_steps.dossier(state.platform, reader.tenant, nomination_id),
            "steps": await nomination_steps.timeline(state.platform, reader.tenant, nomination_id),
            "editable": row["status"] in EDITABLE, "file_values": {}, "document_values": {}, "submit_values": {}}
