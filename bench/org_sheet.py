"""A province's org tree as the spreadsheet an officer would upload: Bình Dương's shape
(domain.md §7: 3,550 grassroots unions) under commune/ward and industrial-zone unions,
with Vietnamese names and headers, one enterprise union in three. Seeded: the same every run."""

from __future__ import annotations

import io
import random
from datetime import date

from openpyxl import Workbook

HEADERS = ["Mã", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Doanh nghiệp", "Ngày hiệu lực"]
GRASSROOTS = 3_550
UPPER = 50
EFFECTIVE = date(2025, 7, 1)
_PLACES = ["Thủ Dầu Một", "Dĩ An", "Thuận An", "Tân Uyên", "Bến Cát", "Bàu Bàng", "Phú Giáo", "Dầu Tiếng",
           "Bắc Tân Uyên", "Chánh Phú Hòa", "Lái Thiêu", "Tân Đông Hiệp"]
_EMPLOYERS = ["Công ty TNHH Giày da", "Công ty CP Gỗ", "Công ty TNHH Điện tử", "Trường Tiểu học",
              "Trường THCS", "Công ty TNHH May mặc", "Bệnh viện Đa khoa", "Công ty CP Cao su", "Ủy ban nhân dân phường"]


def org_rows(grassroots: int = GRASSROOTS, upper: int = UPPER, seed: int = 2025) -> list[list[object]]:
    rng = random.Random(seed)
    rows: list[list[object]] = []
    for u in range(upper):
        zone = u % 5 == 4
        kind = "Công đoàn khu công nghiệp" if zone else "Công đoàn xã, phường"
        name = f"{'Công đoàn KCN' if zone else 'Công đoàn phường'} {_PLACES[u % len(_PLACES)]} {u + 1}"
        rows.append([f"BD-{u + 1:03d}", name, kind, "", "không", EFFECTIVE])
    for g in range(grassroots):
        parent = f"BD-{g % upper + 1:03d}"
        employer = rng.choice(_EMPLOYERS)
        enterprise = employer.startswith("Công ty") and g % 3 == 0
        rows.append([f"{parent}-{g + 1:04d}", f"CĐCS {employer} {_PLACES[g % len(_PLACES)]} số {g + 1}",
                     "Công đoàn cơ sở", parent, "có" if enterprise else "không", EFFECTIVE])
    return rows


def org_xlsx(rows: list[list[object]]) -> bytes:
    """Saved as Excel saves it: text in a shared-string table (openpyxl's normal mode)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Đơn vị"
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
