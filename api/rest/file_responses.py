"""How a dossier file goes out: its recorded media type, a safe Content-Disposition, the
sha256 as ETag (content-addressed: a matching If-None-Match answers 304), no sniffing."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from litestar import Request, Response
from litestar.openapi.spec import OpenAPIFormat, OpenAPIMediaType, OpenAPIType, Operation, Schema
from litestar.status_codes import HTTP_304_NOT_MODIFIED

from domain.files import ACCEPTED
from services.files import DossierFile


def file_response(request: Request, file: DossierFile) -> Response[bytes]:
    etag = f'"{file.sha256}"'
    headers = {"ETag": etag, "Cache-Control": "private, max-age=31536000, immutable",
               "X-Content-Type-Options": "nosniff"}
    if etag in request.headers.get("If-None-Match", ""):
        return Response(b"", status_code=HTTP_304_NOT_MODIFIED, headers=headers)
    headers["Content-Disposition"] = content_disposition(file.name)
    return Response(file.content, media_type=file.media_type, headers=headers)


def content_disposition(name: str) -> str:
    """RFC 6266: an ASCII fallback ("Tờ trình.pdf" → "To trinh.pdf") and the UTF-8 name."""
    ascii_name = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_name = "".join(c for c in ascii_name if c.isascii() and c.isprintable() and c not in '"\\')
    return f"attachment; filename=\"{ascii_name or 'file'}\"; filename*=UTF-8''{quote(name, safe='')}"


@dataclass
class FileDownload(Operation):
    """The OpenAPI operation of a download: every media type a dossier file can have."""

    def __post_init__(self) -> None:
        ok = (self.responses or {}).get("200")
        if ok is not None:
            binary = Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY)
            ok.content = {media_type: OpenAPIMediaType(schema=binary) for media_type in ACCEPTED}
