"""A table for people to open in a spreadsheet: CSV (UTF-8 with a byte-order mark, so Excel
reads the Vietnamese letters right) and XLSX (documents/xlsx_stream: rows stream out as
text, 100,000 units' figures in seconds; bench/exports_xlsx.py measures it beside openpyxl)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import StringIO

from documents.xlsx_stream import write_xlsx

CSV = "text/csv; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: tuple[str, ...]
    rows: Sequence[Sequence[object]]
    widths: tuple[int, ...] = ()
    """Column widths in characters (XLSX); the default fits the heading."""
    preamble: tuple[tuple[object, ...], ...] = ()
    """Lines above the heading (a statistical form's "Biểu số", reporting unit, period)."""


def to_csv(sheet: Sheet) -> bytes:
    out = StringIO()
    writer = csv.writer(out)
    writer.writerows(sheet.preamble)
    writer.writerow(sheet.columns)
    writer.writerows(_plain(row) for row in sheet.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(sheet: Sheet) -> bytes:
    widths = sheet.widths or tuple(max(10, len(c) + 2) for c in sheet.columns)
    return write_xlsx(sheet.title, sheet.columns, sheet.rows, widths, sheet.preamble)  # it writes booleans as _plain


def _plain(row: Iterable[object]) -> list[object]:
    """Booleans as "có"/"không" (yes/no), None as an empty cell."""
    return ["có" if v is True else "không" if v is False else "" if v is None else v for v in row]
