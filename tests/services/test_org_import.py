"""The import command on a real store: racing imports of one sheet write each unit once, an
existing unit is found by its code (or its id, when it has none), and only new rows are written."""

from __future__ import annotations

import asyncio

from services.context import CommandContext
from services.org_import import import_tree
from services.org_units import create_unit
from tests.api.sheets import csv_bytes
from tests.services.conftest import CTX, FOUNDED, Org

OFFICER = CommandContext(actor="officer@test")


async def created_units(admin, tenant: str) -> int:
    return await admin.fetchval("SELECT count(*) FROM events WHERE tenant_id = $1 AND topic LIKE '%OrgUnit.Created'",
                                tenant)


def sheet(org: Org, n: int) -> bytes:
    rows = [["KCN", "Công đoàn KCN Phước Đông", "industrial_zone_union", "", "", "2025-07-01"]]
    rows += [[f"KCN-{i}", f"CĐCS Công ty May Phước Đông {i}", "CĐCS", "KCN", "có", "2025-07-01"] for i in range(n)]
    rows += [["CT-9", "CĐCS Trường THPT Châu Thành", "grassroots_union", str(org.district), "", "2025-07-01"]]
    return csv_bytes(rows)


async def test_two_imports_of_one_sheet_at_once_write_each_unit_once(platform, admin, org):
    before = await created_units(admin, org.tenant)
    content = sheet(org, 20)
    outcomes = await asyncio.gather(*(import_tree(platform, org.tenant, OFFICER, content, dry_run=False)
                                      for _ in range(2)))
    written = [o for o in outcomes if o.position is not None]
    assert len(written) == 1 and written[0].report["new"] == 22
    assert [o.report["unchanged"] for o in outcomes if o.position is None] == [22]
    assert await created_units(admin, org.tenant) == before + 22


async def test_a_unit_without_a_code_is_named_by_its_id_and_existing_rows_are_not_written_again(platform, admin,
                                                                                                  org):
    await create_unit(platform, org.tenant, CTX, kind="grassroots_union", name="CĐCS Công ty Điện lực",
                      parent_id=org.district, effective=FOUNDED, code="CT-1")
    rows = [["CT-1", "CĐCS Công ty Điện lực", "grassroots_union", str(org.district), "", "2000-01-01"],
            ["CT-2", "CĐCS Công ty Cấp nước", "grassroots_union", str(org.district), "không", "2025-07-01"]]
    before = await created_units(admin, org.tenant)
    outcome = await import_tree(platform, org.tenant, OFFICER, csv_bytes(rows), dry_run=False)
    assert [(r["code"], r["status"]) for r in outcome.report["results"]] == [("CT-1", "unchanged"), ("CT-2", "new")]
    assert await created_units(admin, org.tenant) == before + 1


async def test_an_officer_of_a_district_cannot_reach_a_sibling_district(platform, org):
    district_officer = CommandContext(actor="officer@district", writes_under=org.district)
    rows = [["GD-1", "CĐCS Gò Dầu 1", "grassroots_union", str(org.other_district), "", "2025-07-01"],
            [str(org.other_district), "LĐLĐ huyện Gò Dầu", "district_federation", "", "", "2000-01-01"]]
    outcome = await import_tree(platform, org.tenant, district_officer, csv_bytes(rows), dry_run=True)
    assert [[i["code"] for i in r["issues"]] for r in outcome.report["results"]] == [["OUTSIDE_SUBTREE"]] * 2


async def test_two_existing_units_moved_under_each_other_are_a_loop(platform, org):
    rows = [[str(org.district), "LĐLĐ huyện Châu Thành", "district_federation", str(org.other_district), "",
             "2025-07-01"],
            [str(org.other_district), "LĐLĐ huyện Gò Dầu", "district_federation", str(org.district), "",
             "2025-07-01"]]
    outcome = await import_tree(platform, org.tenant, OFFICER, csv_bytes(rows), dry_run=True)
    assert [[i["code"] for i in r["issues"]] for r in outcome.report["results"]] == [["CYCLE"], ["CYCLE"]]
