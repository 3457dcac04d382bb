"""A generated file as a download: its media type and an ASCII file name a browser saves."""

from __future__ import annotations

import re
import unicodedata

from litestar import Response


def attachment(content: bytes, media_type: str, name: str, extension: str) -> Response[bytes]:
    filename = f"{slug(name)}.{extension}"
    return Response(content, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def slug(text: str) -> str:
    """"Kế hoạch 90/KH-LĐLĐ" → "ke-hoach-90-kh-ldld" (đ is not decomposed by NFKD: mapped first)."""
    plain = unicodedata.normalize("NFKD", text.replace("Đ", "D").replace("đ", "d"))
    return re.sub(r"[^a-z0-9]+", "-", plain.encode("ascii", "ignore").decode().lower()).strip("-") or "tep"
