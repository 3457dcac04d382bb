"""Import units from an XLSX/CSV sheet (services/org_import, as POST /api/v1/org-units/import):
"Check" reports row by row and writes nothing; "Import" writes every new unit in one append,
or refuses the whole sheet with the same report."""

from __future__ import annotations

from litestar import Controller, Request, Response, get, post
from litestar.datastructures import State, UploadFile
from litestar.di import NamedDependency
from litestar.response import Template

from api.errors import classify
from api.rest.commanding import write_tenant
from api.web.form_values import bad
from api.web.forms import form_context, read_form, submit
from api.web.review.labels import Labels
from projections.read_your_writes import wait_until_projected
from services import org_import
from services.auth.principal import Principal
from services.org_import.sheet import MAX_BYTES

FORM_OVERHEAD = 64 * 1024
TEMPLATE = "review/org_import.html"


class OrgImportPage(Controller):
    path = "/org/import"
    include_in_schema = False

    @get("/")
    async def form(self, reader: NamedDependency[Principal]) -> Template:
        return Template(TEMPLATE, context={"reader": reader, "labels": Labels, "report": None})

    @post("/", request_max_body_size=MAX_BYTES + FORM_OVERHEAD)
    async def upload(self, request: Request, state: State, reader: NamedDependency[Principal]) -> Response:
        form = await read_form(request)
        dry_run = form.get("mode") != "import"
        context = {"reader": reader, "labels": Labels, "report": None}

        async def imported() -> Response:
            tenant = write_tenant(reader)
            sheet = form.get("file")
            if not isinstance(sheet, UploadFile) or not sheet.filename:
                raise bad("file", "choose a sheet to import", "Hãy chọn tệp XLSX hoặc CSV")
            content = await sheet.read()
            try:
                outcome = await org_import.import_tree(state.platform, tenant, form_context(request, reader, form),
                                                       content, dry_run=dry_run)
            except org_import.ImportRejected as rejected:
                return Template(TEMPLATE, context=context | {"report": rejected.report, "error": classify(rejected),
                                                             "error_field": None}, status_code=422)
            if outcome.position is not None:  # the tree page, next, shows the new units
                await wait_until_projected(state.platform.db, reader.tenant, outcome.position)
            return Template(TEMPLATE, context=context | {"report": outcome.report})

        return await submit(TEMPLATE, context, imported, {"form.file": "file"})

