"""An uploaded file made into rows of cells: XLSX (its first sheet) or CSV, told apart by
their content rather than by a name or content type a browser may get wrong.

CSV is UTF-8 (a BOM, as Excel writes, is fine), separated by commas, semicolons or tabs.
Limits keep one upload from exhausting the server: bytes, rows, and for XLSX the size it
unzips to (a small zip can expand enormously).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

from domain.errors import BadInput, DomainError

MAX_BYTES = 10 * 1024 * 1024
MAX_UNZIPPED = 100 * 1024 * 1024
MAX_ROWS = 50_000
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"


class TooLarge(DomainError):
    code = "PAYLOAD_TOO_LARGE"


class NotASpreadsheet(DomainError):
    code = "UNSUPPORTED_MEDIA_TYPE"


@dataclass(frozen=True)
class Sheet:
    headers: list[object]
    rows: list[list[object]]
    """Data rows, blank ones kept so each keeps its line number (header = line 1)."""


def read_sheet(content: bytes) -> Sheet:
    if len(content) > MAX_BYTES:
        raise TooLarge(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB", rule="org_import.file.size",
                       message_vi=f"Tệp lớn hơn {MAX_BYTES // (1024 * 1024)} MB")
    if not content.strip():
        raise _empty()
    lines = _xlsx_rows(content) if content.startswith(_ZIP) else _csv_rows(content)
    headers = next(lines, None)
    rows = []
    for line in lines:
        if len(rows) == MAX_ROWS:
            raise TooLarge(f"the file has more than {MAX_ROWS} rows", rule="org_import.file.rows",
                           message_vi=f"Tệp có hơn {MAX_ROWS} dòng")
        rows.append(line)
    while rows and _blank(rows[-1]):
        rows.pop()
    if headers is None or _blank(headers) or not rows:
        raise _empty()
    return Sheet(list(headers), rows)


def _xlsx_rows(content: bytes) -> Iterator[list[object]]:
    from openpyxl import load_workbook  # a heavy import, needed only by an upload
    from openpyxl.utils.exceptions import InvalidFileException

    # What a zip that is no workbook, or a damaged one, raises from openpyxl or beneath it.
    unreadable = (InvalidFileException, zipfile.BadZipFile, ParseError, LookupError, ValueError, TypeError, OSError)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if sum(i.file_size for i in archive.infolist()) > MAX_UNZIPPED:
                raise TooLarge("the workbook unzips to more than 100 MB", rule="org_import.file.size",
                               message_vi="Tệp Excel giải nén lớn hơn 100 MB")
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except unreadable:
        raise _not_a_spreadsheet() from None
    try:
        for line in book.worksheets[0].iter_rows(values_only=True):
            yield list(line)
    except unreadable:
        raise NotASpreadsheet("the workbook is damaged: its sheet cannot be read", rule="org_import.file.damaged",
                              message_vi="Tệp Excel bị hỏng, không đọc được trang tính") from None
    finally:
        book.close()


def _csv_rows(content: bytes) -> Iterator[list[object]]:
    if content.startswith(_OLE) or b"\x00" in content[:4096]:
        raise _not_a_spreadsheet()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInput("a CSV file must be encoded in UTF-8", rule="org_import.file.encoding",
                       message_vi="Tệp CSV phải dùng bảng mã UTF-8") from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    except csv.Error as error:
        raise BadInput(f"the CSV file is malformed: {error}", rule="org_import.file.csv",
                       message_vi="Tệp CSV sai định dạng") from None


def _blank(cells: list[object]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def _empty() -> BadInput:
    return BadInput("the file holds no units: a header row and at least one unit row are needed",
                    rule="org_import.file.empty",
                    message_vi="Tệp không có đơn vị nào: cần dòng tiêu đề và ít nhất một dòng đơn vị")


def _not_a_spreadsheet() -> NotASpreadsheet:
    return NotASpreadsheet("the file is neither an XLSX workbook nor a CSV file", rule="org_import.file.type",
                           message_vi="Tệp không phải bảng tính XLSX hoặc CSV")
