"""Spreadsheets the org-import tests upload, written the way a user's tools would write them."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook, load_workbook

EN = ["code", "name", "kind", "parent code", "enterprise", "effective date"]
VI = ["Mã", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Doanh nghiệp", "Ngày hiệu lực"]


def csv_bytes(rows: list[list[object]], headers: list[str] = EN, delimiter: str = ",") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list[object]], headers: list[str] = VI) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_rows(content: bytes) -> list[list[object]]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
