"""Dossier files: which kinds of file a dossier takes, recognised by their content.

The name and the declared type of an upload are the client's word; the bytes are not. PDF,
JPEG and PNG have fixed leading bytes; DOCX and XLSX are ZIP packages (Office Open XML)
told apart by the part every such document must hold; macro-enabled packages are refused.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass

from domain.errors import BadInput, Duplicate, FileTooLarge, UnsupportedFileType
from domain.text import required

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ACCEPTED = (PDF, DOCX, XLSX, JPEG, PNG)

_MAGIC = ((b"%PDF-", PDF), (b"\xff\xd8\xff", JPEG), (b"\x89PNG\r\n\x1a\n", PNG))
_OOXML_MAIN_PART = (("word/document.xml", DOCX), ("xl/workbook.xml", XLSX))
_MAX_NAME = 255


@dataclass(frozen=True)
class FileFacts:
    """What the event records of a file: its content address, size, type and given name."""
    sha256: str
    size: int
    media_type: str
    name: str


def check_new_file(files: dict[str, dict], sha256: str) -> None:
    """A dossier holds a given content once (the same scan uploaded twice is a mistake)."""
    if sha256 in files:
        raise Duplicate("this file is already in the dossier", rule="dossier.file.once",
                        message_vi="Tệp này đã có trong hồ sơ")


def file_entry(kind: str, file_name: str, file_sha256: str, file_size: int, media_type: str) -> dict:
    return {"kind": kind, "name": file_name, "sha256": file_sha256, "size": file_size, "media_type": media_type}


def file_facts(content: bytes, name: str, max_bytes: int) -> FileFacts:
    """Check an upload (not empty, within the limit, an accepted type by content)."""
    if not content:
        raise BadInput("the file is empty", rule="dossier.file.empty", message_vi="Tệp rỗng")
    if len(content) > max_bytes:
        raise FileTooLarge(f"the file is larger than {max_bytes} bytes", rule="dossier.file.size",
                       message_vi=f"Tệp lớn hơn giới hạn {max_bytes} byte")
    return FileFacts(hashlib.sha256(content).hexdigest(), len(content), media_type_of(content),
                     _file_name(name))


def media_type_of(content: bytes) -> str:
    """The media type the content itself shows, or BAD_INPUT for anything else."""
    for magic, media_type in _MAGIC:
        if content.startswith(magic):
            return media_type
    if content.startswith(b"PK\x03\x04") and (media_type := _ooxml_type(content)):
        return media_type
    raise UnsupportedFileType("the file is not a PDF, DOCX, XLSX, JPEG or PNG document", rule="dossier.file.type",
                   message_vi="Tệp không phải PDF, DOCX, XLSX, JPEG hoặc PNG")


def _ooxml_type(content: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    if "[Content_Types].xml" not in names or any(n.endswith("vbaProject.bin") for n in names):
        return None  # not a package, or a macro-enabled one (.docm, .xlsm): code has no place in a dossier
    return next((media for part, media in _OOXML_MAIN_PART if part in names), None)


def _file_name(name: str) -> str:
    # Keep the last path segment only: a name is shown to people, never used as a path.
    base = required(name.replace("\\", "/").rsplit("/", 1)[-1], "file name")
    if len(base) > _MAX_NAME or not base.isprintable():
        raise BadInput(f"a file name is 1..{_MAX_NAME} printable characters", rule="dossier.file.name",
                       message_vi=f"Tên tệp có từ 1 đến {_MAX_NAME} ký tự in được")
    return base
