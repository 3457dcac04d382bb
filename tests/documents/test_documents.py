"""Official documents read back as their readers would: the PDF's text (pypdf), the DOCX's
paragraphs (python-docx), a PDF page rendered to PNG (pdftoppm) for a person to look at."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path
from uuid import uuid4

import docx
import pytest

from documents.achievement_report import achievement_report
from documents.model import number_text, signature_lines
from documents.plan_document import plan_document
from documents.registration_form import registration_form
from documents.render_docx import render_docx
from documents.render_pdf import render_pdf
from documents.submission_memo import Proposed, submission_memo
from domain.plan import Plan
from domain.registration import Target, register
from seeds import seed_001
from tests.documents.reading import pdf_text

ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "artifacts"


def seed_001_plan() -> Plan:
    plan = Plan.draft(**seed_001.draft_args("tay-ninh", uuid4()))
    plan.issue("90/KH-LĐLĐ", date(2021, 9, 30), "Nguyễn Văn An", "TM. Ban Thường vụ – Phó Chủ tịch")
    plan.launch(date(2021, 10, 1))
    return plan


def plan_doc():
    return plan_document(seed_001_plan(), issuer="Liên đoàn Lao động huyện Gò Dầu",
                         parent="Liên đoàn Lao động tỉnh Tây Ninh")



def docx_text(data: bytes) -> str:
    document = docx.Document(BytesIO(data))
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


PLAN_PHRASES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "LIÊN ĐOÀN LAO ĐỘNG HUYỆN GÒ DẦU",
    "Số: 90/KH-LĐLĐ", "ngày 30 tháng 09 năm 2021", "KẾ HOẠCH",
    "Thực hiện Kế hoạch số 265/KH-LĐLĐ ngày 28/09/2021 của Ban Thường vụ Liên đoàn Lao động tỉnh Tây Ninh",
    "Căn cứ Kế hoạch số 152/KH-UBND ngày 10/09/2021 của Ủy ban nhân dân huyện",
    "Từ ngày 01/10/2021 đến ngày 31/12/2021", "12/10/2021", "29/12/2021",
    "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "tối đa 4", "Báo cáo thành tích", "làm 2 bản",
    "Nơi nhận:", "TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Nguyễn Văn An",
]


def test_the_plan_as_pdf_reads_back_with_its_diacritics_numbers_and_signature_block():
    text = pdf_text(render_pdf(plan_doc()))
    missing = [phrase for phrase in PLAN_PHRASES if phrase not in text]
    assert missing == []


def test_the_plan_as_docx_holds_the_same_text():
    text = " ".join(docx_text(render_docx(plan_doc())).split())
    missing = [phrase for phrase in PLAN_PHRASES if phrase not in text]
    assert missing == []


def test_the_registration_form_lists_the_targets_work_items_and_initiatives():
    plan = seed_001_plan()
    registration = register(plan, uuid4(), True, seed_001.PHASE,
                            [Target("Đoàn viên được hỗ trợ", 1200, "người"), Target("Quỹ vận động", 25000000, "đồng")],
                            ["Bếp ăn nghĩa tình"], ["Cải tiến dây chuyền đóng gói"], on=date(2021, 10, 5))
    form = registration_form(registration, plan, unit="CĐCS Công ty TNHH Sài Gòn Food",
                             unit_parent="Liên đoàn Lao động huyện Gò Dầu", plan_issuer="Liên đoàn Lao động huyện Gò Dầu")
    for text in (pdf_text(render_pdf(form)), " ".join(docx_text(render_docx(form)).split())):
        for phrase in ("BẢNG ĐĂNG KÝ", "Kính gửi: Ban Thường vụ Liên đoàn Lao động huyện Gò Dầu",
                       "CĐCS CÔNG TY TNHH SÀI GÒN FOOD", "Đoàn viên được hỗ trợ", "1.200", "25.000.000",
                       "Bếp ăn nghĩa tình", "Cải tiến dây chuyền đóng gói", "05/10/2021", "TM. BAN CHẤP HÀNH"):
            assert phrase in text, phrase


def test_capacities_and_amounts_are_written_the_vietnamese_way():
    assert signature_lines("TM. Ban Thường vụ – Phó Chủ tịch") == ("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH")
    assert signature_lines("TM. Đoàn Chủ tịch") == ("TM. ĐOÀN CHỦ TỊCH",)
    assert number_text(25000000) == "25.000.000" and number_text(__import__("decimal").Decimal("1234.5")) == "1.234,5"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is installed by .ci/run")
def test_the_plan_renders_to_a_page_image_kept_for_a_person_to_look_at():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / "plan-seed-001.pdf"
    pdf.write_bytes(render_pdf(plan_doc()))
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", str(pdf), str(ARTIFACTS / "plan-seed-001")],
                   check=True)
    page = ARTIFACTS / "plan-seed-001-1.png"
    assert page.stat().st_size > 20_000  # a page of text, not a blank one


def test_the_achievement_report_sets_results_against_the_registered_targets():
    plan = seed_001_plan()
    registration = register(plan, uuid4(), True, seed_001.PHASE,
                            [Target("Sáng kiến", 3, "sáng kiến"), Target("Đoàn viên được hỗ trợ", 1200, "người")],
                            [], [], on=date(2021, 10, 5))
    registration.record_result("Sáng kiến", 4, date(2021, 12, 20))
    report = achievement_report(registration, plan, unit="CĐCS Công ty CP Cao su Tây Ninh",
                                unit_parent="Liên đoàn Lao động huyện Gò Dầu", enterprise=True)
    text = pdf_text(render_pdf(report))
    for phrase in ("BÁO CÁO THÀNH TÍCH TẬP THỂ", "ĐỀ NGHỊ KHEN THƯỞNG PHONG TRÀO THI ĐUA 90 NGÀY NƯỚC RÚT",
                   "công đoàn cơ sở doanh nghiệp", "đúng thời hạn", "Vượt mức", "Chưa báo cáo",
                   "THỦ TRƯỞNG ĐƠN VỊ", "TM. BAN CHẤP HÀNH", "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"):
        assert phrase in text, phrase
    assert "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG" in docx_text(render_docx(report))


def test_the_submission_memo_lists_each_nominee_with_its_award_form():
    plan = seed_001_plan()
    proposed = [Proposed("CĐCS Công ty TNHH Giày Da Mỹ Phong", "collective", "bk_bch_ldld_tinh", True),
                Proposed("CĐCS Trường THCS Thanh Phước", "collective", "bk_ct_ubnd_tinh")]
    memo = submission_memo(plan, proposed, proposer="Liên đoàn Lao động huyện Gò Dầu",
                           proposer_parent="Liên đoàn Lao động tỉnh Tây Ninh",
                           addressee="Ban Thường vụ Liên đoàn Lao động tỉnh Tây Ninh.", on=date(2021, 12, 20))
    text = pdf_text(render_pdf(memo))
    for phrase in ("TỜ TRÌNH", "Số: ……/TTr", "ngày 20 tháng 12 năm 2021",
                   "Kính gửi: Ban Thường vụ Liên đoàn Lao động tỉnh Tây Ninh", "cho 2 tập thể, cá nhân",
                   "CĐCS Công ty TNHH Giày Da Mỹ Phong (doanh nghiệp)",
                   "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"):
        assert phrase in text, phrase
