"""The caller's subtree as it is now, in the import's own format, so it imports back unchanged.

Rows run top down (a parent before its children), children in name order. A unit directly
under the caller's unit has a blank parent code; a unit without a code gets its id in the
code column. `lang="vi"` writes Vietnamese headers, kind names and có/không.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.organisation import OrgTimeline
from infra.platform import Platform
from services.org_import.columns import FIELDS, HEADERS
from services.org_import.existing import ExistingTree
from services.org_import.values import KIND_NAMES_VI
from tenants.org_reader import load_timeline

FORMATS = {"csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@dataclass(frozen=True)
class Export:
    content: bytes
    media_type: str
    filename: str


async def export_tree(platform: Platform, tenant: str, anchor: UUID, *, fmt: str = "xlsx",
                      lang: str = "en") -> Export:
    timeline = await load_timeline(platform, tenant)
    rows = tree_rows(timeline, anchor, vietnamese=lang == "vi")
    headers = [HEADERS[f][1 if lang == "vi" else 0] for f in FIELDS]
    content = _xlsx(headers, rows) if fmt == "xlsx" else _csv(headers, rows)
    return Export(content, FORMATS[fmt], f"org-tree-{tenant}.{fmt}")


def tree_rows(timeline: OrgTimeline, anchor: UUID, *, vietnamese: bool = False) -> list[list[object]]:
    tree = ExistingTree(timeline, anchor)
    rows = []
    for uid in tree.below:
        view = tree.now[uid]
        parent = "" if view.parent_id == anchor else tree.code_of(view.parent_id)
        kind = KIND_NAMES_VI[view.kind][0] if vietnamese else view.kind.value
        flag = ("có" if view.enterprise else "không") if vietnamese else ("yes" if view.enterprise else "no")
        rows.append([tree.code_of(uid), view.name, kind, parent, flag, timeline.history(uid).active_from])
    return rows


def _csv(headers: list[str], rows: list[list[object]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows([[c.isoformat() if isinstance(c, date) else c for c in r] for r in rows])
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8


def _xlsx(headers: list[str], rows: list[list[object]]) -> bytes:
    # A normal workbook, not a write-only one: it stores text once in a shared-string table,
    # as Excel does, which openpyxl (and so an import of this file) reads about twice as fast.
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Đơn vị"
    sheet.append(headers)
    for row in rows:
        sheet.append(row)  # a date cell gets the yyyy-mm-dd format
    sheet.freeze_panes = "A2"  # the headers stay in sight
    for column, width in zip("ABCDEF", (16, 60, 26, 20, 14, 16)):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
