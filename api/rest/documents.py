"""Official documents as files, each as PDF and DOCX: the plan (KẾ HOẠCH), a unit's
registration form (BẢNG ĐĂNG KÝ) and achievement report (BÁO CÁO THÀNH TÍCH TẬP THỂ), a
proposing unit's submission memo (TỜ TRÌNH). The same access rules as the data they show: a
plan is metadata (national readers too); registrations and nominations are tenant data (they
name units and people)."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from litestar import Controller, Response, get
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery

from api.auth.policy import Access, scope_tenant
from api.rest.attachments import attachment
from documents.model import OfficialDocument
from documents.render_docx import render_docx
from documents.render_pdf import render_pdf
from documents.sources import achievement_report_of, plan_document_of, registration_form_of, submission_memo_of
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
        return _file(await _plan(state, principal, plan_id, tenant), "pdf", "ke-hoach")

    @get("/plans/{plan_id:uuid}/document.docx", media_type=DOCX, summary="The plan (KẾ HOẠCH) as DOCX")
    async def plan_docx(self, state: State, principal: NamedDependency[Principal], plan_id: FromPath[UUID],
                        tenant: FromQuery[str | None] = None) -> Response[bytes]:
        return _file(await _plan(state, principal, plan_id, tenant), "docx", "ke-hoach")

    @get("/registrations/{registration_id:uuid}/form.pdf", media_type=PDF,
         summary="A unit's registration form (BẢNG ĐĂNG KÝ) as PDF")
    async def form_pdf(self, state: State, principal: NamedDependency[Principal],
                       registration_id: FromPath[UUID]) -> Response[bytes]:
        return _file(await registration_form_of(state.platform, _tenant(principal), registration_id),
                     "pdf", "bang-dang-ky")

    @get("/registrations/{registration_id:uuid}/form.docx", media_type=DOCX,
         summary="A unit's registration form (BẢNG ĐĂNG KÝ) as DOCX")
    async def form_docx(self, state: State, principal: NamedDependency[Principal],
                        registration_id: FromPath[UUID]) -> Response[bytes]:
        return _file(await registration_form_of(state.platform, _tenant(principal), registration_id),
                     "docx", "bang-dang-ky")

    @get("/registrations/{registration_id:uuid}/achievement-report.pdf", media_type=PDF,
         summary="A unit's achievement report (BÁO CÁO THÀNH TÍCH TẬP THỂ) as PDF")
    async def report_pdf(self, state: State, principal: NamedDependency[Principal],
                         registration_id: FromPath[UUID]) -> Response[bytes]:
        return _file(await achievement_report_of(state.platform, _tenant(principal), registration_id),
                     "pdf", "bao-cao-thanh-tich")

    @get("/registrations/{registration_id:uuid}/achievement-report.docx", media_type=DOCX,
         summary="A unit's achievement report (BÁO CÁO THÀNH TÍCH TẬP THỂ) as DOCX")
    async def report_docx(self, state: State, principal: NamedDependency[Principal],
                          registration_id: FromPath[UUID]) -> Response[bytes]:
        return _file(await achievement_report_of(state.platform, _tenant(principal), registration_id),
                     "docx", "bao-cao-thanh-tich")

    @get("/plans/{plan_id:uuid}/submission-memo.pdf", media_type=PDF,
         summary="A proposing unit's submission memo (TỜ TRÌNH) listing its nominees, as PDF")
    async def memo_pdf(self, state: State, principal: NamedDependency[Principal], plan_id: FromPath[UUID],
                       proposer: FromQuery[UUID]) -> Response[bytes]:
        return _file(await submission_memo_of(state.platform, _tenant(principal), plan_id, proposer),
                     "pdf", "to-trinh")

    @get("/plans/{plan_id:uuid}/submission-memo.docx", media_type=DOCX,
         summary="A proposing unit's submission memo (TỜ TRÌNH) listing its nominees, as DOCX")
    async def memo_docx(self, state: State, principal: NamedDependency[Principal], plan_id: FromPath[UUID],
                        proposer: FromQuery[UUID]) -> Response[bytes]:
        return _file(await submission_memo_of(state.platform, _tenant(principal), plan_id, proposer),
                     "docx", "to-trinh")


async def _plan(state: State, principal: Principal, plan_id: UUID, tenant: str | None) -> OfficialDocument:
    return await plan_document_of(state.platform, scope_tenant(principal, Access.METADATA, tenant), plan_id)


def _tenant(principal: Principal) -> str:
    """Registrations and nominations name units and people: tenant data, never national."""
    return scope_tenant(principal, Access.TENANT_DATA)


def _file(document: OfficialDocument, kind: str, stem: str) -> Response[bytes]:
    media_type, render = RENDERERS[kind]
    return attachment(render(document), media_type, f"{stem} {document.letterhead.number or document.letterhead.issuer}",
                      kind)
