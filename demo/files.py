"""Attachments for the demo: a PDF and a Word file made from a document's HTML text.

The PDF embeds DejaVu Serif when the system has it, so its Vietnamese text can be
selected and extracted like a real signed scan's text layer. Without that font the
PDF falls back to Times with the diacritics removed: still a valid file.
"""

import io
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


@dataclass
class Letterhead:
    """What sits above the text of a Vietnamese administrative document."""

    organ: str  # "ĐẢNG BỘ TỈNH NAM ĐỊNH"
    unit: str  # "TỈNH ỦY"
    number: str  # "Số 01-NQ/TU"
    motto: str  # "ĐẢNG CỘNG SẢN VIỆT NAM"
    place_date: str  # "Nam Định, ngày 12 tháng 3 năm 2021"
    kind: str  # "NGHỊ QUYẾT"
    title: str  # "về ..."
    signer_block: str  # "T/M TỈNH ỦY\nBÍ THƯ"
    signer: str


class _BlockParser(HTMLParser):
    """Flatten simple HTML into (kind, text) blocks: h2, h3, p and li."""

    BLOCKS = {"h2", "h3", "h4", "p", "li"}

    def __init__(self):
        super().__init__()
        self.blocks, self._kind, self._text = [], None, []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._kind, self._text = tag, []

    def handle_endtag(self, tag):
        if tag == self._kind:
            text = " ".join("".join(self._text).split())
            if text:
                self.blocks.append((tag, text))
            self._kind = None

    def handle_data(self, data):
        if self._kind:
            self._text.append(data)


def html_blocks(html):
    parser = _BlockParser()
    parser.feed(html)
    return parser.blocks


# --- PDF ------------------------------------------------------------------------


def _pdf_fonts():
    """Register DejaVu Serif if present; return (regular, bold, keeps_diacritics)."""
    regular, bold = FONT_DIR / "DejaVuSerif.ttf", FONT_DIR / "DejaVuSerif-Bold.ttf"
    if regular.exists() and bold.exists():
        if "DemoSerif" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("DemoSerif", str(regular)))
            pdfmetrics.registerFont(TTFont("DemoSerif-Bold", str(bold)))
        return "DemoSerif", "DemoSerif-Bold", True
    return "Times-Roman", "Times-Bold", False


def _ascii(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def pdf_bytes(head, html):
    """A4 PDF of a document: letterhead, title, body blocks and signature."""
    regular, bold, unicode_ok = _pdf_fonts()

    def para(text, style, bullet=None):
        text = text if unicode_ok else _ascii(text)
        return Paragraph(escape(text).replace("\n", "<br/>"), style, bulletText=bullet)

    base = ParagraphStyle("base", fontName=regular, fontSize=12, leading=17)
    centre = ParagraphStyle("centre", parent=base, alignment=TA_CENTER)
    centre_bold = ParagraphStyle("centre_bold", parent=centre, fontName=bold)
    body = ParagraphStyle(
        "body", parent=base, alignment=TA_JUSTIFY, firstLineIndent=1 * cm, spaceAfter=6
    )
    heading = ParagraphStyle("heading", parent=base, fontName=bold, spaceBefore=8, spaceAfter=4)
    item = ParagraphStyle(
        "item", parent=body, firstLineIndent=0, leftIndent=1 * cm, bulletIndent=0.4 * cm
    )

    header = Table(
        [
            [para(f"{head.organ}\n{head.unit}", centre_bold), para(head.motto, centre_bold)],
            [para(head.number, centre), para(head.place_date, centre)],
        ],
        colWidths=[7 * cm, 9 * cm],
    )
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story = [
        header,
        Spacer(1, 0.8 * cm),
        para(head.kind, ParagraphStyle("kind", parent=centre_bold, fontSize=15, leading=20)),
        para(head.title, centre_bold),
        HRFlowable(width="30%", thickness=0.6, spaceBefore=4, spaceAfter=12),
    ]
    for kind, text in html_blocks(html):
        if kind == "li":
            story.append(para(text, item, bullet="-"))
        else:
            story.append(para(text, heading if kind.startswith("h") else body))
    story += [
        Spacer(1, 0.8 * cm),
        Table(
            [["", para(f"{head.signer_block}\n\n\n{head.signer}", centre_bold)]],
            colWidths=[8 * cm, 8 * cm],
        ),
    ]

    output = io.BytesIO()
    pdf = SimpleDocTemplate(
        output,
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=f"{head.kind.capitalize()} {head.number.removeprefix('Số ')}",
        author=f"{head.organ} {head.unit}".title(),
        subject=head.title,
    )
    pdf.build(story)
    return output.getvalue()


# --- Word ------------------------------------------------------------------------


def docx_bytes(head, html):
    """A Word file of a document with the same content as its PDF."""
    word = WordDocument()
    normal = word.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(13)

    table = word.add_table(rows=2, cols=2)
    cells = [
        (0, 0, f"{head.organ}\n{head.unit}", True),
        (0, 1, head.motto, True),
        (1, 0, head.number, False),
        (1, 1, head.place_date, False),
    ]
    for row, col, text, is_bold in cells:
        paragraph = table.cell(row, col).paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).bold = is_bold

    for text, size in [(head.kind, 15), (head.title, 13)]:
        paragraph = word.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size = True, Pt(size)

    for kind, text in html_blocks(html):
        if kind.startswith("h"):
            word.add_paragraph().add_run(text).bold = True
        elif kind == "li":
            word.add_paragraph(text, style="List Bullet")
        else:
            word.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    signature = word.add_paragraph()
    signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    signature.add_run(f"{head.signer_block}\n\n\n{head.signer}").bold = True

    word.core_properties.title = f"{head.kind.capitalize()} {head.number.removeprefix('Số ')}"
    word.core_properties.subject = head.title
    output = io.BytesIO()
    word.save(output)
    return output.getvalue()
