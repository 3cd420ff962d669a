"""Conference files: served through the counting view, never straight from /media/."""

import io

from django.conf import settings
from django.core.files import File
from django.test import TestCase
from django.urls import reverse

from ndportal.publishing import Status
from resolutions.models import ConferenceFile, ConferencePhoto, DocumentFile
from tests.document_files import docx_bytes, pdf_bytes
from tests.factories import make_conference, make_document, make_staff
from tests.image_files import image_bytes


def conference_file(conference, name, content):
    return ConferenceFile.objects.create(
        conference=conference, file=File(io.BytesIO(content), name=name)
    )


def body(response):
    return b"".join(response.streaming_content)


class ConferenceFileDownloadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.conference = make_conference()
        cls.draft = make_conference(status=Status.DRAFT, published_at=None)
        cls.staff = make_staff(username="bientap", password="x")

    def setUp(self):
        self.pdf = conference_file(
            self.conference, "Phát biểu của đồng chí Bí thư.pdf", pdf_bytes()
        )
        self.docx = conference_file(self.conference, "bao-cao.docx", docx_bytes("Báo cáo"))
        self.draft_file = conference_file(self.draft, "nhap.pdf", pdf_bytes("Ban nhap"))

    def test_download_headers(self):
        """Attachment with the Vietnamese name (RFC 6266), its type, nosniff and a sandbox CSP."""
        response = self.client.get(self.pdf.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(body(response)[:5], b"%PDF-")
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(
            response["Content-Disposition"],
            "attachment; filename*=utf-8''Ph%C3%A1t%20bi%E1%BB%83u%20c%E1%BB%A7a%20"
            "%C4%91%E1%BB%93ng%20ch%C3%AD%20B%C3%AD%20th%C6%B0.pdf",
        )
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Content-Security-Policy"], "default-src 'none'; sandbox")

    def test_docx_content_type(self):
        """A DOCX answers with the Word content type."""
        response = self.client.get(self.docx.get_absolute_url())
        self.assertEqual(
            response["Content-Type"],
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )

    def test_pdf_inline_view_and_no_inline_word(self):
        """A PDF opens inline, still nosniff; a Word file has no inline view."""
        response = self.client.get(self.pdf.get_view_url())
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Disposition"].startswith("inline; "))
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertIn("default-src 'none'", response["Content-Security-Policy"])
        self.assertEqual(self.client.get(self.docx.get_view_url()).status_code, 404)

    def test_downloads_are_counted(self):
        """Each GET adds one to the count, by either URL; HEAD does not."""
        self.client.get(self.pdf.get_absolute_url())
        self.client.get(self.pdf.get_view_url())
        self.client.head(self.pdf.get_absolute_url())
        self.pdf.refresh_from_db()
        self.assertEqual(self.pdf.download_count, 2)

    def test_draft_files_hidden_from_readers(self):
        """A draft conference's file is a 404 to readers, by either URL, and is not counted."""
        for url in [self.draft_file.get_absolute_url(), self.draft_file.get_view_url()]:
            self.assertEqual(self.client.get(url).status_code, 404)
        self.draft_file.refresh_from_db()
        self.assertEqual(self.draft_file.download_count, 0)

    def test_scheduled_conference_files_hidden(self):
        """A conference published for a future time is still private, so are its files."""
        self.conference.published_at = self.conference.published_at.replace(year=2999)
        self.conference.save()
        self.assertEqual(self.client.get(self.pdf.get_absolute_url()).status_code, 404)

    def test_staff_fetch_draft_files_uncached(self):
        """Staff previewing a draft get its file; the answer is never cached."""
        self.client.force_login(self.staff)
        response = self.client.get(self.draft_file.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(body(response), self.draft_file.file.open("rb").read())
        self.assertIn("no-cache", response["Cache-Control"])

    def test_unknown_pk_and_missing_file_are_404(self):
        """A pk no file has, and a row whose file is gone from disk, are 404s, not 500s."""
        missing = reverse("resolutions:conference-file", kwargs={"pk": 999999})
        self.assertEqual(self.client.get(missing).status_code, 404)
        self.docx.file.storage.delete(self.docx.file.name)
        self.assertEqual(self.client.get(self.docx.get_absolute_url()).status_code, 404)

    def test_pk_does_not_cross_between_file_tables(self):
        """A document file's pk never reaches a conference file through the wrong URL, or back."""
        document = make_document()
        document_file = DocumentFile.objects.create(
            document=document, file=File(io.BytesIO(pdf_bytes("Van ban")), name="vb.pdf")
        )
        # Make the two tables share a pk so that a mix-up would serve the wrong bytes.
        DocumentFile.objects.filter(pk=document_file.pk).update(id=self.draft_file.pk)
        document_file = DocumentFile.objects.get(pk=self.draft_file.pk)
        through_documents = self.client.get(document_file.get_absolute_url())
        self.assertEqual(through_documents.status_code, 200)
        self.assertEqual(body(through_documents), document_file.file.open("rb").read())
        # The same number on the conference route is the draft conference's file: hidden.
        conference_url = reverse("resolutions:conference-file", kwargs={"pk": document_file.pk})
        self.assertEqual(self.client.get(conference_url).status_code, 404)

    def test_post_not_allowed(self):
        """Downloads answer GET and HEAD only."""
        self.assertEqual(self.client.post(self.pdf.get_absolute_url()).status_code, 405)

    def test_page_links_to_the_view_not_media(self):
        """The conference page links files through the counting view, never /media/."""
        response = self.client.get(self.conference.get_absolute_url())
        self.assertContains(response, self.pdf.get_absolute_url())
        self.assertContains(response, self.pdf.get_view_url())
        self.assertContains(response, self.docx.get_absolute_url())
        self.assertNotContains(response, self.docx.get_view_url())
        self.assertNotContains(response, self.pdf.file.url)


class StorageFolderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.conference = make_conference()

    def test_files_and_photos_in_separate_folders(self):
        """Attachments go under conference-files/, photos under conferences/: a web server
        may serve the photos' folder and never the attachments'."""
        stored = conference_file(self.conference, "Bài phát biểu.pdf", pdf_bytes())
        photo = ConferencePhoto.objects.create(
            conference=self.conference,
            image=File(io.BytesIO(image_bytes("JPEG")), name="anh.jpg"),
            alt_text="Toàn cảnh hội nghị",
        )
        self.assertTrue(stored.file.name.startswith("conference-files/"))
        self.assertNotIn("phát", stored.file.name)
        self.assertTrue(photo.image.name.startswith("conferences/"))
        self.assertTrue(stored.file.url.startswith(settings.MEDIA_URL + "conference-files/"))
