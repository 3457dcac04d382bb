"""An official document as Decree 30/2020/NĐ-CP lays it out, independent of the file format:
the letterhead (issuing body above, national motto beside), number and symbol, place and
date, the kind and summary of the document, "Kính gửi", the body, "Nơi nhận" and the
signature block. The DOCX and PDF renderers draw the same model."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
BLANK = "……"  # what a form leaves for the hand to fill in


@dataclass(frozen=True)
class Letterhead:
    issuer: str
    """The body that issues the document (printed in capitals, bold)."""
    parent: str = ""
    """The body above it, printed over it (capitals, regular)."""
    number: str = ""
    """Number and symbol ("90/KH-LĐLĐ"); blank on a form or an unnumbered plan."""
    place: str = ""
    day: date | None = None

    def number_line(self, symbol: str) -> str:
        """"Số: 90/KH-LĐLĐ"; a numbered kind not yet numbered leaves the number blank; a form
        (no symbol) has no number line."""
        if self.number:
            return f"Số: {self.number}"
        return f"Số: {BLANK}/{symbol}" if symbol else ""

    def place_and_date(self) -> str:
        place = self.place or BLANK
        if self.day is None:
            return f"{place}, ngày {BLANK} tháng {BLANK} năm {BLANK}"
        return f"{place}, ngày {self.day.day:02d} tháng {self.day.month:02d} năm {self.day.year}"


@dataclass(frozen=True)
class Heading:
    text: str
    centred: bool = False
    """A line set in the middle: the enacting authority and "QUYẾT ĐỊNH:" of a decision."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    indent: bool = True
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    """Relative column widths."""


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class Signature:
    lines: tuple[str, ...]
    """"TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH": printed in capitals, bold."""
    name: str = ""
    note: str = ""
    """A hint in brackets under the lines, e.g. "(Ký tên, đóng dấu)"."""


@dataclass(frozen=True)
class OfficialDocument:
    letterhead: Letterhead
    kind: str
    """"KẾ HOẠCH", "BẢNG ĐĂNG KÝ", ..."""
    symbol: str = ""
    """The kind's abbreviation in the number ("KH"); "" for a form, which has no number."""
    summary: str = ""
    addressee: str = ""
    blocks: tuple[Block, ...] = ()
    recipients: tuple[str, ...] = ()
    signature: Signature = field(default_factory=lambda: Signature(()))
    countersignature: Signature | None = None
    """Printed on the left instead of "Nơi nhận" (the head of the unit confirming a report)."""
    endorsement: Signature | None = None
    """Printed centred under both (the proposing level's confirmation)."""
    title: str = ""
    """The file's own title (metadata)."""
    annex: tuple[Block, ...] = ()
    """Printed on a new page after the signature: the list a decision attaches."""


def signature_lines(capacity: str) -> tuple[str, ...]:
    """"TM. Ban Thường vụ – Phó Chủ tịch" → ("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH")."""
    parts = [p.strip() for p in capacity.replace("—", "–").replace(" - ", " – ").split("–")]
    return tuple(p.upper() for p in parts if p)


def day_text(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def number_text(value: object) -> str:
    """Vietnamese digit grouping: 1.234.567 and a decimal comma."""
    return f"{value:,}".replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
