"""A plan's lists as spreadsheets, read back with csv and openpyxl the way a user's
spreadsheet program would: the same rows as the read models, units by name."""

from __future__ import annotations

import csv
from io import BytesIO, StringIO

import openpyxl

from tenants.ids import NATIONAL_TENANT
from tests.api.conftest import bearer
from tests.api.seed_001_flow import caught_up, created, nominate_to_vote, province, register, report, seed_001_plan
from tests.api.story import ensure_national_platform

UNIONS = [("CĐCS Công ty TNHH Giày Da Mỹ Phong", True), ("CĐCS Trường THCS Thanh Phước", False)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def test_registrations_reports_and_nominations_export_as_csv_and_xlsx(
        client, platform, admin, token, tenant_id):
    await ensure_national_platform(platform)
    p = await province(client, token, tenant_id, "Liên đoàn Lao động tỉnh Tây Ninh", UNIONS)
    plan = await seed_001_plan(client, p)
    created(await register(client, p.district_officer, plan, p.unions[0], "2021-10-05"))
    created(await register(client, p.district_officer, plan, p.unions[1], "2021-10-12"))  # the last day
    created(await report(client, p.district_officer, plan, p.unions[0], "2021-10-25", members_supported=12))
    await nominate_to_vote(client, p, plan, p.unions[0])
    await caught_up(platform, admin, [tenant_id])
    headers = bearer(p.district_officer)

    response = await client.get(f"/api/v1/plans/{plan}/registrations.csv", headers=headers)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    rows = list(csv.reader(StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["STT", "Đơn vị", "Mã đơn vị (id)"]
    assert sorted((r[1], r[4], r[5]) for r in rows[1:]) == [
        ("CĐCS Công ty TNHH Giày Da Mỹ Phong", "2021-10-05", "không"),
        ("CĐCS Trường THCS Thanh Phước", "2021-10-12", "không")]

    response = await client.get(f"/api/v1/plans/{plan}/reports.xlsx?today=2021-11-30", headers=headers)
    assert response.status_code == 200 and response.headers["content-type"] == XLSX
    sheet = openpyxl.load_workbook(BytesIO(response.content)).active
    values = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    statuses = sorted((r[1], r[5]) for r in values)
    # October's report of the first union arrived; the second union's and both November ones did not.
    assert ("CĐCS Công ty TNHH Giày Da Mỹ Phong", "Đúng hạn") in statuses
    assert statuses.count(("CĐCS Trường THCS Thanh Phước", "Chưa nộp")) == 2
    assert [r[6] for r in values if r[5] == "Đúng hạn"] == [12]

    response = await client.get(f"/api/v1/plans/{plan}/nominations.xlsx", headers=headers)
    sheet = openpyxl.load_workbook(BytesIO(response.content)).active
    (header, nomination) = list(sheet.iter_rows(values_only=True))
    assert header[1] == "Tập thể, cá nhân" and nomination[1] == "CĐCS Công ty TNHH Giày Da Mỹ Phong"
    assert nomination[8] == "Hội đồng đã bỏ phiếu" and nomination[5] == "LĐLĐ huyện Gò Dầu"


async def test_a_national_reader_gets_no_list_of_units_or_nominees(client, platform, token, tenant_id):
    await ensure_national_platform(platform)
    p = await province(client, token, tenant_id, "Liên đoàn Lao động tỉnh Tây Ninh", UNIONS)
    plan = await seed_001_plan(client, p)
    national = bearer(token(NATIONAL_TENANT, "national"))
    for path in ("registrations.csv", "nominations.xlsx", "reports.csv"):
        response = await client.get(f"/api/v1/plans/{plan}/{path}", headers=national)
        assert (response.status_code, response.json()["code"]) == (403, "FORBIDDEN")
