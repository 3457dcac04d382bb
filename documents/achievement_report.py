"""The collective achievement report (BÁO CÁO THÀNH TÍCH TẬP THỂ, the template of seed 001)
from a registration's targets and the results recorded against them; two copies go into the
nomination's dossier."""

from __future__ import annotations

from documents.model import Heading, Letterhead, OfficialDocument, Paragraph, Signature, Table, number_text
from domain.plan import Plan
from domain.registration import Registration

OUTCOME_WORDS = {"exceeded": "Vượt mức", "met": "Đạt", "not_met": "Chưa đạt", "unreported": "Chưa báo cáo"}


def achievement_report(registration: Registration, plan: Plan, *, unit: str, unit_parent: str,
                       enterprise: bool) -> OfficialDocument:
    kind = "công đoàn cơ sở doanh nghiệp" if enterprise else "công đoàn cơ sở"
    rows = tuple((str(n), t.indicator, number_text(t.amount),
                  number_text(registration.results[t.indicator]) if t.indicator in registration.results else "",
                  t.unit, OUTCOME_WORDS[registration.outcome(t)])
                 for n, t in enumerate(registration.targets, 1))
    blocks = [
        Heading("I. THÔNG TIN CHUNG"),
        Paragraph(f"Tên đơn vị: {unit} ({kind}), trực thuộc {unit_parent or '……'}."),
        Paragraph(f"Đăng ký thi đua ngày {registration.registered_on:%d/%m/%Y}"
                  + (" (quá hạn)." if registration.late else ", đúng thời hạn.")),
        Heading("II. THÀNH TÍCH ĐẠT ĐƯỢC"),
        Paragraph("1. Kết quả thực hiện các chỉ tiêu đã đăng ký:"),
        Table(("STT", "Chỉ tiêu", "Đăng ký", "Đạt được", "Đơn vị tính", "Kết quả"), rows, (1, 6, 2, 2, 2, 2)),
    ]
    if registration.work_items:
        blocks += [Paragraph("2. Công trình, sản phẩm, phần việc, việc làm hữu ích đã thực hiện:"),
                   *(Paragraph(f"- {item}") for item in registration.work_items)]
    if registration.initiatives:
        blocks += [Paragraph("3. Sáng kiến, giải pháp:"), *(Paragraph(f"- {item}") for item in registration.initiatives)]
    return OfficialDocument(
        letterhead=Letterhead(issuer=unit, parent=unit_parent),
        kind="BÁO CÁO THÀNH TÍCH TẬP THỂ",
        summary=f"ĐỀ NGHỊ KHEN THƯỞNG PHONG TRÀO THI ĐUA {plan.theme.upper()}",
        blocks=tuple(blocks), signature=Signature(("TM. BAN CHẤP HÀNH",), note="(Ký tên, đóng dấu)"),
        countersignature=Signature(("XÁC NHẬN", "THỦ TRƯỞNG ĐƠN VỊ", "HOẶC GIÁM ĐỐC DOANH NGHIỆP"),
                                   note="(Ký tên, đóng dấu)"),
        endorsement=Signature(("XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG",), note="(Ký tên, đóng dấu)"),
        title=f"Báo cáo thành tích — {unit}")
