"""Org-tree import and export over HTTP: a dry run reports row by row and writes nothing, a
real run writes the whole tree or nothing, the same file again changes nothing, an export
imports back unchanged, and a bad file is a 4xx with a stable code and nothing written."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from datetime import datetime
from uuid import UUID

import pytest

from tenants.ids import root_unit_id
from tests.api.conftest import bearer, event_count, gql
from tests.api.sheets import EN, VI, csv_bytes, csv_rows, xlsx_bytes, xlsx_rows
from tests.api.story import create_unit, ensure_national_platform, provision

TAY_NINH = [
    ["GD", "Công đoàn xã Gò Dầu", "commune_union", "", "không", "2025-07-01"],
    ["TB", "Công đoàn phường Trảng Bàng", "Công đoàn xã, phường", "", "", "01/07/2025"],
    ["KCN-TB", "Công đoàn Khu công nghiệp Trảng Bàng", "industrial_zone_union", "", "no", "2025-07-01"],
    ["GD-01", "CĐCS Trường THCS Thạnh Đức", "grassroots_union", "GD", "không", "2025-07-02"],
    ["GD-02", "CĐCS Công ty TNHH Giày Bình Tiên", "Công đoàn cơ sở", "GD", "có", "2025-07-02"],
    ["KCN-01", "CĐCS Công ty CP Dệt may Phước Đông", "CĐCS", "KCN-TB", "x", "2025-07-02"],
]


@pytest.fixture
async def province(client, platform, token, tenant_id):
    await ensure_national_platform(platform)
    root = await provision(client, token(tenant_id, "platform_admin"), tenant_id)
    return {"tenant": tenant_id, "root": root, "officer": token(tenant_id, "officer")}


async def upload(client, officer: str, content: bytes, *, dry_run: bool = False, name: str = "units.xlsx",
                 key: str | None = None):
    headers = {**bearer(officer), **({"Idempotency-Key": key} if key else {})}
    response = await client.post("/api/v1/org-units/import", params={"dry_run": str(dry_run).lower()},
                                 files={"file": (name, content, "application/octet-stream")}, headers=headers)
    return response, response.json()


async def export(client, token: str, fmt: str = "xlsx", lang: str = "en") -> bytes:
    response = await client.get("/api/v1/org-units/export", params={"format": fmt, "lang": lang},
                                headers=bearer(token))
    assert response.status_code == 200, response.text
    return response.content


def issues(body: dict) -> dict[int, list[str]]:
    report = body.get("report", body)
    return {r["row"]: [i["code"] for i in r["issues"]] for r in report["results"] if r["issues"]}


async def tree_names(client, token: str, root: UUID) -> list[tuple[str, str, int]]:
    _, body = await gql(client, f'{{ orgTree(unit: "{root}") {{ name kind depth }} }}', token)
    return sorted((n["name"], n["kind"], n["depth"]) for n in body["data"]["orgTree"])


async def test_an_xlsx_with_vietnamese_headers_imports_the_whole_tree(client, province, admin):
    response, body = await upload(client, province["officer"], xlsx_bytes(TAY_NINH))
    assert response.status_code == 201, body
    assert (body["report"]["new"], body["report"]["rejected"], body["replayed"]) == (6, 0, False)
    csv_export = csv_rows(await export(client, province["officer"], "csv"))
    assert csv_export[0] == ["code", "name", "kind", "parent code", "enterprise", "effective date"]
    by_code = {r[0]: r for r in csv_export[1:]}
    assert by_code["GD-02"] == ["GD-02", "CĐCS Công ty TNHH Giày Bình Tiên", "grassroots_union", "GD", "yes",
                                "2025-07-02"]
    assert by_code["TB"][2:] == ["commune_union", "", "no", "2025-07-01"]
    assert by_code["KCN-01"][3:5] == ["KCN-TB", "yes"]


async def test_the_same_file_imported_again_changes_nothing(client, province, admin):
    content = xlsx_bytes(TAY_NINH)
    assert (await upload(client, province["officer"], content))[0].status_code == 201
    before = await event_count(admin)
    response, body = await upload(client, province["officer"], content)
    assert response.status_code == 200, body
    assert (body["report"]["new"], body["report"]["unchanged"], body["position"]) == (0, 6, None)
    assert await event_count(admin) == before


async def test_a_dry_run_reports_every_bad_row_in_both_languages_and_writes_nothing(client, province, admin):
    rows = [
        ["A", "Công đoàn xã A", "commune_union", "", "", "2025-07-01"],
        ["A", "Công đoàn xã A bis", "commune_union", "", "", "2025-07-01"],  # duplicate code
        ["B", "CĐCS B", "grassroots_union", "NOWHERE", "", "2025-07-01"],  # unknown parent
        ["C", "Đơn vị C", "hợp tác xã", "A", "", "2025-07-01"],  # bad kind
        ["D", "CĐCS D", "grassroots_union", "A", "", "31/02/2025"],  # bad date
        ["E", "Công đoàn xã E", "commune_union", "F", "", "2025-07-01"],  # cycle E -> F -> E
        ["F", "Công đoàn xã F", "commune_union", "E", "", "2025-07-01"],
        ["G", "CĐCS G", "grassroots_union", "E", "", "2025-07-01"],  # under the cycle
        ["H", "Công đoàn xã H", "commune_union", "D0", "", "2025-07-01"],  # unknown parent
        ["I", "Công đoàn xã I", "commune_union", "A-1", "", "2025-07-01"],  # a commune under a grassroots union
        ["A-1", "CĐCS A1", "grassroots_union", "A", "maybe", "2025-07-01"],  # bad flag
        ["J", "CĐCS J", "grassroots_union", "A", "", "2025-06-30"],  # before its parent exists
        ["K", "", "grassroots_union", "A", "", "2025-07-01"],  # no name
        ["A-2", "CĐCS A2", "grassroots_union", "A", "", "2025-07-01"],  # fine
    ]
    before = await event_count(admin)
    response, body = await upload(client, province["officer"], csv_bytes(rows), dry_run=True, name="x.csv")
    assert response.status_code == 200, body
    found = issues(body["report"])
    assert found == {3: ["DUPLICATE_CODE"], 4: ["UNKNOWN_PARENT"], 5: ["BAD_KIND"], 6: ["BAD_DATE"],
                     7: ["CYCLE"], 8: ["CYCLE"], 9: ["PARENT_REJECTED"], 10: ["UNKNOWN_PARENT"],
                     11: ["PARENT_REJECTED"], 12: ["BAD_FLAG"], 13: ["ORG_NOT_ACTIVE_ON_DATE"],
                     14: ["MISSING_NAME"]}
    report = body["report"]
    assert (report["ok"], report["rows"], report["new"], report["rejected"]) == (False, 14, 2, 12)
    cycle = next(r for r in report["results"] if r["row"] == 7)["issues"][0]
    assert "E → F → E" in cycle["message_en"] and "vòng lặp" in cycle["message_vi"]
    assert await event_count(admin) == before


async def test_a_unit_under_a_lower_level_is_refused_by_the_domain_rule(client, province):
    rows = [["A-1", "CĐCS A1", "grassroots_union", "", "", "2025-07-01"],
            ["I", "Công đoàn xã I", "commune_union", "A-1", "", "2025-07-01"]]
    _, body = await upload(client, province["officer"], csv_bytes(rows), dry_run=True)
    assert issues(body["report"]) == {3: ["ORG_INVALID_PARENT"]}
    assert next(r for r in body["report"]["results"] if r["row"] == 3)["issues"][0]["column"] == "kind"


async def test_a_real_run_with_one_bad_row_writes_nothing(client, province, admin):
    rows = [*TAY_NINH, ["X", "CĐCS X", "grassroots_union", "NOWHERE", "", "2025-07-02"]]
    before = await event_count(admin)
    response, body = await upload(client, province["officer"], xlsx_bytes(rows))
    assert (response.status_code, body["code"]) == (422, "ORG_IMPORT_REJECTED"), body
    assert body["message_vi"] and body["report"]["rejected"] == 1
    assert issues(body) == {8: ["UNKNOWN_PARENT"]}
    assert await event_count(admin) == before


async def test_an_export_imports_into_another_tenant_and_exports_the_same(client, platform, province, token,
                                                                           other_tenant_id):
    await upload(client, province["officer"], xlsx_bytes(TAY_NINH))
    await provision(client, token(other_tenant_id, "platform_admin"), other_tenant_id)
    other = token(other_tenant_id, "officer")
    for fmt, lang in (("xlsx", "vi"), ("csv", "en")):
        sheet = await export(client, province["officer"], fmt, lang)
        response, body = await upload(client, other, sheet, name=f"tree.{fmt}")
        assert response.status_code in (200, 201), body
        assert body["report"]["rejected"] == 0 and body["report"]["rows"] == 6
        assert await export(client, other, fmt, lang) == sheet if fmt == "csv" else \
            xlsx_rows(await export(client, other, fmt, lang)) == xlsx_rows(sheet)
    assert await tree_names(client, other, root_unit_id(other_tenant_id)) == \
        await tree_names(client, province["officer"], province["root"])


async def test_an_exported_tree_imports_back_unchanged_with_its_uncoded_units(client, province, admin):
    officer = province["officer"]
    district = await create_unit(client, officer, province["root"], "district_federation", "LĐLĐ huyện Gò Dầu")
    await create_unit(client, officer, district, "grassroots_union", "CĐCS Trường Tiểu học Phước Thạnh")
    await upload(client, officer, xlsx_bytes(TAY_NINH))
    sheet = await export(client, officer, "xlsx", "vi")
    rows = xlsx_rows(sheet)
    assert rows[0] == VI and str(district) in [r[0] for r in rows]
    assert all(isinstance(r[5], datetime) for r in rows[1:])
    before = await event_count(admin)
    response, body = await upload(client, officer, sheet)
    assert (response.status_code, body["report"]["unchanged"], body["report"]["new"]) == (200, 8, 0), body
    assert await event_count(admin) == before


async def test_names_with_diacritics_round_trip_in_nfc(client, province):
    decomposed = unicodedata.normalize("NFD", "CĐCS Công ty Cổ phần Cao su Tân Biên")
    rows = [["TBN", decomposed, "grassroots_union", "", "", "2025-07-01"]]
    await upload(client, province["officer"], csv_bytes(rows, VI, delimiter=";"), name="đơn vị.csv")
    exported = csv_rows(await export(client, province["officer"], "csv", "vi"))
    assert exported[1][1] == unicodedata.normalize("NFC", decomposed)
    assert exported[1][2:5] == ["Công đoàn cơ sở", "", "không"]


async def test_an_officer_imports_under_its_own_unit_only(client, province, token):
    officer = province["officer"]
    gd = await create_unit(client, officer, province["root"], "commune_union", "Công đoàn xã Gò Dầu", code="GD")
    await create_unit(client, officer, province["root"], "commune_union", "Công đoàn xã Trảng Bàng", code="TB")
    local = token(province["tenant"], "officer", unit=str(gd))
    rows = [["GD-01", "CĐCS Trường THCS Thạnh Đức", "grassroots_union", "", "", "2025-07-02"],
            ["TB-01", "CĐCS Công ty Trảng Bàng", "grassroots_union", "TB", "", "2025-07-02"]]
    _, body = await upload(client, local, csv_bytes(rows), dry_run=True)
    assert issues(body["report"]) == {3: ["OUTSIDE_SUBTREE"]}
    response, body = await upload(client, local, csv_bytes(rows[:1]))
    assert response.status_code == 201, body
    exported = csv_rows(await export(client, local, "csv"))
    assert [r[0] for r in exported[1:]] == ["GD-01"] and exported[1][3] == ""


async def test_a_viewer_may_export_but_not_import(client, province, token, admin):
    viewer = token(province["tenant"], "viewer")
    before = await event_count(admin)
    response, body = await upload(client, viewer, xlsx_bytes(TAY_NINH))
    assert (response.status_code, body["code"]) == (403, "FORBIDDEN")
    assert await event_count(admin) == before
    assert csv_rows(await export(client, viewer, "csv")) == [EN]


async def test_a_retried_import_with_its_idempotency_key_answers_the_first_result(client, province, admin):
    content = xlsx_bytes(TAY_NINH)
    first, body = await upload(client, province["officer"], content, key="import-1")
    before = await event_count(admin)
    again, replay = await upload(client, province["officer"], content, key="import-1")
    assert (first.status_code, again.status_code, replay["replayed"]) == (201, 200, True)
    assert replay["position"] == body["position"]
    assert await event_count(admin) == before


def damaged_workbook(damage) -> bytes:
    """A real workbook whose sheet XML was damaged by `damage(xml) -> xml`."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(TAY_NINH)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as damaged:
        for name in source.namelist():
            data = source.read(name)
            damaged.writestr(name, damage(data) if "worksheets/" in name else data)
    return out.getvalue()


def cut_off(xml: bytes) -> bytes:
    return xml[:len(xml) // 2]


def missing_shared_string(xml: bytes) -> bytes:
    return xml.replace(b"</sheetData>", b"<row r='99'><c r='A99' t='s'><v>9999</v></c></row></sheetData>")


BAD_FILES = [
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01", 415, "UNSUPPORTED_MEDIA_TYPE", id="a pdf"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), 415, "UNSUPPORTED_MEDIA_TYPE", id="an old xls"),
    pytest.param(b"PK\x03\x04 not really a zip", 415, "UNSUPPORTED_MEDIA_TYPE", id="a broken xlsx"),
    pytest.param(damaged_workbook(cut_off), 415, "UNSUPPORTED_MEDIA_TYPE", id="a sheet cut off"),
    pytest.param(damaged_workbook(missing_shared_string), 415, "UNSUPPORTED_MEDIA_TYPE", id="a lost shared string"),
    pytest.param(b"", 400, "BAD_INPUT", id="an empty file"),
    pytest.param("code,name,kind,parent code,enterprise,effective date\n".encode(), 400, "BAD_INPUT",
                 id="headers only"),
    pytest.param("code,name,parent code,effective date\nA,B,,2025-07-01\n".encode(), 400, "BAD_INPUT",
                 id="a missing column"),
    pytest.param("Mã,Tên đơn vị,Loại,Mã đơn vị cấp trên,Ngày hiệu lực\n".encode("utf-16"), 415,
                 "UNSUPPORTED_MEDIA_TYPE", id="utf-16"),
    pytest.param("Mã,Tên\nA,Bình\n".encode("latin-1"), 400, "BAD_INPUT", id="not utf-8"),
    pytest.param(b"code,name,kind,parent code,enterprise,effective date\n" + b"x" * (10 * 1024 * 1024), 413,
                 "PAYLOAD_TOO_LARGE", id="too large"),
]


@pytest.mark.parametrize(("content", "status", "code"), BAD_FILES)
async def test_a_bad_file_is_refused_with_a_stable_code_and_nothing_written(client, province, admin,
                                                                              content, status, code):
    before = await event_count(admin)
    for dry_run in (True, False):
        response, body = await upload(client, province["officer"], content, dry_run=dry_run)
        assert (response.status_code, body["code"]) == (status, code), body
        assert body["message_vi"]
    assert await event_count(admin) == before


async def test_a_request_without_a_file_is_bad_input(client, province):
    response = await client.post("/api/v1/org-units/import", json={"rows": []}, headers=bearer(province["officer"]))
    assert (response.status_code, response.json()["code"]) == (400, "BAD_INPUT")
    response = await client.post("/api/v1/org-units/import", files={"sheet": ("a.csv", b"x", "text/csv")},
                                 headers=bearer(province["officer"]))
    assert (response.status_code, response.json()["code"]) == (400, "BAD_INPUT")


async def test_an_unknown_export_format_is_bad_input(client, province):
    response = await client.get("/api/v1/org-units/export", params={"format": "pdf"},
                                headers=bearer(province["officer"]))
    assert (response.status_code, response.json()["code"]) == (400, "BAD_INPUT")


async def test_a_new_name_renames_the_unit_from_the_rows_date_and_then_reads_unchanged(client, province, admin):
    officer = province["officer"]
    await upload(client, officer, xlsx_bytes(TAY_NINH))
    renamed = [list(r) for r in TAY_NINH]
    renamed[0][1], renamed[0][5] = "Công đoàn xã Gò Dầu (sáp nhập)", "2025-08-01"
    response, body = await upload(client, officer, xlsx_bytes(renamed))
    assert response.status_code == 201, body
    assert (body["report"]["changed"], body["report"]["unchanged"]) == (1, 5)
    assert body["report"]["results"][0]["changes"] == ["name"]
    exported = {r[0]: r for r in csv_rows(await export(client, officer, "csv"))[1:]}
    assert exported["GD"][1] == "Công đoàn xã Gò Dầu (sáp nhập)"
    assert exported["GD"][5] == "2025-07-01"  # the export's date is still the unit's creation
    before = await event_count(admin)
    again, body = await upload(client, officer, xlsx_bytes(renamed))
    assert (again.status_code, body["report"]["unchanged"]) == (200, 6)
    assert await event_count(admin) == before


async def test_a_rename_before_a_later_one_or_before_creation_and_a_new_kind_are_refused(client, province, admin):
    officer = province["officer"]
    await upload(client, officer, xlsx_bytes(TAY_NINH))
    first = [list(r) for r in TAY_NINH]
    first[0][1], first[0][5] = "Công đoàn xã Gò Dầu mới", "2025-09-01"
    await upload(client, officer, xlsx_bytes(first))
    rows = [list(r) for r in TAY_NINH]
    rows[0][1], rows[0][5] = "Công đoàn xã Gò Dầu cũ", "2025-08-01"  # the September name holds now
    rows[1][1], rows[1][5] = "Công đoàn phường Trảng Bàng mới", "2025-06-01"  # before TB existed
    rows[2][2] = "commune_union"  # KCN-TB is an industrial-zone union
    before = await event_count(admin)
    response, body = await upload(client, officer, xlsx_bytes(rows))
    assert response.status_code == 422, body
    assert issues(body) == {2: ["RENAMED_LATER"], 3: ["ORG_CHANGE_BEFORE_CREATION"], 4: ["DIFFERS_FROM_EXISTING"]}
    assert await event_count(admin) == before


async def test_the_2025_reform_moves_grassroots_unions_to_new_commune_unions_in_one_upload(client, province, admin):
    """District federations ceased on 1 July 2025: their grassroots unions move under new
    commune unions the same sheet creates; the export then shows the new tree."""
    officer = province["officer"]
    before_reform = [["GD", "LĐLĐ huyện Gò Dầu", "district_federation", "", "", "2020-01-01"],
                     ["GD-01", "CĐCS Trường THCS Thạnh Đức", "grassroots_union", "GD", "", "2020-01-01"],
                     ["GD-02", "CĐCS Công ty Giày Bình Tiên", "grassroots_union", "GD", "có", "2020-01-01"]]
    assert (await upload(client, officer, csv_bytes(before_reform)))[0].status_code == 201
    reform = [*before_reform[:1],
              ["X-TD", "Công đoàn xã Thạnh Đức", "commune_union", "", "", "2025-07-01"],
              ["GD-01", "CĐCS Trường THCS Thạnh Đức", "grassroots_union", "X-TD", "", "2025-07-01"],
              ["GD-02", "CĐCS Công ty Giày Bình Tiên", "grassroots_union", "X-TD", "có", "2025-07-01"]]
    response, body = await upload(client, officer, csv_bytes(reform))
    assert response.status_code == 201, body
    report = body["report"]
    assert (report["new"], report["changed"], report["unchanged"]) == (1, 2, 1)
    assert [r["changes"] for r in report["results"]] == [[], [], ["parent"], ["parent"]]
    exported = {r[0]: r for r in csv_rows(await export(client, officer, "csv"))[1:]}
    assert exported["GD-01"][3] == exported["GD-02"][3] == "X-TD"
    before = await event_count(admin)
    again, body = await upload(client, officer, csv_bytes(reform))
    assert (again.status_code, body["report"]["unchanged"]) == (200, 4)
    assert await event_count(admin) == before


async def test_moves_that_would_close_a_loop_or_precede_a_later_move_are_refused(client, province, admin):
    officer = province["officer"]
    tree = [["A", "Công đoàn xã A", "commune_union", "", "", "2020-01-01"],
            ["B", "Công đoàn xã B", "commune_union", "", "", "2020-01-01"],
            ["A-1", "CĐCS A1", "grassroots_union", "A", "", "2020-01-01"]]
    await upload(client, officer, csv_bytes(tree))
    moved = [list(r) for r in tree]
    moved[2][3], moved[2][5] = "B", "2025-07-01"
    await upload(client, officer, csv_bytes(moved))
    rows = [["A", "Công đoàn xã A", "commune_union", "N", "", "2020-01-01"],  # under a new unit below itself
            ["N", "Công đoàn xã N", "commune_union", "A", "", "2021-01-01"],
            ["A-1", "CĐCS A1", "grassroots_union", "A", "", "2024-01-01"]]  # moved to B on 2025-07-01
    before = await event_count(admin)
    response, body = await upload(client, officer, csv_bytes(rows))
    assert response.status_code == 422, body
    assert issues(body) == {2: ["CYCLE"], 3: ["CYCLE"], 4: ["MOVED_LATER"]}
    assert await event_count(admin) == before
