"""The interim and final review report (BÁO CÁO sơ kết / tổng kết phong trào thi đua) of a node
under a plan, as of a day: every figure comes from the rollup (registration, targets, reports,
by child unit) and the awards it counts; the names of awardees only for a tenant's own reader."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from documents.model import Heading, Letterhead, OfficialDocument, Paragraph, Signature, Table, day_text, number_text

STAGES = {"interim": "SƠ KẾT", "final": "TỔNG KẾT"}


@dataclass(frozen=True)
class AwardLine:
    name: str
    award_form: str
    decision: str
    revoked: bool = False


@dataclass(frozen=True)
class ReviewFacts:
    stage: str
    """interim | final"""
    theme: str
    plan_cited: str
    node: str
    node_parent: str
    as_of: date
    place: str = ""


def review_summary(f: ReviewFacts, rollup: Mapping[str, Any], form_names: Mapping[str, str],
                   awards: Sequence[AwardLine] | None) -> OfficialDocument:
    """`awards`: the awardees by name, or None when the reader may not see names (national)."""
    m = rollup["metrics"]
    blocks = [Paragraph(f"Thực hiện {f.plan_cited}, {f.node} báo cáo {STAGES[f.stage].lower()} phong trào thi đua "
                        f"tính đến ngày {day_text(f.as_of)} như sau:"),
              Heading("I. CÔNG TÁC TRIỂN KHAI, ĐĂNG KÝ THI ĐUA"), *_registration(m),
              Heading("II. KẾT QUẢ THỰC HIỆN"), *_results(m),
              Table(("Đơn vị", "Số đơn vị", "Đã đăng ký", "Tỷ lệ", "Chỉ tiêu đăng ký", "Chỉ tiêu đạt",
                     "Báo cáo đúng hạn / đến hạn", "Khen thưởng"),
                    tuple(_child_row(c["name"], c["metrics"]) for c in rollup["children"])
                    + (_child_row("Tổng cộng", m),), (6, 2, 2, 2, 2, 2, 3, 2)),
              Heading("III. CÔNG TÁC KHEN THƯỞNG"), *_awards(m, form_names, awards),
              Heading("IV. NHIỆM VỤ THỜI GIAN TỚI" if f.stage == "interim" else "IV. ĐÁNH GIÁ CHUNG"), *_next(f, m)]
    return OfficialDocument(
        letterhead=Letterhead(issuer=f.node, parent=f.node_parent, place=f.place, day=f.as_of),
        kind="BÁO CÁO", symbol="BC", summary=f"{STAGES[f.stage].capitalize()} phong trào thi đua {f.theme}",
        blocks=tuple(blocks), recipients=("Ban Thường vụ (để báo cáo);", "Các đơn vị trực thuộc;", "Lưu: VP."),
        signature=Signature(("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH")),
        title=f"Báo cáo {STAGES[f.stage].lower()} — {f.node}")


def percent(part: int, whole: int) -> str:
    if not whole:
        return "0%"
    share = round(100 * part / whole, 1)
    return f"{number_text(int(share) if share == int(share) else share)}%"


def _registration(m) -> list[Paragraph]:
    return [Paragraph(f"Toàn đơn vị có {number_text(m['units_in_scope'])} công đoàn cơ sở (trong đó "
                      f"{number_text(m['enterprise_units'])} công đoàn cơ sở doanh nghiệp); "
                      f"{number_text(m['units_registered'])} đơn vị đã đăng ký thi đua, đạt "
                      f"{percent(m['units_registered'], m['units_in_scope'])}; "
                      f"{number_text(m['registrations_late'])} bản đăng ký quá hạn."),
            Paragraph(f"Các đơn vị đăng ký {number_text(m['targets_registered'])} chỉ tiêu, "
                      f"{number_text(m['initiatives_registered'])} sáng kiến và "
                      f"{number_text(m['work_items_registered'])} công trình, phần việc.")]


def _results(m) -> list[Paragraph]:
    lines = [Paragraph(f"{number_text(m['targets_met'])}/{number_text(m['targets_registered'])} chỉ tiêu đạt và vượt "
                       f"({percent(m['targets_met'], m['targets_registered'])}); {number_text(m['initiatives'])} sáng "
                       f"kiến, {number_text(m['work_items_completed'])} công trình, phần việc hoàn thành; hỗ trợ "
                       f"{number_text(m['members_supported'])} đoàn viên; vận động "
                       f"{number_text(int(m['funds_mobilised']))} đồng."),
             Paragraph(f"Chế độ báo cáo: {number_text(m['reports_due'])} kỳ báo cáo đến hạn; "
                       f"{number_text(m['reports_on_time'])} đúng hạn "
                       f"({percent(m['reports_on_time'], m['reports_due'])}), {number_text(m['reports_late'])} muộn, "
                       f"{number_text(m['reports_missing'])} chưa nộp.")]
    if m["models_by_type"]:
        lines.append(Paragraph("Mô hình: " + "; ".join(f"“{k}”: {v}" for k, v in sorted(m["models_by_type"].items()))
                               + "."))
    return lines


def _child_row(name: str, m) -> tuple[str, ...]:
    return (name, number_text(m["units_in_scope"]), number_text(m["units_registered"]),
            percent(m["units_registered"], m["units_in_scope"]), number_text(m["targets_registered"]),
            number_text(m["targets_met"]), f"{number_text(m['reports_on_time'])}/{number_text(m['reports_due'])}",
            number_text(sum(m["awards_by_form"].values())))


def _awards(m, form_names: Mapping[str, str], awards: Sequence[AwardLine] | None) -> list:
    by_form = m["awards_by_form"]
    if not by_form:
        return [Paragraph("Chưa có tập thể, cá nhân được khen thưởng.")]
    blocks: list = [Paragraph(f"Đã khen thưởng {number_text(sum(by_form.values()))} tập thể, cá nhân:"),
                    *(Paragraph(f"- {form_names.get(code, code)}: {number_text(n)}.")
                      for code, n in sorted(by_form.items()))]
    if awards is None:
        blocks.append(Paragraph("(Danh sách tập thể, cá nhân được khen thưởng do đơn vị quản lý lưu giữ.)", italic=True))
    elif awards:
        blocks.append(Table(("STT", "Tập thể, cá nhân", "Hình thức khen thưởng", "Quyết định"),
                            tuple((str(n), a.name + (" (đã thu hồi)" if a.revoked else ""), a.award_form, a.decision)
                                  for n, a in enumerate(awards, 1)), (1, 6, 5, 4)))
    return blocks


def _next(f: ReviewFacts, m) -> list[Paragraph]:
    unregistered = max(m["units_in_scope"] - m["units_registered"], 0)
    if f.stage == "final":
        return [Paragraph(f"Phong trào thi đua đã thu hút {number_text(m['units_registered'])}/"
                          f"{number_text(m['units_in_scope'])} đơn vị tham gia; "
                          f"{percent(m['targets_met'], m['targets_registered'])} chỉ tiêu đăng ký đạt và vượt.")]
    return [Paragraph(f"Đôn đốc {number_text(unregistered)} đơn vị chưa đăng ký thi đua; nhắc "
                      f"{number_text(m['reports_missing'])} kỳ báo cáo chưa nộp."),
            Paragraph("Tiếp tục theo dõi kết quả thực hiện chỉ tiêu, phát hiện, bồi dưỡng điển hình tiên tiến để "
                      "đề nghị khen thưởng khi tổng kết.")]
