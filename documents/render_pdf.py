"""An OfficialDocument as PDF (fpdf2), with Liberation Serif embedded: metric-compatible with
the Times New Roman that Decree 30/2020/NĐ-CP asks for, with every Vietnamese glyph, and shipped
in documents/fonts (SIL Open Font License), so no machine's fonts change the result."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos
from fpdf.fonts import FontFace

from documents.model import MOTTO, Heading, OfficialDocument, Paragraph, Table

FONTS = Path(__file__).parent / "fonts"
FAMILY = "LiberationSerif"
LEFT_MARGIN, RIGHT_MARGIN, TOP_MARGIN = 30, 15, 20
WIDTH = 210 - LEFT_MARGIN - RIGHT_MARGIN
LINE = 6.5  # mm per line at 13-14 pt, single spacing


def render_pdf(doc: OfficialDocument) -> bytes:
    pdf = _new_pdf(doc)
    _letterhead(pdf, doc)
    _title(pdf, doc)
    for block in doc.blocks:
        _block(pdf, block)
    _closing(pdf, doc)
    if doc.annex:
        pdf.add_page()
        for block in doc.annex:
            _block(pdf, block)
    return bytes(pdf.output())


def _new_pdf(doc: OfficialDocument) -> FPDF:
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_margins(LEFT_MARGIN, TOP_MARGIN, RIGHT_MARGIN)
    pdf.set_auto_page_break(True, margin=20)
    for style, file in _font_files().items():
        pdf.add_font(FAMILY, style, str(file))
    pdf.set_title(doc.title or doc.kind)
    pdf.set_creator("Thi Đua")
    pdf.add_page()
    return pdf


@cache
def _font_files() -> dict[str, Path]:
    return {"": FONTS / "LiberationSerif-Regular.ttf", "B": FONTS / "LiberationSerif-Bold.ttf",
            "I": FONTS / "LiberationSerif-Italic.ttf", "BI": FONTS / "LiberationSerif-BoldItalic.ttf"}


def _text(pdf: FPDF, text: str, *, style: str = "", size: float = 14, align: Align = Align.C,
          x: float | None = None, w: float = 0, h: float = LINE) -> None:
    pdf.set_font(FAMILY, style, size)
    if x is not None:
        pdf.set_x(x)
    pdf.multi_cell(w, h, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _letterhead(pdf: FPDF, doc: OfficialDocument) -> None:
    """Issuing body on the left (65 mm), national motto on the right, each with a short rule."""
    head, top = doc.letterhead, pdf.get_y()
    left_w, right_x = 70.0, LEFT_MARGIN + 68
    right_w = WIDTH - 68
    if head.parent:
        _text(pdf, head.parent.upper(), size=12, x=LEFT_MARGIN, w=left_w, h=5.5)
    _text(pdf, head.issuer.upper(), style="B", size=12, x=LEFT_MARGIN, w=left_w, h=5.5)
    _rule(pdf, LEFT_MARGIN + left_w / 2, 20)
    pdf.ln(2)
    if number := head.number_line(doc.symbol):
        _text(pdf, number, size=13, x=LEFT_MARGIN, w=left_w)
    left_bottom = pdf.get_y()

    pdf.set_y(top)
    _text(pdf, MOTTO[0], style="B", size=12, x=right_x, w=right_w, h=5.5)
    _text(pdf, MOTTO[1], style="B", size=13, x=right_x, w=right_w, h=5.5)
    _rule(pdf, right_x + right_w / 2, 60)
    pdf.ln(2)
    _text(pdf, head.place_and_date(), style="I", size=13, x=right_x, w=right_w)
    pdf.set_y(max(left_bottom, pdf.get_y()) + 6)


def _rule(pdf: FPDF, center: float, length: float) -> None:
    y = pdf.get_y() + 0.5
    pdf.set_line_width(0.3)
    pdf.line(center - length / 2, y, center + length / 2, y)


def _title(pdf: FPDF, doc: OfficialDocument) -> None:
    _text(pdf, doc.kind, style="B", size=14)
    if doc.summary:
        _text(pdf, doc.summary, style="B", size=14, x=LEFT_MARGIN + 10, w=WIDTH - 20)
    if doc.addressee:
        pdf.ln(3)
        _text(pdf, f"Kính gửi: {doc.addressee}", size=14)
    pdf.ln(5)


def _block(pdf: FPDF, block) -> None:
    if isinstance(block, Heading):
        pdf.ln(1)
        _text(pdf, block.text, style="B", align=Align.C if block.centred else Align.L)
    elif isinstance(block, Paragraph):
        pdf.set_font(FAMILY, ("B" if block.bold else "") + ("I" if block.italic else ""), 14)
        with pdf.text_columns(text_align=Align.J, line_height=1.15) as columns:
            with columns.paragraph(first_line_indent=10 if block.indent else 0, bottom_margin=1.5) as paragraph:
                paragraph.write(block.text)
    elif isinstance(block, Table):
        _table(pdf, block)


def _table(pdf: FPDF, block: Table) -> None:
    pdf.set_font(FAMILY, "", 12)
    with pdf.table(col_widths=block.widths, text_align="LEFT", line_height=5.5,
                   headings_style=FontFace(emphasis="BOLD")) as table:
        for cells in (block.header, *block.rows):
            row = table.row()
            for text in cells:
                row.cell(text)
    pdf.ln(2)


def _closing(pdf: FPDF, doc: OfficialDocument) -> None:
    """"Nơi nhận" on the left, the signature block on the right, side by side."""
    pdf.ln(4)
    if pdf.get_y() > 297 - 20 - 60:
        pdf.add_page()
    top, right_x = pdf.get_y(), LEFT_MARGIN + WIDTH / 2
    if doc.countersignature:
        _signature(pdf, doc.countersignature, LEFT_MARGIN)
    elif doc.recipients:
        _text(pdf, "Nơi nhận:", style="BI", size=12, align=Align.L, x=LEFT_MARGIN, w=WIDTH / 2)
        for recipient in doc.recipients:
            _text(pdf, f"- {recipient}", size=11, align=Align.L, x=LEFT_MARGIN, w=WIDTH / 2, h=5)
    left_bottom = pdf.get_y()
    pdf.set_y(top)
    _signature(pdf, doc.signature, right_x)
    if doc.endorsement:
        pdf.set_y(max(left_bottom, pdf.get_y()) + 25)
        _signature(pdf, doc.endorsement, LEFT_MARGIN + WIDTH / 4)


def _signature(pdf: FPDF, signature, x: float) -> None:
    for line in signature.lines:
        _text(pdf, line, style="B", x=x, w=WIDTH / 2)
    if signature.note:
        _text(pdf, signature.note, style="I", size=13, x=x, w=WIDTH / 2)
    if signature.name:
        pdf.ln(22)
        _text(pdf, signature.name, style="B", x=x, w=WIDTH / 2)
