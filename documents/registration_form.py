"""The registration form (BẢNG ĐĂNG KÝ, the form seed 001 attaches) filled from a unit's
registration: its targets, work items and initiatives, addressed to the plan's issuer."""

from __future__ import annotations

from documents.model import Heading, Letterhead, OfficialDocument, Paragraph, Signature, Table, number_text
from domain.plan import Plan
from domain.registration import Registration


def registration_form(registration: Registration, plan: Plan, *, unit: str, unit_parent: str,
                      plan_issuer: str) -> OfficialDocument:
    """`unit`, `unit_parent`: the registering unit's name and the one above it; `plan_issuer`:
    the unit that issued the plan (the form is sent to its standing committee)."""
    cited = f"Kế hoạch số {plan.number}" if plan.number else "Kế hoạch"
    phase = f" {registration.phase}" if registration.phase else ""
    blocks = [
        Paragraph(f"Căn cứ {cited} của {plan_issuer} về phát động phong trào thi đua {plan.theme}, "
                  f"{unit} đăng ký thi đua{phase} như sau:"),
        Heading("1. Các chỉ tiêu"),
        Table(("STT", "Chỉ tiêu", "Đăng ký", "Đơn vị tính"),
              tuple((str(n), t.indicator, number_text(t.amount), t.unit)
                    for n, t in enumerate(registration.targets, 1)), (1, 7, 2, 2)),
        *_listed("2. Công trình, sản phẩm, phần việc, việc làm hữu ích", registration.work_items),
        *_listed("3. Sáng kiến, giải pháp", registration.initiatives),
        Paragraph(f"Ngày đăng ký: {registration.registered_on:%d/%m/%Y}"
                  + (" (quá hạn đăng ký)." if registration.late else "."), italic=True),
    ]
    return OfficialDocument(
        letterhead=Letterhead(issuer=unit, parent=unit_parent, day=registration.registered_on),
        kind="BẢNG ĐĂNG KÝ", summary=f"PHONG TRÀO THI ĐUA {plan.theme.upper()}",
        addressee=f"Ban Thường vụ {plan_issuer}.", blocks=tuple(blocks),
        signature=Signature(("TM. BAN CHẤP HÀNH",), note="(Ký tên, đóng dấu)"),
        title=f"Bảng đăng ký thi đua — {unit}")


def _listed(heading: str, items: list[str]) -> list:
    if not items:
        return []
    return [Heading(heading), *(Paragraph(f"- {item}") for item in items)]
