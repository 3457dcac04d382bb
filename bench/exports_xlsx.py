"""The national breakdown as a spreadsheet: one row per grassroots unit (100,000 at the
national scale) with every rollup metric, written as XLSX through the export's own code
(documents.rollup_sheet → spreadsheet.to_xlsx, the streaming writer), beside openpyxl's
write-only mode and CSV writing the same sheet in the same run.

The rows are generated (seeded) in the rollup's own shape, so the part measures the file
writing and nothing else; the database read under it is the rollup part's. The file is read
back with openpyxl (not timed) to check it holds every unit and the node's totals."""

from __future__ import annotations

import os
import random
import time
from io import BytesIO
from uuid import UUID

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from documents.rollup_sheet import TOTAL, rollup_sheet
from documents.spreadsheet import Sheet, to_csv, to_xlsx
from projections.rollup.reads import COUNTS

FORMS = ("bk_bch_ldld_tinh", "bk_ct_ubnd_tinh", "gk_giam_doc_so")
MODELS = ("ATM gạo", "Bếp ăn nghĩa tình", "Nhà trọ 0 đồng")
STATES = ("submitted", "decided", "rejected")


def national_breakdown(units: int, seed: int = 2021) -> dict:
    """A rollup-shaped answer: `units` children, each with every metric; totals summed."""
    rng = random.Random(seed)
    children = [{"node_id": UUID(int=rng.getrandbits(128)), "name": f"CĐCS Công ty TNHH số {n + 1}",
                 "metrics": _figures(rng)} for n in range(units)]
    total = {k: sum(c["metrics"][k] for c in children) for k in COUNTS}
    total["registration_rate"] = round(total["units_registered"] / total["units_in_scope"], 4)
    for group in ("models_by_type", "nominations_by_state", "awards_by_form", "registrations_by_phase"):
        summed: dict[str, int] = {}
        for c in children:
            for name, count in c["metrics"][group].items():
                summed[name] = summed.get(name, 0) + count
        total[group] = summed
    return {"node_id": UUID(int=0), "children": children, "metrics": total}


def _figures(rng: random.Random) -> dict:
    registered = rng.random() < 0.8
    figures = dict.fromkeys(COUNTS, 0) | {"units_in_scope": 1, "enterprise_units": int(rng.random() < 0.4),
                                          "units_registered": int(registered)}
    if registered:
        figures |= {"registrations": 1, "targets_registered": rng.randint(1, 6), "reports_due": 3,
                    "reports_on_time": rng.randint(0, 3), "members_supported": rng.randint(0, 500),
                    "funds_mobilised": rng.randint(0, 50_000_000), "initiatives": rng.randint(0, 4)}
        figures["targets_met"] = rng.randint(0, figures["targets_registered"])
        figures["reports_missing"] = 3 - figures["reports_on_time"]
    figures["registration_rate"] = float(registered)
    return figures | {"models_by_type": {rng.choice(MODELS): 1} if registered else {},
                      "nominations_by_state": {rng.choice(STATES): 1} if rng.random() < 0.05 else {},
                      "awards_by_form": {rng.choice(FORMS): 1} if rng.random() < 0.02 else {},
                      "registrations_by_phase": {"90 ngày nước rút": 1} if registered else {}}


def measure_exports(units: int) -> dict[str, float]:
    rollup = national_breakdown(units)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    sheet = rollup_sheet(rollup)
    xlsx = to_xlsx(sheet)
    xlsx_s = time.perf_counter() - started
    started = time.perf_counter()
    to_csv(sheet)
    csv_s = time.perf_counter() - started
    started = time.perf_counter()
    _openpyxl_write_only(sheet)
    openpyxl_s = time.perf_counter() - started
    _check(xlsx, units, rollup)
    return {"exports.units": units, "exports.cells": len(sheet.columns) * (units + 2),
            "exports.national_xlsx_s": round(xlsx_s, 2), "exports.xlsx_mib": round(len(xlsx) / 2**20, 1),
            "exports.openpyxl_write_only_s": round(openpyxl_s, 2), "exports.csv_s": round(csv_s, 2),
            "exports.speedup_vs_openpyxl": round(openpyxl_s / xlsx_s, 1),
            "exports.loadavg_1m_before": round(load_before, 2), "exports.loadavg_1m_after": round(os.getloadavg()[0], 2)}


def _openpyxl_write_only(sheet: Sheet) -> bytes:
    """The baseline: the same sheet through openpyxl's write-only (streaming) workbook."""
    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet.title[:31])
    bold = Font(bold=True)
    header = []
    for name in sheet.columns:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    for row in sheet.rows:
        ws.append(["" if v is None else v for v in row])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _check(xlsx: bytes, units: int, rollup: dict) -> None:
    rows = load_workbook(BytesIO(xlsx), read_only=True).active.iter_rows(values_only=True)
    header, *body = rows
    total = body[-1]
    at = header.index("Số CĐCS")
    if len(body) != units + 1 or total[1] != TOTAL or total[at] != rollup["metrics"]["units_in_scope"]:
        raise RuntimeError("the national breakdown read back does not hold every unit and the totals")
