"""Reading an org-tree sheet, without a database: headers in either language, the cells a
user's spreadsheet holds (date cells, DD/MM/YYYY, có/không, Vietnamese kind names, codes
Excel turned into numbers), and the file-level refusals."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from domain.errors import BadInput
from domain.organisation import UnitKind
from services.org_import import read_rows
from services.org_import.columns import map_headers
from services.org_import.sheet import NotASpreadsheet, read_sheet
from tests.api.sheets import EN, VI, csv_bytes, xlsx_bytes


def only_row(content: bytes):
    rows, _ = read_rows(content)
    assert len(rows) == 1
    return rows[0]


@pytest.mark.parametrize("headers", [EN, VI, ["MÃ", "ten don vi", "LOAI", "ma don vi cap tren", "doanh nghiep",
                                              "ngay hieu luc"], ["Code", "Name", "Kind", "parent_code",
                                                                 "Enterprise", "Effective"],
                                     ["Mã đơn vị", "Tên", "Loại đơn vị", "Mã cấp trên", "Công đoàn doanh nghiệp",
                                      "Ngày thành lập"]])
def test_headers_are_matched_in_english_or_vietnamese_with_or_without_accents(headers):
    columns = map_headers(headers)
    assert list(columns.index) == ["code", "name", "kind", "parent_code", "enterprise", "effective"]


def test_unknown_columns_are_ignored_and_named_and_the_flag_column_is_optional():
    rows, ignored = read_rows(csv_bytes([["A", "CĐCS A", "CĐCS", "", "2025-07-01", "ghi chú"]],
                                        headers=["Mã", "Tên đơn vị", "Loại", "Mã đơn vị cấp trên", "Ngày hiệu lực",
                                                 "Ghi chú"]))
    assert ignored == ("Ghi chú",)
    assert (rows[0].kind, rows[0].enterprise, rows[0].issues) == (UnitKind.GRASSROOTS_UNION, False, [])


def test_a_missing_required_column_names_it_in_both_languages():
    with pytest.raises(BadInput) as refused:
        map_headers(["Mã", "Tên đơn vị", "Mã đơn vị cấp trên", "Ngày hiệu lực"])
    assert "kind" in refused.value.message and "Loại" in refused.value.message_vi
    assert refused.value.rule == "org_import.columns.required"


def test_a_column_given_twice_is_refused():
    with pytest.raises(BadInput):
        map_headers(["code", "Mã", "name", "kind", "parent code", "effective date"])


@pytest.mark.parametrize(("cell", "expected"), [
    ("2025-07-01", date(2025, 7, 1)), ("01/07/2025", date(2025, 7, 1)), ("1/7/2025", date(2025, 7, 1)),
    ("01.07.2025", date(2025, 7, 1)), ("01-07-2025", date(2025, 7, 1)),
])
def test_dates_are_read_year_first_or_day_first(cell, expected):
    assert only_row(csv_bytes([["A", "CĐCS A", "grassroots_union", "", "", cell]])).effective == expected


def test_date_cells_and_numeric_codes_of_a_workbook_are_read_as_a_user_typed_them():
    row = only_row(xlsx_bytes([[1024, "CĐCS Công ty Điện lực", "Công đoàn cơ sở", 7.0, True,
                                datetime(2025, 7, 1)]]))
    assert (row.code, row.parent_code, row.enterprise, row.effective) == ("1024", "7", True, date(2025, 7, 1))


@pytest.mark.parametrize(("cell", "flag"), [("có", True), ("Có", True), ("x", True), ("yes", True), ("1", True),
                                            ("không", False), ("", False), ("No", False), ("0", False)])
def test_the_enterprise_flag_reads_yes_or_no_in_either_language(cell, flag):
    row = only_row(csv_bytes([["A", "CĐCS A", "grassroots_union", "", cell, "2025-07-01"]]))
    assert (row.enterprise, row.issues) == (flag, [])


@pytest.mark.parametrize(("cell", "kind"), [
    ("grassroots_union", UnitKind.GRASSROOTS_UNION), ("Công đoàn cơ sở", UnitKind.GRASSROOTS_UNION),
    ("cong doan xa, phuong", UnitKind.COMMUNE_UNION), ("Công đoàn KCN", UnitKind.INDUSTRIAL_ZONE_UNION),
    ("LĐLĐ huyện", UnitKind.DISTRICT_FEDERATION), ("Phòng", UnitKind.DIVISION),
])
def test_kinds_are_identifiers_or_their_vietnamese_names(cell, kind):
    assert only_row(csv_bytes([["A", "Đơn vị A", cell, "", "", "2025-07-01"]])).kind == kind


@pytest.mark.parametrize(("cells", "code"), [
    (["", "CĐCS A", "grassroots_union", "", "", "2025-07-01"], "MISSING_CODE"),
    (["A" * 51, "CĐCS A", "grassroots_union", "", "", "2025-07-01"], "CODE_TOO_LONG"),
    (["A", "  ", "grassroots_union", "", "", "2025-07-01"], "MISSING_NAME"),
    (["A", "CĐCS A", "hợp tác xã", "", "", "2025-07-01"], "BAD_KIND"),
    (["A", "CĐCS A", "grassroots_union", "", "maybe", "2025-07-01"], "BAD_FLAG"),
    (["A", "CĐCS A", "grassroots_union", "", "", ""], "MISSING_DATE"),
    (["A", "CĐCS A", "grassroots_union", "", "", "2025-13-01"], "BAD_DATE"),
])
def test_a_bad_cell_is_an_issue_of_its_row_in_both_languages(cells, code):
    issues = only_row(csv_bytes([cells])).issues
    assert [i.code for i in issues] == [code]
    assert issues[0].message_en and issues[0].message_vi and issues[0].message_en != issues[0].message_vi


def test_rows_keep_their_line_numbers_across_blank_lines():
    rows, _ = read_rows(csv_bytes([["A", "Công đoàn xã A", "commune_union", "", "", "2025-07-01"], ["", "", "", "", "", ""],
                                   ["B", "CĐCS B", "grassroots_union", "A", "", "2025-07-01"]]))
    assert [(r.number, r.code) for r in rows] == [(2, "A"), (4, "B")]


def test_a_semicolon_separated_csv_with_a_bom_is_read():
    content = "\ufeff".encode() + csv_bytes([["A", "Công đoàn phường Dĩ An", "commune_union", "", "", "2025-07-01"]],
                                           delimiter=";")
    assert only_row(content).name == "Công đoàn phường Dĩ An"


def test_binary_content_that_is_no_spreadsheet_is_refused():
    with pytest.raises(NotASpreadsheet):
        read_sheet(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
