"""A table for people to open in a spreadsheet: CSV (UTF-8 with a byte-order mark, so Excel
reads the Vietnamese letters right) and XLSX (openpyxl in write-only mode: rows stream out,
so 100,000 of them take seconds, not minutes)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import BytesIO, StringIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

CSV = "text/csv; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: tuple[str, ...]
    rows: Sequence[Sequence[object]]
    widths: tuple[int, ...] = ()
    """Column widths in characters (XLSX); the default fits the heading."""


def to_csv(sheet: Sheet) -> bytes:
    out = StringIO()
    writer = csv.writer(out)
    writer.writerow(sheet.columns)
    writer.writerows(_plain(row) for row in sheet.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(sheet: Sheet) -> bytes:
    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet.title[:31])  # Excel's limit on a sheet name
    for index, width in enumerate(sheet.widths or tuple(max(10, len(c) + 2) for c in sheet.columns), 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    ws.append([_bold(ws, name) for name in sheet.columns])
    for row in sheet.rows:
        ws.append(_plain(row))
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _bold(ws, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=text)
    cell.font = Font(bold=True)
    return cell


def _plain(row: Iterable[object]) -> list[object]:
    """Booleans as "có"/"không" (yes/no), None as an empty cell."""
    return ["có" if v is True else "không" if v is False else "" if v is None else v for v in row]
