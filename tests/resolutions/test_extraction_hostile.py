"""Reading attachments' text: hostile Office files are flagged, never read into memory."""

import io
import random
import resource
import zipfile

from django.core.files import File
from django.test import TestCase, override_settings

from ndportal.publishing import Status
from resolutions.attachments import Extraction, FileKind, detect_kind
from resolutions.models import Document, DocumentFile
from resolutions.tasks import extract_file_text
from tests.factories import make_document

MB = 1024 * 1024
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_SHEET = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _varied_block(make_item, size=MB):
    """About `size` bytes of XML items, each with random ids so it packs only about 10:1."""
    rng = random.Random(size)
    items, total = [], 0
    while total < size:
        items.append(make_item(f"{rng.getrandbits(64):016X}"))
        total += len(items[-1])
    return "".join(items).encode()


def _office_zip(entries, member, head, block, tail, repeat):
    """An Office archive whose `member` is head + block * repeat + tail, written as a stream.

    The block repeats 1 MB apart, beyond deflate's 32 kB window: the archive stays within
    the zip checks (ratio under 200), as the 12.5 MB DOCX holding 128 MB of XML did.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
        with archive.open(member, "w", force_zip64=True) as entry:
            entry.write(head)
            for _ in range(repeat):
                entry.write(block)
            entry.write(tail)
    return out.getvalue()


def hostile_docx(megabytes=128):
    """A DOCX whose document.xml is `megabytes` of paragraphs of formatting, without text."""
    block = _varied_block(
        lambda rid: (
            f'<w:p w:rsidR="{rid[:8]}" w:rsidRDefault="{rid[8:]}"><w:pPr><w:jc '
            'w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr></w:r></w:p>'
        )
    )
    return _office_zip(
        {"[Content_Types].xml": "<Types/>"},
        "word/document.xml",
        f'<?xml version="1.0"?><w:document {_W}><w:body>'.encode(),
        block,
        b"</w:body></w:document>",
        megabytes,
    )


def hostile_xlsx(megabytes=128):
    """An XLSX whose shared strings are `megabytes` of Vietnamese cell text."""
    block = _varied_block(lambda rid: f"<si><t>Chỉ tiêu tăng trưởng {rid}</t></si>")
    return _office_zip(
        {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": f"<workbook {_SHEET}/>"},
        "xl/sharedStrings.xml",
        f'<?xml version="1.0"?><sst {_SHEET}>'.encode(),
        block,
        b"</sst>",
        megabytes,
    )


def _peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class HostileFileTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document(status=Status.DRAFT, published_at=None)

    def attach_and_read(self, name, content):
        with self.captureOnCommitCallbacks(execute=True):
            stored = DocumentFile.objects.create(
                document=self.document, file=File(io.BytesIO(content), name=name)
            )
        stored.refresh_from_db()
        return stored

    def test_hostile_docx_is_flagged_without_exhausting_memory(self):
        """128 MB of XML in a DOCX that passes the zip checks is stored and flagged too large."""
        content = hostile_docx()
        self.assertEqual(detect_kind(io.BytesIO(content)), FileKind.DOCX)  # passes the checks
        before = _peak_rss_mb()
        stored = self.attach_and_read("toan-van.docx", content)
        self.assertEqual(stored.extraction, Extraction.TOO_LARGE)
        self.assertEqual(stored.get_extraction_display(), "Không đọc được nội dung: tệp quá lớn")
        self.assertEqual(stored.text, "")
        self.assertTrue(stored.file.storage.exists(stored.file.name))
        # Read in a child process: this process never held the unpacked XML.
        self.assertLess(_peak_rss_mb() - before, 200)

    def test_hostile_xlsx_is_flagged_without_exhausting_memory(self):
        """128 MB of cell text in an XLSX is stored and flagged too large, not kept in part."""
        content = hostile_xlsx()
        self.assertEqual(detect_kind(io.BytesIO(content)), FileKind.XLSX)
        before = _peak_rss_mb()
        stored = self.attach_and_read("chi-tieu.xlsx", content)
        self.assertEqual(stored.extraction, Extraction.TOO_LARGE)
        self.assertEqual(stored.text, "")
        self.assertLess(_peak_rss_mb() - before, 200)

    def test_flagged_file_never_blocks_publishing(self):
        """A document whose file is too large to read is published like any other."""
        self.attach_and_read("toan-van.docx", hostile_docx(megabytes=40))
        self.document.status = Status.PUBLISHED
        self.document.save()
        self.assertTrue(Document.objects.published().filter(pk=self.document.pk).exists())
        response = self.client.get(self.document.get_absolute_url())
        self.assertEqual(response.status_code, 200)


class ChildLimitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document()
        paragraph = "<w:p><w:r><w:t>Đoạn {}: phát triển kinh tế biển.</w:t></w:r></w:p>"
        cls.content = _office_zip(
            {"[Content_Types].xml": "<Types/>"},
            "word/document.xml",
            f'<?xml version="1.0"?><w:document {_W}><w:body>'.encode(),
            "".join(paragraph.format(n) for n in range(20000)).encode(),
            b"</w:body></w:document>",
            1,
        )

    def setUp(self):
        # Stored per test: each test has its own MEDIA_ROOT (tests/conftest.py).
        self.stored = DocumentFile.objects.create(
            document=self.document, file=File(io.BytesIO(self.content), name="dai.docx")
        )

    def read(self):
        extract_file_text.call(DocumentFile._meta.label, self.stored.pk, self.stored.file.name)
        self.stored.refresh_from_db()
        return self.stored.extraction

    def test_ordinary_limits_read_a_long_document(self):
        """A long text (20,000 paragraphs) reads fine within the usual memory limit and timeout."""
        self.assertEqual(self.read(), Extraction.OK)
        self.assertIn("Đoạn 19999", self.stored.text)

    @override_settings(EXTRACTION_MEMORY_LIMIT=1 * MB)
    def test_child_out_of_memory_is_flagged(self):
        """At the child's memory limit the file is flagged, with no text; this process goes on."""
        # zlib says MemoryError (too large); libxml2 only "unknown error" (read as an error).
        self.assertIn(self.read(), {Extraction.TOO_LARGE, Extraction.FAILED})
        self.assertTrue(self.stored.extraction_failed)
        self.assertEqual(self.stored.text, "")

    @override_settings(EXTRACTION_TIMEOUT=0)
    def test_child_over_time_is_flagged_too_large(self):
        """When the child runs past the timeout it is stopped and the file flagged too large."""
        self.assertEqual(self.read(), Extraction.TOO_LARGE)
