"""Document files: what is accepted, what is read from it, how it is served."""

import io
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse

from ndportal.publishing import Status
from resolutions.attachments import Extraction, FileKind
from resolutions.models import DocumentFile
from tests.document_files import (
    doc_bytes,
    docx_bytes,
    odt_bytes,
    pdf_bytes,
    stored_files,
    upload,
    xlsx_bytes,
    zip_bomb_docx,
)
from tests.factories import make_document, make_staff


class UploadRuleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document()
        cls.admin = get_user_model().objects.create_superuser("admin", "a@example.com", "x")

    def setUp(self):
        self.client.force_login(self.admin)

    def post(self, name, content):
        # The text is read by a task queued on commit (run at once in tests).
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                reverse("admin:resolutions_documentfile_add"),
                {
                    "document": self.document.pk,
                    "title": "",
                    "order": 0,
                    "file": upload(name, content),
                },
            )

    def test_each_allowed_kind_is_accepted_and_read(self):
        """PDF, DOC, DOCX, XLSX and ODT are stored; their kind comes from their bytes."""
        cases = [
            ("nghi-quyet.pdf", pdf_bytes("Nghi quyet 01"), FileKind.PDF, Extraction.OK),
            ("toan-van.docx", docx_bytes("Nghị quyết số 01"), FileKind.DOCX, Extraction.OK),
            ("chi-tieu.xlsx", xlsx_bytes("Chỉ tiêu 2025"), FileKind.XLSX, Extraction.OK),
            ("ke-hoach.odt", odt_bytes("Kế hoạch 15"), FileKind.ODT, Extraction.OK),
            ("van-ban-cu.doc", doc_bytes(), FileKind.DOC, Extraction.UNSUPPORTED),
        ]
        for name, content, kind, extraction in cases:
            with self.subTest(name=name):
                response = self.post(name, content)
                self.assertEqual(response.status_code, 302)
                stored = DocumentFile.objects.get(original_name=name)
                self.assertEqual((stored.kind, stored.extraction), (kind, extraction))
                self.assertTrue(stored.file.name.endswith(f".{kind}"))
                self.assertNotIn(Path(name).stem, stored.file.name)
        self.assertIn("Chỉ tiêu 2025", DocumentFile.objects.get(kind=FileKind.XLSX).text)

    def test_refused_files_leave_nothing(self):
        """Wrong extension, lying content, HTML, SVG and a zip bomb: a message, no file, no row."""
        cases = {
            "evil.html": b"<html><script>alert(1)</script></html>",
            "anh.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "gia.pdf": b"<html><body>not a pdf</body></html>",
            "pdf-goi-la-docx.docx": pdf_bytes(),
            "docx-goi-la-pdf.pdf": docx_bytes(),
            "bang.xlsx": odt_bytes(),
            "bom.docx": zip_bomb_docx(),
            "trong.pdf": b"",
        }
        for name, content in cases.items():
            with self.subTest(name=name):
                response = self.post(name, content)
                self.assertEqual(response.status_code, 200)
                self.assertTrue(response.context["adminform"].form.errors)
        self.assertFalse(DocumentFile.objects.exists())
        self.assertEqual(stored_files(), [])

    def test_mismatch_message_names_the_real_kind(self):
        """A PDF named .docx is refused with a message saying what it really is."""
        response = self.post("gia.docx", pdf_bytes())
        self.assertContains(response, "nhưng nội dung là PDF")

    @override_settings(ATTACHMENT_MAX_SIZE=1000)
    def test_size_limit_from_settings(self):
        """A file over ATTACHMENT_MAX_SIZE is refused before it is stored."""
        response = self.post("lon.pdf", pdf_bytes() + b"%" * 2000)
        self.assertContains(response, "Tệp quá lớn")
        self.assertEqual(stored_files(), [])

    def test_original_name_kept_for_display(self):
        """A hostile name never reaches the disk but is kept as display text."""
        name = "../../etc/Nghị quyết số 01.pdf"
        self.post(name, pdf_bytes())
        stored = DocumentFile.objects.get()
        self.assertEqual(stored.original_name, "Nghị quyết số 01.pdf")
        self.assertRegex(stored.file.name, r"^documents/[0-9a-f]{32}\.pdf$")


class ExtractionOnSaveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document()

    def attach(self, name, content):
        # The text is read by a task queued on commit (run at once in tests).
        with self.captureOnCommitCallbacks(execute=True):
            stored = DocumentFile.objects.create(
                document=self.document, file=File(io.BytesIO(content), name=name)
            )
        stored.refresh_from_db()
        return stored

    def test_orm_save_extracts(self):
        """A file saved through the ORM (demo content) is read like an uploaded one."""
        stored = self.attach("toan-van.docx", docx_bytes("Phát triển kinh tế biển"))
        self.assertEqual(stored.extraction, Extraction.OK)
        self.assertIn("Phát triển kinh tế biển", stored.text)
        self.assertEqual(stored.title, "toan-van")

    def test_unreadable_file_is_stored_and_flagged(self):
        """A broken PDF is kept and flagged, not lost and not a 500."""
        stored = self.attach("hong.pdf", b"%PDF-1.4\nrubbish")
        self.assertEqual(stored.extraction, Extraction.FAILED)
        self.assertTrue(stored.extraction_failed)
        self.assertTrue(Path(stored.file.path).exists())

    def test_legacy_font_is_flagged(self):
        """TCVN3 text extracted from Word is flagged, not indexed as if it were Vietnamese."""
        stored = self.attach("cu.docx", docx_bytes("NghÞ quyÕt cña Ban Th­êng vô TØnh ñy Nam §Þnh"))
        self.assertEqual(stored.extraction, Extraction.LEGACY_FONT)

    def test_vni_font_is_flagged(self):
        """VNI text (Ñaûng, Tænh uûy) is flagged too."""
        stored = self.attach(
            "vni.docx", docx_bytes("Nghò quyeát cuûa Ban Thöôøng vuï Tænh uûy Nam Ñònh")
        )
        self.assertEqual(stored.extraction, Extraction.LEGACY_FONT)

    def test_unicode_vietnamese_is_not_flagged(self):
        """Proper Unicode Vietnamese with « » and ° is not mistaken for legacy fonts."""
        stored = self.attach(
            "moi.docx", docx_bytes("Nghị quyết «Đột phá» về nhiệt độ 30°C của Tỉnh ủy")
        )
        self.assertEqual(stored.extraction, Extraction.OK)

    def test_scanned_pdf_without_text_is_flagged(self):
        """A PDF without a text layer is flagged as empty."""
        stored = self.attach("quet.pdf", pdf_bytes(""))
        self.assertEqual(stored.extraction, Extraction.EMPTY)

    def test_command_reextracts_everything(self):
        """reextract_files queues stored files to be read again, which fixes stale flags."""
        stored = self.attach("van-ban.pdf", pdf_bytes("Chuyen doi so"))
        DocumentFile.objects.filter(pk=stored.pk).update(text="", extraction=Extraction.PENDING)
        out = io.StringIO()
        call_command("reextract_files", stdout=out)
        stored.refresh_from_db()
        self.assertEqual(stored.extraction, Extraction.OK)
        self.assertIn("Chuyen doi so", stored.text)
        self.assertIn("Đã xếp 1 tệp", out.getvalue())


class DownloadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document()
        cls.draft = make_document(status=Status.DRAFT, published_at=None)
        cls.staff = make_staff(username="bientap", password="x")

    def setUp(self):
        self.pdf = DocumentFile.objects.create(
            document=self.document,
            file=File(io.BytesIO(pdf_bytes()), name="Nghị quyết 01-NQ.pdf"),
        )
        self.docx = DocumentFile.objects.create(
            document=self.document, file=File(io.BytesIO(docx_bytes()), name="toan-van.docx")
        )
        self.draft_file = DocumentFile.objects.create(
            document=self.draft, file=File(io.BytesIO(pdf_bytes()), name="nhap.pdf")
        )

    def test_download_headers(self):
        """Attachment with the Vietnamese name (RFC 6266), its type, nosniff and a sandbox CSP."""
        response = self.client.get(self.pdf.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content)[:5], b"%PDF-")
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(
            response["Content-Disposition"],
            "attachment; filename*=utf-8''Ngh%E1%BB%8B%20quy%E1%BA%BFt%2001-NQ.pdf",
        )
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Content-Security-Policy"], "default-src 'none'; sandbox")

    def test_docx_content_type(self):
        """A DOCX answers with the Word content type, whatever the stored name says."""
        response = self.client.get(self.docx.get_absolute_url())
        self.assertEqual(
            response["Content-Type"],
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )

    def test_downloads_are_counted(self):
        """Each GET adds one to the count; HEAD does not."""
        self.client.get(self.pdf.get_absolute_url())
        self.client.get(self.pdf.get_view_url())
        self.client.head(self.pdf.get_absolute_url())
        self.pdf.refresh_from_db()
        self.assertEqual(self.pdf.download_count, 2)

    def test_pdf_inline_view(self):
        """A PDF can be opened inline in the browser's viewer, still nosniff."""
        response = self.client.get(self.pdf.get_view_url())
        self.assertTrue(response["Content-Disposition"].startswith("inline; "))
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertIn("default-src 'none'", response["Content-Security-Policy"])

    def test_only_pdf_inline(self):
        """A Word file has no inline view."""
        self.assertEqual(self.client.get(self.docx.get_view_url()).status_code, 404)

    def test_draft_files_hidden(self):
        """A draft's file is a 404 to readers, by either URL, and is not counted."""
        for url in [self.draft_file.get_absolute_url(), self.draft_file.get_view_url()]:
            self.assertEqual(self.client.get(url).status_code, 404)
        self.draft_file.refresh_from_db()
        self.assertEqual(self.draft_file.download_count, 0)

    def test_staff_can_fetch_draft_files_uncached(self):
        """Staff previewing a draft can download its file; the answer is never cached."""
        self.client.force_login(self.staff)
        response = self.client.get(self.draft_file.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("no-cache", response["Cache-Control"])

    def test_post_not_allowed(self):
        """Downloads answer GET and HEAD only."""
        self.assertEqual(self.client.post(self.pdf.get_absolute_url()).status_code, 405)

    def test_pages_link_to_the_view_not_media(self):
        """The document page links files through the counting view, never /media/."""
        response = self.client.get(self.document.get_absolute_url())
        self.assertContains(response, self.pdf.get_absolute_url())
        self.assertContains(response, self.pdf.get_view_url())
        self.assertNotContains(response, settings.MEDIA_URL)
