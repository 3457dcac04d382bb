"""Migration 0013 folds the names of units projected before it in SQL; the projection folds
new ones with domain.organisation.fold_name. Both must give the same key, or a unit would be
found by its name only after a rebuild."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from domain.organisation import fold_name

MIGRATION = Path(__file__).parents[2] / "infra" / "migrations" / "0013_plan_catalogue.sql"
NAMES = ["LĐLĐ huyện Phú Riềng", "Công đoàn cơ sở Công ty TNHH Giày Da Mỹ Phong", "  CĐCS  Trường THCS\tThanh Phước ",
         "Sở Lao động - Thương binh và Xã hội", "ĐOÀN VIÊN Ưu Tú Ở Đắk Lắk", "Công đoàn Ngành Giáo dục"]


def _fold_sql() -> str:
    text = MIGRATION.read_text()
    return re.search(r"UPDATE org_units SET search_name = (.*?);", text, re.S).group(1)


@pytest.mark.parametrize("name", NAMES)
async def test_the_migrations_fold_is_the_domains(admin, name):
    folded = await admin.fetchval(f"SELECT {_fold_sql()} FROM (SELECT $1::text AS name) AS u", name)
    assert folded == fold_name(name)
