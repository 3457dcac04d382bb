"""An uploaded file as unit rows: the sheet read, its headers mapped, each row's cells parsed."""

from __future__ import annotations

from services.org_import.columns import map_headers
from services.org_import.sheet import read_sheet
from services.org_import.values import Row, parse_row


def read_rows(content: bytes) -> tuple[list[Row], tuple[str, ...]]:
    """The file's unit rows, each parsed (with its issues), and the columns ignored."""
    sheet = read_sheet(content)
    columns = map_headers(sheet.headers)
    rows = []
    for number, cells in enumerate(sheet.rows, start=2):
        if all(c is None or str(c).strip() == "" for c in cells):
            continue  # a blank line between groups of units
        values = {f: cells[i] if i < len(cells) else None for f, i in columns.index.items()}
        rows.append(parse_row(number, values))
    return rows, columns.ignored
