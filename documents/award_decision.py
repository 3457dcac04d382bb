"""The award decision (QUYẾT ĐỊNH khen thưởng) with its attached list of recipients, and the
decision revoking awards it gave (QUYẾT ĐỊNH thu hồi), which cites it by number and date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from documents.decision_words import enacting_line, enacting_words, legal_bases, signature_for
from documents.model import Heading, Letterhead, OfficialDocument, Paragraph, Signature, Table, day_text
from documents.names import place_of

SUBJECT_WORDS = {"collective": "tập thể", "individual": "cá nhân"}


@dataclass(frozen=True)
class Awarded:
    name: str
    kind: str
    """collective | individual"""
    unit: str
    """The unit it belongs to: the one above a collective, an individual's proposing unit."""
    award_form: str
    """The form's name ("Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh")."""
    revoked_on: date | None = None
    revoked_reason: str = ""


@dataclass(frozen=True)
class Decided:
    """The decision's own facts, with names resolved for its day."""
    number: str
    decided_on: date
    title: str
    signer: str
    authority: str
    issuer: str
    issuer_parent: str
    plans: tuple[str, ...]
    """Each plan cited: "Kế hoạch số 90/KH-LĐLĐ ngày 30/09/2021 của … về phát động phong trào thi đua …"."""
    proposers: tuple[str, ...]
    bonuses: tuple[str, ...]
    """One line per award form with a bonus in the rulebook on the day."""


def award_decision(d: Decided, recipients: Sequence[Awarded]) -> OfficialDocument:
    forms = sorted({r.award_form for r in recipients})
    bases = [*legal_bases(d.authority, d.decided_on), *(f"Căn cứ {plan};" for plan in d.plans)]
    if d.proposers:
        bases.append(f"Xét đề nghị của {', '.join(d.proposers)},")
    blocks = (Heading(enacting_line(d.authority, d.issuer), centred=True),
              *(Paragraph(b, italic=True) for b in bases),
              Heading("QUYẾT ĐỊNH:", centred=True),
              Paragraph(f"Điều 1. Tặng {' và '.join(forms)} cho {_count_words(recipients)} có tên trong danh sách "
                        "kèm theo, đã có thành tích xuất sắc trong phong trào thi đua."),
              Paragraph("Điều 2. " + (" ".join(d.bonuses) if d.bonuses else
                                      "Tiền thưởng kèm theo (nếu có) thực hiện theo quy định hiện hành, chi từ quỹ "
                                      f"thi đua, khen thưởng của {d.issuer}.")),
              Paragraph(f"Điều 3. Quyết định có hiệu lực kể từ ngày ký. Văn phòng {d.issuer}, "
                        + (f"{', '.join(d.proposers)} " if d.proposers else "các đơn vị có liên quan ")
                        + "và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."))
    return OfficialDocument(
        letterhead=Letterhead(issuer=d.issuer, parent=d.issuer_parent, number=d.number, place=place_of(d.issuer),
                              day=d.decided_on),
        kind="QUYẾT ĐỊNH", symbol="QĐ", summary=d.title or "Về việc khen thưởng", blocks=blocks,
        recipients=("Như Điều 3;", "Lưu: VP."), signature=Signature(signature_for(d.authority), d.signer),
        title=f"Quyết định {d.number}", annex=_annex(d, recipients))


def _count_words(recipients: Sequence[Awarded]) -> str:
    counts = [(sum(r.kind == kind for r in recipients), word) for kind, word in SUBJECT_WORDS.items()]
    return " và ".join(f"{n:02d} {word}" for n, word in counts if n)


def _annex(d: Decided, recipients: Sequence[Awarded]) -> tuple:
    blocks: list = [Heading("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", centred=True),
                    Paragraph(f"(Kèm theo Quyết định số {d.number} ngày {day_text(d.decided_on)} của "
                              f"{enacting_words(d.authority, d.issuer)})", indent=False, italic=True)]
    for numeral, (kind, word) in zip(("I", "II"), SUBJECT_WORDS.items()):
        listed = [r for r in recipients if r.kind == kind]
        if not listed:
            continue
        blocks.append(Heading(f"{numeral}. {word.upper()} ({len(listed)})"))
        blocks.append(Table(("STT", "Tên tập thể, cá nhân" if kind == "collective" else "Họ và tên",
                             "Đơn vị", "Hình thức khen thưởng", "Ghi chú"),
                            tuple((str(n), r.name, r.unit, r.award_form, _revoked(r)) for n, r in enumerate(listed, 1)),
                            (2, 6, 5, 5, 4)))
    revoked = sum(r.revoked_on is not None for r in recipients)
    if revoked:
        blocks.append(Paragraph(f"Ghi chú: khen thưởng của {revoked} tập thể, cá nhân trong danh sách đã bị thu hồi "
                                "(ngày và lý do ghi ở cột Ghi chú).", italic=True))
    return tuple(blocks)


def _revoked(r: Awarded) -> str:
    return f"Đã thu hồi ngày {day_text(r.revoked_on)}: {r.revoked_reason}" if r.revoked_on else ""


def revocation_decision(d: Decided, revoked: Sequence[Awarded]) -> OfficialDocument:
    """Thu hồi khen thưởng: cites the decision that gave the awards; the revocation has no
    number of its own in the register yet (a blank for the hand, as a draft has)."""
    last = max(r.revoked_on for r in revoked if r.revoked_on)
    cited = f"Quyết định số {d.number} ngày {day_text(d.decided_on)} của {enacting_words(d.authority, d.issuer)}"
    rows = tuple((str(n), r.name, r.award_form, day_text(r.revoked_on), r.revoked_reason)
                 for n, r in enumerate(revoked, 1))
    blocks = (Heading(enacting_line(d.authority, d.issuer), centred=True),
              *(Paragraph(b, italic=True) for b in legal_bases(d.authority, last)),
              Paragraph(f"Căn cứ {cited} {d.title[0].lower() + d.title[1:] if d.title else 'về việc khen thưởng'};",
                        italic=True),
              Heading("QUYẾT ĐỊNH:", centred=True),
              Paragraph(f"Điều 1. Thu hồi khen thưởng của {_count_words(revoked)} đã được tặng tại {cited}, cụ thể:"),
              Table(("STT", "Tập thể, cá nhân", "Hình thức khen thưởng", "Ngày thu hồi", "Lý do"), rows,
                    (2, 6, 5, 3, 5)),
              Paragraph("Điều 2. Các tập thể, cá nhân có tên tại Điều 1 hoàn trả hiện vật khen thưởng và tiền thưởng "
                        "đã nhận theo quy định."),
              Paragraph(f"Điều 3. Quyết định có hiệu lực kể từ ngày ký. Văn phòng {d.issuer} và các tập thể, cá nhân "
                        "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."))
    return OfficialDocument(
        letterhead=Letterhead(issuer=d.issuer, parent=d.issuer_parent, place=place_of(d.issuer), day=last),
        kind="QUYẾT ĐỊNH", symbol=d.number.partition("/")[2] or "QĐ",
        summary=f"Về việc thu hồi khen thưởng tại Quyết định số {d.number}",
        blocks=blocks, recipients=("Như Điều 3;", "Lưu: VP."), signature=Signature(signature_for(d.authority), d.signer),
        title=f"Thu hồi khen thưởng — Quyết định {d.number}")
