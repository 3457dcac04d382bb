"""Official documents as files, each as PDF and DOCX: the plan (KẾ HOẠCH), a unit's
registration form (BẢNG ĐĂNG KÝ) and achievement report (BÁO CÁO THÀNH TÍCH TẬP THỂ), a
proposing unit's submission memo (TỜ TRÌNH), an award decision (QUYẾT ĐỊNH) with its list, the
revocation of its awards, each recipient's certificate, and the review reports (sơ kết / tổng
kết) from the rollup. The same access rules as the data they show: a
plan is metadata (national readers too); registrations and nominations are tenant data (they
name units and people); decisions and certificates name people (tenant data); a review report
follows the rollup's rules, with awardees' names only for the tenant's own readers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Literal
from uuid import UUID

from litestar import Controller, Response, get
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery

from api.auth.policy import Access, scope_tenant
from api.graphql.reach import read_scope
from api.rest.attachments import attachment
from documents.decision_sources import certificate_of, decision_document_of, revocation_document_of
from documents.model import OfficialDocument
from documents.render_certificate import certificate_docx, certificate_pdf
from documents.render_docx import render_docx
from documents.render_pdf import render_pdf
from documents.review_sources import review_summary_of
from documents.sources import achievement_report_of, plan_document_of, registration_form_of, submission_memo_of
from infra.errors import NotFoundError
from projections.queries import PlanRef
from services.auth.principal import Principal
from services.errors import Forbidden

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
Stage = Literal["interim", "final"]  # sơ kết, tổng kết
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

    @get("/decisions/{decision_id:uuid}/document.pdf", media_type=PDF,
         summary="An award decision (QUYẾT ĐỊNH) with its attached list of recipients, as PDF")
    async def decision_pdf(self, state: State, principal: NamedDependency[Principal],
                           decision_id: FromPath[UUID]) -> Response[bytes]:
        return _file(await decision_document_of(state.platform, _tenant(principal), decision_id), "pdf", "quyet-dinh")

    @get("/decisions/{decision_id:uuid}/document.docx", media_type=DOCX,
         summary="An award decision (QUYẾT ĐỊNH) with its attached list of recipients, as DOCX")
    async def decision_docx(self, state: State, principal: NamedDependency[Principal],
                            decision_id: FromPath[UUID]) -> Response[bytes]:
        return _file(await decision_document_of(state.platform, _tenant(principal), decision_id), "docx", "quyet-dinh")

    @get("/decisions/{decision_id:uuid}/revocation.pdf", media_type=PDF,
         summary="The decision revoking awards of a decision (QUYẾT ĐỊNH thu hồi), as PDF; 404 if none revoked")
    async def revocation_pdf(self, state: State, principal: NamedDependency[Principal],
                             decision_id: FromPath[UUID]) -> Response[bytes]:
        return _file(await revocation_document_of(state.platform, _tenant(principal), decision_id), "pdf", "thu-hoi")

    @get("/decisions/{decision_id:uuid}/revocation.docx", media_type=DOCX,
         summary="The decision revoking awards of a decision (QUYẾT ĐỊNH thu hồi), as DOCX; 404 if none revoked")
    async def revocation_docx(self, state: State, principal: NamedDependency[Principal],
                              decision_id: FromPath[UUID]) -> Response[bytes]:
        return _file(await revocation_document_of(state.platform, _tenant(principal), decision_id), "docx", "thu-hoi")

    @get("/decisions/{decision_id:uuid}/recipients/{nomination_id:uuid}/certificate.pdf", media_type=PDF,
         summary="One recipient's certificate (Bằng khen / Giấy khen), landscape, as PDF")
    async def certificate_pdf(self, state: State, principal: NamedDependency[Principal], decision_id: FromPath[UUID],
                              nomination_id: FromPath[UUID]) -> Response[bytes]:
        found = await certificate_of(state.platform, _tenant(principal), decision_id, nomination_id)
        return attachment(certificate_pdf(found), PDF, f"{found.title} {found.recipient}", "pdf")

    @get("/decisions/{decision_id:uuid}/recipients/{nomination_id:uuid}/certificate.docx", media_type=DOCX,
         summary="One recipient's certificate (Bằng khen / Giấy khen), landscape, as DOCX")
    async def certificate_docx(self, state: State, principal: NamedDependency[Principal], decision_id: FromPath[UUID],
                               nomination_id: FromPath[UUID]) -> Response[bytes]:
        found = await certificate_of(state.platform, _tenant(principal), decision_id, nomination_id)
        return attachment(certificate_docx(found), DOCX, f"{found.title} {found.recipient}", "docx")

    @get("/plans/{plan_id:uuid}/review.pdf", media_type=PDF,
         summary="The interim or final review report (BÁO CÁO sơ kết / tổng kết) of a node, from the rollup, as PDF")
    async def review_pdf(self, state: State, principal: NamedDependency[Principal], plan_id: FromPath[UUID],
                         node: FromQuery[UUID], stage: FromQuery[Stage] = "interim", as_of: FromQuery[date | None] = None,
                         plan_tenant: FromQuery[str | None] = None,
                         tenant: FromQuery[str | None] = None) -> Response[bytes]:
        found = await _review(state, principal, plan_id, node, stage, as_of, plan_tenant, tenant)
        return _file(found, "pdf", "so-ket" if stage == "interim" else "tong-ket")

    @get("/plans/{plan_id:uuid}/review.docx", media_type=DOCX,
         summary="The interim or final review report (BÁO CÁO sơ kết / tổng kết) of a node, from the rollup, as DOCX")
    async def review_docx(self, state: State, principal: NamedDependency[Principal], plan_id: FromPath[UUID],
                          node: FromQuery[UUID], stage: FromQuery[Stage] = "interim",
                          as_of: FromQuery[date | None] = None, plan_tenant: FromQuery[str | None] = None,
                          tenant: FromQuery[str | None] = None) -> Response[bytes]:
        found = await _review(state, principal, plan_id, node, stage, as_of, plan_tenant, tenant)
        return _file(found, "docx", "so-ket" if stage == "interim" else "tong-ket")


async def _review(state: State, principal: Principal, plan_id: UUID, node: UUID, stage: str, as_of: date | None,
                  plan_tenant: str | None, tenant: str | None) -> OfficialDocument:
    """Rollup access (national readers too), as the GraphQL rollup; awardees by name only for
    a reader of the tenant's own data."""
    scope = read_scope(principal, Access.ROLLUP, tenant)
    owner = scope_tenant(principal, Access.METADATA, plan_tenant or scope or principal.tenant)
    names = scope is not None and _reads_tenant_data(principal, scope)
    return await review_summary_of(state.platform, PlanRef(owner, plan_id), node, scope=scope, as_of=as_of,
                                   stage=stage, today=date.today(), with_names=names)


async def _plan(state: State, principal: Principal, plan_id: UUID, tenant: str | None) -> OfficialDocument:
    return await plan_document_of(state.platform, scope_tenant(principal, Access.METADATA, tenant), plan_id)


def _reads_tenant_data(principal: Principal, tenant: str) -> bool:
    try:
        return scope_tenant(principal, Access.TENANT_DATA, tenant) == tenant
    except (Forbidden, NotFoundError):
        return False


def _tenant(principal: Principal) -> str:
    """Registrations and nominations name units and people: tenant data, never national."""
    return scope_tenant(principal, Access.TENANT_DATA)


def _file(document: OfficialDocument, kind: str, stem: str) -> Response[bytes]:
    media_type, render = RENDERERS[kind]
    return attachment(render(document), media_type, f"{stem} {document.letterhead.number or document.letterhead.issuer}",
                      kind)
