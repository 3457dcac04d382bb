"""An OfficialDocument as DOCX (python-docx): A4, Times New Roman as Decree 30/2020/NĐ-CP asks
(Word substitutes a metric-compatible font where it is missing), margins 20/20/30/15 mm."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from documents.model import MOTTO, Heading, OfficialDocument, Paragraph, Table

FONT = "Times New Roman"
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT


def render_docx(doc: OfficialDocument) -> bytes:
    document = Document()
    _page(document)
    _letterhead(document, doc)
    _title(document, doc)
    for block in doc.blocks:
        _block(document, block)
    _closing(document, doc)
    if doc.annex:
        document.add_page_break()
        for block in doc.annex:
            _block(document, block)
    document.core_properties.title = doc.title or doc.kind
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(6)


def _letterhead(document, doc: OfficialDocument) -> None:
    head = doc.letterhead
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(65), Mm(100)
    _line(left.paragraphs[0], head.parent.upper(), size=13)
    _line(left.add_paragraph(), head.issuer.upper(), bold=True, size=13)
    _line(left.add_paragraph(), "________", size=13)
    if number := head.number_line(doc.symbol):
        _line(left.add_paragraph(), number, size=13)
    _line(right.paragraphs[0], MOTTO[0], bold=True, size=13)
    _line(right.add_paragraph(), MOTTO[1], bold=True, size=14)
    _line(right.add_paragraph(), "________________________", size=13)
    _line(right.add_paragraph(), head.place_and_date(), italic=True, size=14)


def _line(paragraph, text: str, *, bold: bool = False, italic: bool = False, size: int = 14,
          align=CENTER) -> None:
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.bold, run.italic, run.font.size = bold, italic, Pt(size)


def _title(document, doc: OfficialDocument) -> None:
    _line(document.add_paragraph(), "")
    _line(document.add_paragraph(), doc.kind, bold=True)
    if doc.summary:
        _line(document.add_paragraph(), doc.summary, bold=True)
    if doc.addressee:
        _line(document.add_paragraph(), f"Kính gửi: {doc.addressee}")
    _line(document.add_paragraph(), "")


def _block(document, block) -> None:
    if isinstance(block, Heading):
        _line(document.add_paragraph(), block.text, bold=True, align=CENTER if block.centred else LEFT)
    elif isinstance(block, Paragraph):
        paragraph = document.add_paragraph()
        paragraph.alignment = JUSTIFY
        if block.indent:
            paragraph.paragraph_format.first_line_indent = Mm(10)
        run = paragraph.add_run(block.text)
        run.bold, run.italic = block.bold, block.italic
    elif isinstance(block, Table):
        _table(document, block)


def _table(document, block: Table) -> None:
    table = document.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    total = sum(block.widths)
    for cell, text, width in zip(table.rows[0].cells, block.header, block.widths):
        cell.width = Mm(165 * width / total)
        _line(cell.paragraphs[0], text, bold=True, size=13)
    for row in block.rows:
        for cell, text, width in zip(table.add_row().cells, row, block.widths):
            cell.width = Mm(165 * width / total)
            _line(cell.paragraphs[0], text, size=13, align=LEFT)


def _closing(document, doc: OfficialDocument) -> None:
    _line(document.add_paragraph(), "")
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(80), Mm(85)
    if doc.countersignature:
        _signature(left, doc.countersignature)
    elif doc.recipients:
        _line(left.paragraphs[0], "Nơi nhận:", bold=True, italic=True, size=12, align=LEFT)
        for recipient in doc.recipients:
            _line(left.add_paragraph(), f"- {recipient}", size=11, align=LEFT)
    _signature(right, doc.signature)
    if doc.endorsement:
        for _ in range(4):
            _line(document.add_paragraph(), "")
        cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
        _signature(cell, doc.endorsement)


def _signature(cell, signature) -> None:
    """Lines in capitals, the note, room for the signature, the name; in one table cell."""
    paragraphs = iter([cell.paragraphs[0]])
    for text in signature.lines:
        _line(next(paragraphs, None) or cell.add_paragraph(), text, bold=True)
    if signature.note:
        _line(cell.add_paragraph(), signature.note, italic=True)
    if signature.name:
        for _ in range(3):
            _line(cell.add_paragraph(), "")
        _line(cell.add_paragraph(), signature.name, bold=True)
