"""A certificate as PDF (fpdf2, Liberation Serif embedded, as render_pdf) and DOCX: A4
landscape inside a double frame, the title in red, everything centred; the decision's number
at the foot on the left, place, date and signature on the right."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from documents.certificate import Certificate
from documents.model import MOTTO
from documents.render_pdf import FAMILY, _font_files

W, H = 297, 210
RED, GOLD, INK = (180, 20, 20), (190, 150, 40), (20, 20, 20)


def certificate_pdf(c: Certificate) -> bytes:
    pdf = FPDF(orientation="L", format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    for style, file in _font_files().items():
        pdf.add_font(FAMILY, style, str(file))
    pdf.set_title(f"{c.title} — {c.recipient}")
    pdf.set_creator("Thi Đua")
    pdf.add_page()
    _frame(pdf)
    pdf.set_y(22)
    _centred(pdf, MOTTO[0], "B", 13)
    _centred(pdf, MOTTO[1], "B", 13)
    pdf.set_draw_color(*INK)
    pdf.line(W / 2 - 30, pdf.get_y() + 1, W / 2 + 30, pdf.get_y() + 1)
    pdf.ln(7)
    _centred(pdf, c.giver, "B", 15, h=7)
    _centred(pdf, "TẶNG", "B", 15, h=8)
    pdf.ln(1)
    _centred(pdf, c.title, "B", 40, h=18, color=RED)
    pdf.ln(3)
    _centred(pdf, c.recipient, "B", 22, h=10, color=(10, 40, 120))
    if c.unit:
        _centred(pdf, c.unit, "", 15, h=7)
    pdf.ln(2)
    _centred(pdf, c.achievement, "I", 15, h=7, margin=40)
    _foot(pdf, c)
    return bytes(pdf.output())


def _frame(pdf: FPDF) -> None:
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(2.2)
    pdf.rect(8, 8, W - 16, H - 16)
    pdf.set_draw_color(*RED)
    pdf.set_line_width(0.6)
    pdf.rect(12.5, 12.5, W - 25, H - 25)
    for x, y in ((12.5, 12.5), (W - 12.5, 12.5), (12.5, H - 12.5), (W - 12.5, H - 12.5)):
        pdf.set_fill_color(*GOLD)
        pdf.rect(x - 3, y - 3, 6, 6, style="F")


def _centred(pdf: FPDF, text: str, style: str, size: float, *, h: float = 6.5, color=INK, margin: float = 25) -> None:
    pdf.set_font(FAMILY, style, size)
    pdf.set_text_color(*color)
    pdf.set_x(margin)
    pdf.multi_cell(W - 2 * margin, h, text, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)


def _foot(pdf: FPDF, c: Certificate) -> None:
    top, half = 148, (W - 50) / 2
    pdf.set_font(FAMILY, "", 12)
    pdf.set_xy(25, top + 14)
    pdf.multi_cell(half - 20, 6, c.decision_line, align=Align.L)
    if c.revoked_line:
        pdf.set_text_color(*RED)
        pdf.set_xy(25, top + 27)
        pdf.multi_cell(half - 20, 6, c.revoked_line, align=Align.L)
        pdf.set_text_color(*INK)
    pdf.set_y(top - 8)
    for text, style in ((c.place_and_date(), "I"), *((line, "B") for line in c.signature)):
        pdf.set_font(FAMILY, style, 13)
        pdf.set_x(25 + half)
        pdf.cell(half, 6.5, text, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if c.signer:
        pdf.set_y(H - 30)
        pdf.set_font(FAMILY, "B", 14)
        pdf.set_x(25 + half)
        pdf.cell(half, 7, c.signer, align=Align.C)


def certificate_docx(c: Certificate) -> bytes:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(W), Mm(H)
    section.top_margin = section.bottom_margin = Mm(18)
    section.left_margin = section.right_margin = Mm(22)
    _page_border(section)
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    for text, size, bold, italic, color in (
            (MOTTO[0], 13, True, False, None), (MOTTO[1], 13, True, False, None), ("", 14, False, False, None),
            (c.giver, 15, True, False, None), ("TẶNG", 15, True, False, None), (c.title, 40, True, False, RED),
            (c.recipient, 22, True, False, (10, 40, 120)), (c.unit, 15, False, False, None),
            (c.achievement, 15, False, True, None), ("", 14, False, False, None), ("", 14, False, False, None)):
        _para(document, text, size, bold, italic, color)
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    _para(left, c.decision_line, 12, align=WD_ALIGN_PARAGRAPH.LEFT, first=True)
    if c.revoked_line:
        _para(left, c.revoked_line, 12, color=RED, align=WD_ALIGN_PARAGRAPH.LEFT)
    _para(right, c.place_and_date(), 13, italic=True, first=True)
    for line in c.signature:
        _para(right, line, 13, bold=True)
    if c.signer:
        for _ in range(3):
            _para(right, "", 13)
        _para(right, c.signer, 14, bold=True)
    document.core_properties.title = f"{c.title} — {c.recipient}"
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _para(container, text: str, size: float, bold: bool = False, italic: bool = False, color=None,
          align=WD_ALIGN_PARAGRAPH.CENTER, first: bool = False) -> None:
    paragraph = container.paragraphs[0] if first else container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(2)
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)
    if color:
        run.font.color.rgb = RGBColor(*color)


def _page_border(section) -> None:
    """A double page border (w:pgBorders): python-docx has no API for it."""
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "double")
        edge.set(qn("w:sz"), "18")
        edge.set(qn("w:space"), "24")
        edge.set(qn("w:color"), "B41414")
        borders.append(edge)
    section._sectPr.append(borders)
