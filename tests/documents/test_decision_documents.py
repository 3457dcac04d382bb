"""The award decision, its revocation, the certificate, the review report and the statistical
forms built from plain facts (no database) and read back as their readers would."""

from __future__ import annotations

import math
from datetime import date
from io import BytesIO

import docx
import openpyxl
import pypdf

from documents.award_decision import Awarded, Decided, award_decision, revocation_decision
from documents.certificate import certificate, certificate_title
from documents.decision_words import legal_bases
from documents.names import place_of
from documents.render_certificate import certificate_docx, certificate_pdf
from documents.render_docx import render_docx
from documents.render_pdf import render_pdf
from documents.review_summary import ReviewFacts, percent, review_summary
from documents.spreadsheet import Sheet, to_xlsx
from documents.statistical_forms import FormHeader, GivenAward, LaunchedPlan, form_0601, form_0603, reporting_year
from tests.documents.reading import pdf_text

FORM = "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh"


def decided(on: date = date(2022, 1, 10), authority: str = "province_federation_executive") -> Decided:
    return Decided("1/QĐ-LĐLĐ", on, "Về việc tặng Bằng khen", "Nguyễn Thị Hoa", authority,
                   "Liên đoàn Lao động tỉnh Tây Ninh", "",
                   ("Kế hoạch số 90/KH-LĐLĐ ngày 30/09/2021 của LĐLĐ huyện Gò Dầu",),
                   ("LĐLĐ huyện Gò Dầu",), ())


RECIPIENTS = [Awarded("CĐCS Công ty TNHH Giày Da Mỹ Phong", "collective", "LĐLĐ huyện Gò Dầu", FORM),
              Awarded("Trần Văn Bình", "individual", "CĐCS Công ty TNHH Giày Da Mỹ Phong", FORM,
                      date(2022, 6, 1), "Hồ sơ không trung thực")]


def test_a_decision_counts_collectives_and_individuals_and_lists_them_on_its_own_page():
    pdf = render_pdf(award_decision(decided(), RECIPIENTS))
    pages = [" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(BytesIO(pdf)).pages]
    assert "cho 01 tập thể và 01 cá nhân" in pages[0] and "DANH SÁCH" not in pages[0]
    assert "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG" in pages[-1] and "II. CÁ NHÂN (1)" in pages[-1]
    assert "Trần Văn Bình" in pages[-1] and "Đã thu hồi ngày 01/06/2022" in pages[-1]
    document = docx.Document(BytesIO(render_docx(award_decision(decided(), RECIPIENTS))))
    assert any("Điều 3." in p.text for p in document.paragraphs)


def test_the_legal_bases_follow_the_law_in_force_on_the_decisions_day():
    assert "91/2017/NĐ-CP" in " ".join(legal_bases("province_chairman", date(2023, 12, 31)))
    assert "98/2023/NĐ-CP" in " ".join(legal_bases("province_chairman", date(2024, 1, 1)))
    in_2025 = " ".join(legal_bases("province_chairman", date(2025, 7, 1)))
    assert "152/2025/NĐ-CP" in in_2025 and "06/2022/QH15" in in_2025 and "Điều lệ Công đoàn" not in in_2025
    assert legal_bases("province_federation_executive", date(2025, 7, 1))[0] == "Căn cứ Điều lệ Công đoàn Việt Nam;"


def test_a_revocation_cites_the_decision_and_leaves_its_own_number_for_the_register():
    text = pdf_text(render_pdf(revocation_decision(decided(), RECIPIENTS[1:])))
    assert "Số: ……/QĐ-LĐLĐ" in text and "thu hồi khen thưởng tại Quyết định số 1/QĐ-LĐLĐ" in text
    assert "Điều 1. Thu hồi khen thưởng của 01 cá nhân" in text and "ngày 01 tháng 06 năm 2022" in text


def test_a_certificate_is_landscape_and_says_when_it_was_revoked():
    c = certificate(decided(), RECIPIENTS[1], campaign="90 ngày nước rút", place="Tây Ninh")
    assert (c.title, c.unit) == ("BẰNG KHEN", "Đơn vị: CĐCS Công ty TNHH Giày Da Mỹ Phong")
    pdf = certificate_pdf(c)
    page = pypdf.PdfReader(BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    text = pdf_text(pdf)
    assert "“90 ngày nước rút”" in text and "Đã thu hồi ngày 01/06/2022 (Hồ sơ không trung thực)" in text
    section = docx.Document(BytesIO(certificate_docx(c))).sections[0]
    assert section.page_width > section.page_height
    assert certificate_title("Giấy khen của Giám đốc Sở") == "GIẤY KHEN"


def test_places_come_from_the_bodys_name():
    assert place_of("Liên đoàn Lao động tỉnh Tây Ninh") == "Tây Ninh"
    assert place_of("LĐLĐ huyện Gò Dầu") == "Gò Dầu"
    assert place_of("Công đoàn Giáo dục Việt Nam") == ""


def metrics(**figures) -> dict:
    base = dict.fromkeys(("units_in_scope", "enterprise_units", "units_registered", "registrations_late",
                          "targets_registered", "targets_met", "initiatives_registered", "work_items_registered",
                          "initiatives", "work_items_completed", "members_supported", "funds_mobilised",
                          "reports_due", "reports_on_time", "reports_late", "reports_missing"), 0)
    return base | {"models_by_type": {}, "awards_by_form": {}} | figures


def test_the_review_report_gives_the_figures_and_leaves_out_names_when_told():
    rollup = {"metrics": metrics(units_in_scope=4, units_registered=3, targets_registered=8, targets_met=6,
                                 awards_by_form={"bk": 2}),
              "children": [{"name": "LĐLĐ huyện Gò Dầu", "metrics": metrics(units_in_scope=4, units_registered=3,
                                                                            awards_by_form={"bk": 2})}]}
    facts = ReviewFacts("interim", "90 ngày nước rút", "Kế hoạch số 90/KH-LĐLĐ", "LĐLĐ tỉnh Tây Ninh", "",
                        date(2021, 11, 30), "Tây Ninh")
    text = pdf_text(render_pdf(review_summary(facts, rollup, {"bk": FORM}, None)))
    assert "Sơ kết phong trào thi đua 90 ngày nước rút" in text and "3 đơn vị đã đăng ký thi đua, đạt 75%" in text
    assert "6/8 chỉ tiêu đạt và vượt (75%)" in text and f"{FORM}: 2" in text and "Đôn đốc 1 đơn vị" in text
    assert "do đơn vị quản lý lưu giữ" in text
    assert (percent(1, 3), percent(0, 0)) == ("33,3%", "0%")


def header() -> FormHeader:
    return FormHeader("LĐLĐ tỉnh Tây Ninh", "Bộ Nội vụ", 2022, date(2022, 11, 30))


def rows_by_code(sheet: Sheet) -> dict[str, tuple]:
    return {r[1]: r for r in sheet.rows if len(r) > 1 and str(r[1]).isdigit()}


def test_form_0601_splits_the_campaigns_by_launcher_duration_and_method():
    plans = [LaunchedPlan(True, "regular", date(2022, 1, 1), date(2022, 12, 31)),
             LaunchedPlan(False, "sprint", date(2021, 12, 1), date(2022, 2, 28)),
             LaunchedPlan(False, "thematic", date(2022, 3, 1), date(2026, 3, 1)),
             LaunchedPlan(False, "thematic", date(2022, 3, 1), None)]
    rows = rows_by_code(form_0601(plans, header()))
    assert rows["01"][2:] == (4, 0, 1, 3) and rows["03"][2:] == (1, None, 1, None)
    assert rows["05"][2:] == (3, None, None, 3)
    assert [rows[c][2] for c in ("06", "07", "08", "09", "10")] == [1, 1, 0, 1, 0]  # the open-ended one in none
    assert (rows["11"][2], rows["12"][2]) == (3, 1)


def test_form_0603_counts_province_level_awards_by_subject_and_leaves_unrecorded_rows_blank():
    awards = [GivenAward(FORM, "collective", True, "sprint"), GivenAward(FORM, "individual", False, "regular"),
              GivenAward("Cờ thi đua của Liên đoàn Lao động tỉnh", "collective", False, "regular"),
              GivenAward("Giấy khen của Giám đốc Sở", "collective", False, "regular"),
              GivenAward("Huân chương Lao động hạng Ba", "individual", False, "regular")]
    rows = rows_by_code(form_0603(awards, header()))
    assert rows["01"][3:] == (3, 2, 0, 1, 0) and rows["03"][3:5] == (1, 1) and rows["05"][3] == 1
    assert rows["06"][3] is None and rows["13"][3] is None and (rows["11"][3], rows["12"][3]) == (2, 1)
    assert reporting_year(2022) == (date(2021, 12, 1), date(2022, 11, 30))


def test_the_streamed_xlsx_reads_back_as_written():
    sheet = Sheet("Tổng hợp <đơn vị> & \"mã\"", ("Tên", "Số", "Ngày", "Có", "Tỷ lệ"),
                  [("A & B <C>\x00 ", 12, date(2021, 10, 5), True, 0.25), ("", None, None, False, math.nan)],
                  (20, 8, 12, 6, 8), preamble=(("Biểu số: 0601",),))
    book = openpyxl.load_workbook(BytesIO(to_xlsx(sheet)))
    ws = book.active
    assert ws.title == "Tổng hợp <đơn vị> & \"mã\"" and ws.freeze_panes == "A3"
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Biểu số: 0601" and rows[1] == ("Tên", "Số", "Ngày", "Có", "Tỷ lệ") and ws["A2"].font.b
    assert rows[2][:2] == ("A & B <C> ", 12) and rows[2][2].date() == date(2021, 10, 5) and rows[2][3:] == ("có", 0.25)
    assert rows[3] == (None, None, None, "không", "nan")
