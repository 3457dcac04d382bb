"""The certificate (Bằng khen, Giấy khen) one recipient of a decision receives: the national
motto, who gives it, "TẶNG", the recipient and its unit, the achievement, the decision's number
and date, place and date, and the signature. Drawn landscape by render_certificate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from documents.award_decision import Awarded, Decided
from documents.decision_words import certifying_line, signature_for
from documents.model import day_text


@dataclass(frozen=True)
class Certificate:
    title: str
    """"BẰNG KHEN" / "GIẤY KHEN"."""
    giver: str
    recipient: str
    unit: str
    achievement: str
    decision_line: str
    place: str
    day: date
    signature: tuple[str, ...]
    signer: str
    revoked_line: str = ""
    """Printed across the foot when the award was revoked (a copy must not pass for valid)."""

    def place_and_date(self) -> str:
        return f"{self.place or '……'}, ngày {self.day.day:02d} tháng {self.day.month:02d} năm {self.day.year}"


def certificate(d: Decided, recipient: Awarded, *, campaign: str, place: str) -> Certificate:
    revoked = (f"Đã thu hồi ngày {day_text(recipient.revoked_on)} ({recipient.revoked_reason})"
               if recipient.revoked_on else "")
    if not recipient.unit:
        unit = ""
    else:
        unit = f"Đơn vị: {recipient.unit}" if recipient.kind == "individual" else f"Trực thuộc {recipient.unit}"
    return Certificate(
        title=certificate_title(recipient.award_form), giver=certifying_line(d.authority, d.issuer),
        recipient=recipient.name, unit=unit,
        achievement=f"Đã có thành tích xuất sắc trong phong trào thi đua {_quoted(campaign)}",
        decision_line=f"Quyết định số {d.number} ngày {day_text(d.decided_on)}", place=place, day=d.decided_on,
        signature=signature_for(d.authority), signer=d.signer, revoked_line=revoked)


def certificate_title(award_form: str) -> str:
    """"Bằng khen của …" → "BẰNG KHEN"; "Giấy khen của …" → "GIẤY KHEN"; another form: its name."""
    return award_form.split(" của ")[0].strip().upper()


def _quoted(campaign: str) -> str:
    """In quotation marks, unless the name already quotes a campaign inside it."""
    return campaign if "“" in campaign else f"“{campaign}”"
