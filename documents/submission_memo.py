"""The submission memo (TỜ TRÌNH đề nghị khen thưởng) a proposing unit sends with its
nominations: who is proposed, for which award form, on which plan."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from documents.model import Letterhead, OfficialDocument, Paragraph, Signature, Table
from domain.plan import Plan

SUBJECT_WORDS = {"collective": "Tập thể", "individual": "Cá nhân"}


@dataclass(frozen=True)
class Proposed:
    name: str
    kind: str
    award_form: str
    enterprise: bool = False


def submission_memo(plan: Plan, proposed: Sequence[Proposed], *, proposer: str, proposer_parent: str,
                    addressee: str, on: date | None) -> OfficialDocument:
    """`proposed`: the nominations submitted, in the order the memo lists them."""
    forms = {f.code: f.name for f in plan.award_forms}
    cited = f"Kế hoạch số {plan.number}" if plan.number else "Kế hoạch"
    rows = tuple((str(n), p.name + (" (doanh nghiệp)" if p.enterprise else ""), SUBJECT_WORDS.get(p.kind, p.kind),
                  forms.get(p.award_form, p.award_form)) for n, p in enumerate(proposed, 1))
    blocks = (
        Paragraph(f"Căn cứ {cited} về phát động phong trào thi đua {plan.theme};"),
        Paragraph(f"Căn cứ kết quả bình xét, {proposer} kính trình xét, đề nghị khen thưởng cho "
                  f"{len(proposed)} tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua, cụ thể:"),
        Table(("STT", "Tên tập thể, cá nhân", "Đối tượng", "Hình thức khen thưởng"), rows, (1, 7, 2, 5)),
        Paragraph(f"(Kèm theo hồ sơ đề nghị khen thưởng của {len(proposed)} tập thể, cá nhân.)", italic=True),
        Paragraph("Kính trình xem xét, quyết định./."),
    )
    return OfficialDocument(
        letterhead=Letterhead(issuer=proposer, parent=proposer_parent, day=on),
        kind="TỜ TRÌNH", symbol="TTr", summary="Về việc đề nghị khen thưởng phong trào thi đua",
        addressee=addressee, blocks=blocks, recipients=("Như trên;", "Lưu: VP."),
        signature=Signature(("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH")), title=f"Tờ trình — {proposer}")
