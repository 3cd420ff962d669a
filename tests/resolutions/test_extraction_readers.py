"""The stream readers behind attachment text: what they read and what they refuse."""

import io
import zipfile

from django.test import SimpleTestCase

from resolutions.attachments import Extraction, extract_text

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_body(body):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<?xml version='1.0'?>{body}")
    return io.BytesIO(out.getvalue())


class StreamReaderTests(SimpleTestCase):
    def test_paragraphs_and_table_cells_are_read_in_order(self):
        """Body paragraphs and the paragraphs in table cells come out one per line, in order."""
        body = (
            f"<w:document {_W}><w:body>"
            "<w:p><w:r><w:t>Điều 1.</w:t></w:r><w:r><w:t> Mục tiêu</w:t></w:r></w:p>"
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Chỉ tiêu</w:t></w:r></w:p></w:tc>"
            "<w:tc><w:p><w:r><w:t>2.000 tỷ đồng</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            "<w:p><w:r><w:t>Điều 2.</w:t></w:r></w:p>"
            "</w:body></w:document>"
        )
        extracted = extract_text(docx_with_body(body), "docx")
        self.assertEqual(extracted.status, Extraction.OK)
        self.assertEqual(extracted.text, "Điều 1. Mục tiêu\nChỉ tiêu\n2.000 tỷ đồng\nĐiều 2.")

    def test_entities_are_never_expanded(self):
        """A DOCTYPE with entities (billion laughs) is not expanded into the text."""
        body = (
            '<!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            f"<w:document {_W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
        )
        extracted = extract_text(docx_with_body(body), "docx")
        self.assertNotIn("haha", extracted.text)

    def test_broken_xml_is_an_error_not_a_crash(self):
        """Malformed XML reports the file as unreadable."""
        extracted = extract_text(docx_with_body(f"<w:document {_W}><w:body><w:p>"), "docx")
        self.assertEqual(extracted.status, Extraction.FAILED)

    def test_too_much_text_is_flagged_too_large(self):
        """A text beyond the character cap is flagged too large, with nothing kept."""
        paragraph = "<w:p><w:r><w:t>" + "Nghị quyết " * 1000 + "</w:t></w:r></w:p>"
        body = f"<w:document {_W}><w:body>{paragraph * 250}</w:body></w:document>"
        extracted = extract_text(docx_with_body(body), "docx")
        self.assertEqual((extracted.status, extracted.text), (Extraction.TOO_LARGE, ""))
