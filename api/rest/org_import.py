"""The org tree as a spreadsheet: import one (multipart/form-data, field `file`) and export it.

    POST /api/v1/org-units/import?dry_run=true   the row-by-row report; writes nothing
    POST /api/v1/org-units/import                all new units in one append, or 422 and nothing
    GET  /api/v1/org-units/export?format=csv&lang=vi

Both work on the caller's subtree (its unit, or the tenant's root unit).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import State, UploadFile
from litestar.di import NamedDependency
from litestar.params import FromQuery, MultipartBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from api.auth.policy import Access, scope_tenant
from api.errors import to_public
from api.rest.commanding import command_context, write_tenant
from api.rest.problems import render
from services import org_import
from services.auth.principal import Principal
from services.org_import.sheet import MAX_BYTES
from tenants.ids import root_unit_id

FORM_OVERHEAD = 64 * 1024  # multipart boundaries and part headers around the file


@dataclass
class ImportForm:
    file: UploadFile


class ImportReply(msgspec.Struct):
    report: dict
    position: int | None
    replayed: bool


class OrgTreeSheets(Controller):
    path = "/org-units"
    tags = ["org units"]

    @post("/import", summary="Import units from an XLSX or CSV sheet (dry_run=true: report only)",
          request_max_body_size=MAX_BYTES + FORM_OVERHEAD)
    async def import_sheet(self, request: Request, state: State, principal: NamedDependency[Principal],
                           data: MultipartBody[ImportForm], dry_run: FromQuery[bool] = False) -> Response:
        tenant = write_tenant(principal)
        content = await data.file.read()
        try:
            outcome = await org_import.import_tree(state.platform, tenant, command_context(request, principal),
                                                   content, dry_run=dry_run)
        except org_import.ImportRejected as rejected:
            return render(request, to_public(rejected), {"report": rejected.report})
        written = outcome.position is not None and not outcome.replayed
        return Response(ImportReply(outcome.report, outcome.position, outcome.replayed),
                        status_code=HTTP_201_CREATED if written else HTTP_200_OK)

    @get("/export", summary="The caller's subtree as an XLSX or CSV sheet that imports back unchanged")
    async def export_sheet(self, state: State, principal: NamedDependency[Principal],
                           format: FromQuery[Literal["xlsx", "csv"]] = "xlsx",  # noqa: A002 - the query's name
                           lang: FromQuery[Literal["en", "vi"]] = "en") -> Response[bytes]:
        tenant = scope_tenant(principal, Access.METADATA)
        anchor = principal.unit or root_unit_id(tenant)
        sheet = await org_import.export_tree(state.platform, tenant, anchor, fmt=format, lang=lang)
        return Response(sheet.content, media_type=sheet.media_type,
                        headers={"Content-Disposition": f'attachment; filename="{sheet.filename}"'})
