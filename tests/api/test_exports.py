"""A plan's lists as spreadsheets, read back with csv and openpyxl the way a user's
spreadsheet program would: the same rows as the read models, units by name."""

from __future__ import annotations

import csv
from io import BytesIO, StringIO
from uuid import uuid4

import openpyxl

from tenants.ids import NATIONAL_TENANT
from documents.rollup_sheet import METRIC_WORDS
from tests.api.conftest import bearer, gql
from tests.api.seed_001_flow import caught_up, created, nominate_to_vote, province, register, report, seed_001_plan
from tests.api.story import ensure_national_platform
from tests.documents.decided import UNIONS as DECIDED_UNIONS
from tests.documents.decided import decided, revoke

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


# --- the rollup by child unit, and the awards ---------------------------------------------------

ROLLUP = """query($t: String!, $plan: UUID!, $node: UUID!, $asOf: Date) {
  rollup(planTenant: $t, planId: $plan, node: $node, asOf: $asOf) {
    metrics { ...figures } children { nodeId name metrics { ...figures } } } }
fragment figures on RollupMetrics {
  unitsInScope enterpriseUnits unitsRegistered registrationRate registrations registrationsLate targetsRegistered
  targetsMet initiativesRegistered workItemsRegistered reports reportsOnTime reportsLate reportsDue reportsMissing
  membersSupported fundsMobilised initiatives workItemsCompleted
  modelsByType { name count } nominationsByState { name count } awardsByForm { name count }
  registrationsByPhase { name count } }"""
GROUPS = {"modelsByType": "Mô hình", "nominationsByState": "Đề nghị", "awardsByForm": "Khen thưởng",
          "registrationsByPhase": "Đăng ký"}


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)


def as_graphql(header: tuple, row: tuple, form_names: dict[str, str]) -> dict:
    """A sheet row read back in the GraphQL rollup's shape (breakdown columns → named counts)."""
    figures: dict = {camel(metric): row[header.index(words)] for metric, words in METRIC_WORDS.items()}
    for group, words in GROUPS.items():
        figures[group] = sorted(
            ({"name": {v: k for k, v in form_names.items()}.get(column.split(": ", 1)[1], column.split(": ", 1)[1]),
              "count": value} for column, value in zip(header, row) if column.startswith(f"{words}: ") and value),
            key=lambda c: c["name"])
    figures["fundsMobilised"] = float(figures["fundsMobilised"])
    return figures


async def test_the_rollup_breakdown_sheet_holds_the_graphql_rollups_figures_for_the_same_node_and_day(
        client, platform, admin, token, tenant_id):
    story = await decided(client, platform, admin, token, tenant_id)
    await revoke(client, platform, admin, story)  # the awards count one fewer from 01/06/2022
    p = story.province
    forms = {"bk_bch_ldld_tinh": "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh"}
    national = token(NATIONAL_TENANT, "national")
    for node, as_of, reader in ((p.district, "2022-01-31", p.officer), (p.district, "2022-07-01", national),
                                (p.root, "2022-07-01", p.officer), (p.district, None, p.officer)):
        params = {"node": str(node), "plan_tenant": p.tenant, **({"as_of": as_of} if as_of else {})}
        response = await client.get(f"/api/v1/plans/{story.plan}/rollup.xlsx", params=params, headers=bearer(reader))
        assert response.status_code == 200 and response.headers["content-type"] == XLSX
        header, *rows = openpyxl.load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True)
        _, body = await gql(client, ROLLUP, national, t=p.tenant, plan=story.plan, node=str(node), asOf=as_of)
        rollup = body["data"]["rollup"]
        *children, total = rows
        assert total[1] == "Tổng cộng" and as_graphql(header, total, forms) == rollup["metrics"], (node, as_of)
        assert [(c[1], c[2]) for c in children] == [(c["name"], c["nodeId"]) for c in rollup["children"]]
        for row, child in zip(children, rollup["children"]):
            assert as_graphql(header, row, forms) == child["metrics"]
    # The figures the comparison rests on, so that it cannot pass on two empty rollups.
    assert total[header.index("Khen thưởng: " + forms["bk_bch_ldld_tinh"])] == 2  # as now: one of 3 revoked
    assert total[header.index("Đơn vị đã đăng ký")] == 3 and len(children) == 3
    response = await client.get(f"/api/v1/plans/{story.plan}/rollup.csv", headers=bearer(p.officer),
                                params={"node": str(p.district), "as_of": "2022-07-01"})
    rows = list(csv.reader(StringIO(response.content.decode("utf-8-sig"))))
    total = dict(zip(rows[0], rows[-1]))
    assert (total["Đơn vị"], total["Đơn vị đã đăng ký"], total["Chỉ tiêu đạt"]) == ("Tổng cộng", "3", "3")
    assert total["Khen thưởng: Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh"] == "2"  # one revoked
    for path in (f"/api/v1/plans/{story.plan}/rollup.xlsx", f"/api/v1/plans/{story.plan}/review.pdf",
                 f"/api/v1/plans/{uuid4()}/rollup.csv"):
        node = str(uuid4()) if "review" in path or "rollup.xlsx" in path else str(p.district)
        response = await client.get(path, params={"node": node}, headers=bearer(p.officer))
        assert (response.status_code, response.json()["code"]) == (404, "NOT_FOUND"), path  # never a rollup of zeros


async def test_the_awards_export_lists_each_award_with_its_decision_and_marks_revocations(
        client, platform, admin, token, tenant_id):
    story = await decided(client, platform, admin, token, tenant_id)
    await revoke(client, platform, admin, story)
    headers = bearer(story.province.officer)
    response = await client.get(f"/api/v1/plans/{story.plan}/awards.xlsx", headers=headers)
    assert response.status_code == 200 and response.headers["content-type"] == XLSX
    header, *rows = openpyxl.load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True)
    assert header[:3] == ("STT", "Tập thể, cá nhân", "Đối tượng")
    by_name = {r[1]: r for r in rows}
    assert set(by_name) == {name for name, _ in DECIDED_UNIONS}
    assert {r[6] for r in rows} == {"1/QĐ-LĐLĐ"} and {r[4] for r in rows} == {"LĐLĐ huyện Gò Dầu"}
    assert by_name["CĐCS Công ty TNHH Giày Da Mỹ Phong"][9:] == ("Đã thu hồi", "Hồ sơ không trung thực")
    assert by_name["CĐCS Trường THCS Thanh Phước"][9:] == ("Đã khen thưởng", None)
    response = await client.get(f"/api/v1/plans/{story.plan}/awards.csv", headers=headers)
    assert response.status_code == 200 and len(list(csv.reader(StringIO(response.content.decode("utf-8-sig"))))) == 4
    national = bearer(token(NATIONAL_TENANT, "national"))
    response = await client.get(f"/api/v1/plans/{story.plan}/awards.csv", headers=national)
    assert (response.status_code, response.json()["code"]) == (403, "FORBIDDEN")  # names people


# --- the yearly statistical report forms ----------------------------------------------------------

def form_rows(data: bytes) -> dict[str, tuple]:
    """A form's rows by their code ("01", "02", …), each as its figures."""
    rows = openpyxl.load_workbook(BytesIO(data)).active.iter_rows(values_only=True)
    return {r[1]: r for r in rows if r and len(r) > 1 and isinstance(r[1], str) and r[1].isdigit()}


async def test_the_yearly_statistical_forms_count_the_plans_launched_and_the_awards_given_in_the_year(
        client, platform, admin, token, tenant_id):
    story = await decided(client, platform, admin, token, tenant_id)
    officer = bearer(story.province.officer)

    # Seed 001: launched 01/10/2021 by a district federation, a 92-day sprint: reporting year 2021.
    response = await client.get("/api/v1/statistics/0601/form.xlsx", params={"year": 2021}, headers=officer)
    assert response.status_code == 200 and response.headers["content-type"] == XLSX
    sheet = openpyxl.load_workbook(BytesIO(response.content)).active
    assert sheet["A1"].value == "Biểu số: 0601.N/BNV-TĐKT" and "01/12/2020 đến ngày 30/11/2021" in sheet["A5"].value
    rows = form_rows(response.content)
    assert rows["01"][2:] == (1, 0, 0, 1)  # total, central council, ministries/provinces, units
    assert rows["05"][2] == 1 and rows["06"][2:] == (1, 0, 0, 1) and rows["11"][2] == 1 and rows["12"][2] == 0
    assert rows["04"][2] is None  # emulation clusters are not recorded: blank, not 0
    empty = form_rows((await client.get("/api/v1/statistics/0601/form.xlsx", params={"year": 2022},
                                        headers=officer)).content)
    assert empty["01"][2] == 0  # nothing launched from 01/12/2021 to 30/11/2022

    # The decision of 10/01/2022: three certificates of merit to collectives, two of them enterprises.
    rows = form_rows((await client.get("/api/v1/statistics/0603/form.xlsx", params={"year": 2022},
                                       headers=officer)).content)
    assert rows["01"][3:5] == (3, 3) and rows["02"][3] == 3 and rows["03"][3] == 2 and rows["05"][3] == 0
    assert rows["11"][3] == 0 and rows["12"][3] == 3 and rows["13"][3] is None
    assert form_rows((await client.get("/api/v1/statistics/0602/form.xlsx", params={"year": 2022},
                                       headers=officer)).content)["01"][3] == 0  # no state-level award
    await revoke(client, platform, admin, story)
    rows = form_rows((await client.get("/api/v1/statistics/0603/form.xlsx", params={"year": 2022},
                                       headers=officer)).content)
    assert rows["01"][3] == 2  # a revoked award no longer counts

    national = bearer(token(NATIONAL_TENANT, "national"))
    response = await client.get("/api/v1/statistics/0603/form.csv", headers=national,
                                params={"year": 2022, "tenant": tenant_id})
    assert response.status_code == 200 and "Tổng số,01,,2,2" in response.content.decode("utf-8-sig")
    everyone = form_rows((await client.get("/api/v1/statistics/0603/form.xlsx", params={"year": 2022},
                                           headers=national)).content)
    assert everyone["01"][3] >= 2  # every tenant's (other tests' tenants too)
    for params in ({"year": 1899}, {"year": "x"}):
        response = await client.get("/api/v1/statistics/0603/form.xlsx", params=params, headers=officer)
        assert response.status_code == 400
    assert (await client.get("/api/v1/statistics/0604/form.xlsx", params={"year": 2022},
                             headers=officer)).status_code in (400, 404)
