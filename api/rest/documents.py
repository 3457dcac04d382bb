"""Official documents as files: the plan (KẾ HOẠCH) and a unit's registration form (BẢNG ĐĂNG
KÝ), each as PDF and DOCX. The same access rules as the data they show: a plan is metadata
(national readers too), a registration is tenant data."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from uuid import UUID

from litestar import Controller, Response, get
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery

from api.auth.policy import Access, scope_tenant
from documents.model import OfficialDocument
from documents.render_docx import render_docx
from documents.render_pdf import render_pdf
from documents.sources import plan_document_of, registration_form_of
from services.auth.principal import Principal

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RENDERERS: dict[str, tuple[str, Callable[[OfficialDocument], bytes]]] = {
    "pdf": (PDF, render_pdf), "docx": (DOCX, render_docx)}


class DocumentDownloads(Controller):
    path = "/"
    tags = ["documents"]

    @get("/plans/{plan_id:uuid}/document.pdf", media_type=PDF, summary="The plan (KẾ HOẠCH) as PDF")
    async def plan_pdf(self, state: State, principal: NamedDependency[Principal], plan_id: FromPath[UUID],
                       tenant: FromQuery[str | None] = None) -> Response[bytes]:
        return await _plan(state, principal, plan_id, tenant, "pdf")

    @get("/plans/{plan_id:uuid}/document.docx", media_type=DOCX, summary="The plan (KẾ HOẠCH) as DOCX")
    async def plan_docx(self, state: State, principal: NamedDependency[Principal], plan_id: FromPath[UUID],
                        tenant: FromQuery[str | None] = None) -> Response[bytes]:
        return await _plan(state, principal, plan_id, tenant, "docx")

    @get("/registrations/{registration_id:uuid}/form.pdf", media_type=PDF,
         summary="A unit's registration form (BẢNG ĐĂNG KÝ) as PDF")
    async def form_pdf(self, state: State, principal: NamedDependency[Principal],
                       registration_id: FromPath[UUID]) -> Response[bytes]:
        return await _form(state, principal, registration_id, "pdf")

    @get("/registrations/{registration_id:uuid}/form.docx", media_type=DOCX,
         summary="A unit's registration form (BẢNG ĐĂNG KÝ) as DOCX")
    async def form_docx(self, state: State, principal: NamedDependency[Principal],
                        registration_id: FromPath[UUID]) -> Response[bytes]:
        return await _form(state, principal, registration_id, "docx")


async def _plan(state: State, principal: Principal, plan_id: UUID, tenant: str | None, kind: str) -> Response[bytes]:
    scoped = scope_tenant(principal, Access.METADATA, tenant)
    return _file(await plan_document_of(state.platform, scoped, plan_id), kind, "ke-hoach")


async def _form(state: State, principal: Principal, registration_id: UUID, kind: str) -> Response[bytes]:
    scoped = scope_tenant(principal, Access.TENANT_DATA)
    return _file(await registration_form_of(state.platform, scoped, registration_id), kind, "bang-dang-ky")


def _file(document: OfficialDocument, kind: str, stem: str) -> Response[bytes]:
    media_type, render = RENDERERS[kind]
    name = f"{stem}-{_slug(document.letterhead.number or document.letterhead.issuer)}.{kind}"
    return Response(render(document), media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _slug(text: str) -> str:
    """ASCII for a file name: "90/KH-LĐLĐ" → "90-kh-ldld"."""
    plain = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    return re.sub(r"[^a-z0-9]+", "-", plain.encode("ascii", "ignore").decode().lower()).strip("-") or "van-ban"

