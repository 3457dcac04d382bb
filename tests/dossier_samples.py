"""Small but well-formed files of each accepted type, built in memory (no binary fixtures)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns='
                 '"http://schemas.openxmlformats.org/package/2006/content-types"/>')


def pdf(text: str = "Tờ trình") -> bytes:
    body = f"BT /F1 12 Tf 72 720 Td ({text.encode('utf-8').hex()}) Tj ET".encode()
    return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            b"3 0 obj<</Length " + str(len(body)).encode() + b">>stream\n" + body +
            b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def png(width: int = 2, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def jpeg() -> bytes:
    # SOI, a JFIF APP0 segment, EOI: the leading bytes every JPEG shares.
    app0 = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return b"\xff\xd8\xff\xe0" + struct.pack(">H", len(app0) + 2) + app0 + b"\xff\xd9"


def ooxml(main_part: str, text: str = "Báo cáo thành tích", *extra_parts: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", "<Relationships/>")
        package.writestr(main_part, f"<document><t>{text}</t></document>")
        for part in extra_parts:
            package.writestr(part, b"\0")
    return out.getvalue()


def docm() -> bytes:
    """A macro-enabled Word package."""
    return ooxml("word/document.xml", "Có macro", "word/vbaProject.bin")


def docx(text: str = "Báo cáo thành tích") -> bytes:
    return ooxml("word/document.xml", text)


def xlsx() -> bytes:
    return ooxml("xl/workbook.xml", "Bảng tổng hợp")


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("notes.txt", "không phải văn bản Office")
    return out.getvalue()
