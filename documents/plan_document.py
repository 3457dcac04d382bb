"""The plan (KẾ HOẠCH phát động phong trào thi đua) as an official document, from its data:
the parent plans it implements or is based on, the content, the time, who may be awarded and
with what, the standards and quotas, the dossier, the reporting days."""

from __future__ import annotations

from documents.model import (
    Heading,
    Letterhead,
    OfficialDocument,
    Paragraph,
    Signature,
    Table,
    day_text,
    signature_lines,
)
from domain.plan import Plan

RELATION_WORDS = {"implements": "Thực hiện", "based_on": "Căn cứ", "responds_to": "Hưởng ứng",
                  "combined_with": "Gắn với"}
SUBJECT_WORDS = {"collective": "tập thể", "individual": "cá nhân"}
DOSSIER_WORDS = {"submission_memo": "Tờ trình đề nghị khen thưởng của cấp trình khen thưởng",
                 "review_minutes": "Biên bản họp xét khen thưởng",
                 "achievement_report": "Báo cáo thành tích của tập thể, cá nhân đề nghị khen thưởng",
                 "endorsement": "Xác nhận của cấp có thẩm quyền"}
# Seed 001, III.3, in the plan's own words.
STANDARD_WORDS = {
    "registered": "Tham gia đăng ký hưởng ứng phong trào thi đua với các chỉ tiêu, công trình, sản phẩm, "
                  "việc làm hữu ích và thời gian cụ thể",
    "registered_on_time": "Đăng ký thi đua đúng thời hạn",
    "exceeded_targets": "Hoàn thành vượt mức chỉ tiêu, kế hoạch đăng ký thi đua với năng suất, chất lượng hiệu quả cao",
    "reported_on_time": "Báo cáo kết quả sau khi hoàn thành, kết thúc nhiệm vụ, kế hoạch đúng thời gian quy định",
}


def plan_document(plan: Plan, *, issuer: str, parent: str = "") -> OfficialDocument:
    """`issuer`: the issuing unit's name, `parent`: the unit above it (on the issue date)."""
    blocks = [*_preamble(plan), *_content(plan), *_time(plan), *_awards(plan), *_dossier(plan), *_reports(plan)]
    return OfficialDocument(
        letterhead=Letterhead(issuer=issuer, parent=parent, number=plan.number, day=plan.issued_on),
        kind="KẾ HOẠCH", symbol="KH", summary=f"Phát động phong trào thi đua {plan.theme}",
        blocks=tuple(blocks), recipients=("Các đơn vị trực thuộc;", "Lưu: VP."),
        signature=Signature(signature_lines(plan.capacity), plan.signer), title=f"Kế hoạch {plan.number}".strip())


def _preamble(plan: Plan) -> list[Paragraph]:
    lines = []
    for link in plan.parent_links:
        by = f" của {link.issuer}" if link.issuer else ""
        if link.number or link.issued_on:
            cited = "Kế hoạch" + (f" số {link.number}" if link.number else "")
            cited += f" ngày {day_text(link.issued_on)}" if link.issued_on else ""
            cited += f"{by} về {link.title}" if link.title else by
        else:  # a campaign cited by its name ("hưởng ứng phong trào thi đua ... do TLĐ phát động")
            cited = f"phong trào thi đua “{link.title}”{by}" if link.title else f"kế hoạch{by}"
        lines.append(Paragraph(f"{RELATION_WORDS.get(link.relation, 'Căn cứ')} {cited};"))
    if plan.slogan:
        lines.append(Paragraph(f"Khẩu hiệu: “{plan.slogan}”.", italic=True))
    return lines


def _content(plan: Plan) -> list:
    blocks: list = [Heading("I. NỘI DUNG THI ĐUA")]
    blocks += [Paragraph(f"{n}. {item}") for n, item in enumerate(plan.content_items, 1)]
    if plan.models:
        blocks.append(Paragraph("Phát huy các mô hình: " + ", ".join(f"“{m}”" for m in plan.models) + "."))
    return blocks


def _time(plan: Plan) -> list:
    period = plan.period
    blocks: list = [Heading("II. THỜI GIAN THỰC HIỆN")]
    if period.end:
        blocks.append(Paragraph(f"Từ ngày {day_text(period.start)} đến ngày {day_text(period.end)}."))
    else:
        until = f" đến khi {period.end_condition}" if period.end_condition else ""
        blocks.append(Paragraph(f"Từ ngày {day_text(period.start)}{until}."))
    rows = tuple((p.name, day_text(p.start), day_text(p.end),
                  day_text(p.registration_deadline.on) if p.registration_deadline else "",
                  day_text(p.dossier_deadline.on) if p.dossier_deadline else "") for p in plan.phases)
    if rows:
        blocks.append(Table(("Đợt", "Từ ngày", "Đến ngày", "Hạn đăng ký", "Hạn gửi hồ sơ"), rows, (4, 2, 2, 2, 2)))
    return blocks


def _awards(plan: Plan) -> list:
    subjects = ", ".join(SUBJECT_WORDS.get(s, s) for s in plan.eligible_subjects)
    blocks: list = [Heading("III. ĐỐI TƯỢNG, HÌNH THỨC, TIÊU CHUẨN, SỐ LƯỢNG KHEN THƯỞNG"),
                    Paragraph(f"1. Đối tượng: {subjects}.")]
    blocks.append(Paragraph("2. Hình thức khen thưởng:"))
    blocks += [Paragraph(f"- {form.name}.") for form in plan.award_forms]
    if plan.standards:
        blocks.append(Paragraph("3. Tiêu chuẩn:"))
        blocks += [Paragraph(f"- {STANDARD_WORDS.get(s, s)}.") for s in plan.standards]
    quotas = [q for q in plan.quota_rules if q.max_count is not None or q.max_percent is not None]
    if quotas:
        blocks.append(Paragraph("4. Số lượng:"))
        blocks += [Paragraph(f"- {_quota_text(plan, q)}") for q in quotas]
    return blocks


def _quota_text(plan: Plan, rule) -> str:
    forms = ", ".join(f.name for f in plan.award_forms if f.quota_pool == rule.pool) or "Khen thưởng"
    limit = f"tối đa {rule.max_count}" if rule.max_count is not None else f"{rule.max_percent}% số tập thể đăng ký"
    priority = " (ưu tiên công đoàn cơ sở doanh nghiệp)" if rule.priority == "enterprise_grassroots" else ""
    return f"{forms}: {limit}{priority}."


def _dossier(plan: Plan) -> list:
    if not plan.dossier:
        return []
    blocks: list = [Heading("IV. HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG")]
    for n, item in enumerate(plan.dossier, 1):
        copies = f" (làm {item.copies} bản)" if item.copies > 1 else ""
        blocks.append(Paragraph(f"{n}. {DOSSIER_WORDS.get(item.kind, item.kind)}{copies}."))
    deadlines = [p.dossier_deadline.on for p in plan.phases if p.dossier_deadline]
    if deadlines:
        blocks.append(Paragraph(f"Thời gian gửi hồ sơ: chậm nhất ngày {day_text(max(deadlines))}."))
    return blocks


def _reports(plan: Plan) -> list:
    schedule = plan.report_schedule
    if not schedule.days_of_month:
        return []
    days = ", ".join(f"{d:02d}" for d in schedule.days_of_month)
    to = f" về {schedule.recipient}" if schedule.recipient else ""
    return [Heading("V. CHẾ ĐỘ BÁO CÁO"), Paragraph(f"Báo cáo nhanh{to} vào các ngày {days} hằng tháng.")]
