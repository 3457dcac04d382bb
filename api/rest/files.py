"""Dossier files: upload (multipart/form-data) to a nomination's or a registration's dossier,
download (GET) with the recorded media type. Uploads are authorised like the dossier's other
steps (the service checks the caller's reach); downloads need read access to tenant data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import State, UploadFile
from litestar.di import NamedDependency
from litestar.enums import RequestEncodingType
from litestar.params import Body, FromPath

from api.auth.policy import Access, scope_tenant
from api.rest.commanding import CommandReply, command_context, reply, write_tenant
from api.rest.file_responses import FileDownload, file_response
from domain.nomination import Nomination
from domain.registration import Registration
from services import files
from services.auth.principal import Principal

SHA256_PATH = "{sha256:str}"


@dataclass
class FileUpload:
    kind: str
    """The dossier document this file is, e.g. submission_memo, achievement_report."""
    file: UploadFile
    expected_version: int | None = None


Upload = Annotated[FileUpload, Body(media_type=RequestEncodingType.MULTI_PART)]


class FileEntry(msgspec.Struct):
    kind: str
    name: str
    sha256: str
    size: int
    media_type: str


async def _attach(request: Request, state: State, principal: Principal, cls: type, aggregate_id: UUID,
                  data: FileUpload) -> Response[CommandReply]:
    tenant = write_tenant(principal)
    content = await data.file.read()
    return reply(await files.attach_file(state.platform, tenant, command_context(request, principal), cls,
                                         aggregate_id, kind=data.kind, name=data.file.filename or "",
                                         content=content, expected_version=data.expected_version))


async def _list(state: State, principal: Principal, cls: type, aggregate_id: UUID) -> list[FileEntry]:
    tenant = scope_tenant(principal, Access.TENANT_DATA)
    return [FileEntry(**entry) for entry in await files.list_files(state.platform, tenant, cls, aggregate_id)]


async def _download(request: Request, state: State, principal: Principal, cls: type, aggregate_id: UUID,
                    sha256: str) -> Response[bytes]:
    tenant = scope_tenant(principal, Access.TENANT_DATA)
    return file_response(request, await files.read_file(state.platform, tenant, cls, aggregate_id, sha256))


class NominationFiles(Controller):
    path = "/nominations/{nomination_id:uuid}/files"
    tags = ["documents"]

    @post("/", summary="Upload a dossier file (PDF, DOCX, XLSX, JPEG, PNG; type checked by content)")
    async def upload(self, request: Request, state: State, principal: NamedDependency[Principal],
                     nomination_id: FromPath[UUID], data: Upload) -> Response[CommandReply]:
        return await _attach(request, state, principal, Nomination, nomination_id, data)

    @get("/", summary="The files of the nomination's dossier, in the order they were attached")
    async def index(self, state: State, principal: NamedDependency[Principal],
                    nomination_id: FromPath[UUID]) -> list[FileEntry]:
        return await _list(state, principal, Nomination, nomination_id)

    @get(f"/{SHA256_PATH}", summary="Download a file of the nomination's dossier", operation_class=FileDownload)
    async def download(self, request: Request, state: State, principal: NamedDependency[Principal],
                       nomination_id: FromPath[UUID], sha256: FromPath[str]) -> Response[bytes]:
        return await _download(request, state, principal, Nomination, nomination_id, sha256)


class RegistrationFiles(Controller):
    path = "/registrations/{registration_id:uuid}/files"
    tags = ["documents"]

    @post("/", summary="Upload a file of the registration (the signed form, annexes)")
    async def upload(self, request: Request, state: State, principal: NamedDependency[Principal],
                     registration_id: FromPath[UUID], data: Upload) -> Response[CommandReply]:
        return await _attach(request, state, principal, Registration, registration_id, data)

    @get("/", summary="The files of the registration's dossier, in the order they were attached")
    async def index(self, state: State, principal: NamedDependency[Principal],
                    registration_id: FromPath[UUID]) -> list[FileEntry]:
        return await _list(state, principal, Registration, registration_id)

    @get(f"/{SHA256_PATH}", summary="Download a file of the registration", operation_class=FileDownload)
    async def download(self, request: Request, state: State, principal: NamedDependency[Principal],
                       registration_id: FromPath[UUID], sha256: FromPath[str]) -> Response[bytes]:
        return await _download(request, state, principal, Registration, registration_id, sha256)
