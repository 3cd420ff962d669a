"""The document admin: clear messages instead of 500s, relations, renumbering, flags."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from resolutions.models import Document, DocumentAlias, DocumentFile, DocumentRelation
from tests.admin_forms import form_data
from tests.document_files import pdf_bytes, stored_files
from tests.factories import make_document, make_document_type, make_issuing_body

FORM_ID = "document_form"


class DocumentAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("admin", "a@example.com", "x")
        cls.doc_type = make_document_type()
        cls.body = make_issuing_body()
        cls.existing = make_document(number="01-NQ/TU", issued_on=datetime.date(2021, 7, 30))
        cls.other = make_document(number="02-NQ/TU", issued_on=datetime.date(2021, 8, 2))

    def setUp(self):
        self.client.force_login(self.admin)

    def add_data(self, **overrides):
        data = form_data(self.client.get(reverse("admin:resolutions_document_add")), FORM_ID)
        data.update(
            number="05-NQ/TU",
            title="về phát triển kinh tế biển",
            doc_type=self.doc_type.pk,
            issuing_body=self.body.pk,
            issued_on="2021-07-30",
            status="draft",
        )
        data.update(overrides)
        return data

    def test_add_and_change_pages_render(self):
        """Changelist (with every filter), add and change pages answer 200."""
        self.assertEqual(
            self.client.get(reverse("admin:resolutions_document_changelist")).status_code, 200
        )
        for query in ["?hieu_luc=expired", "?tep_loi=1", "?hieu_luc=nope"]:
            url = reverse("admin:resolutions_document_changelist") + query
            self.assertEqual(self.client.get(url).status_code, 200)
        url = reverse("admin:resolutions_document_change", args=[self.existing.pk])
        self.assertEqual(self.client.get(url).status_code, 200)

    def test_add_document(self):
        """A valid form creates the document."""
        response = self.client.post(reverse("admin:resolutions_document_add"), self.add_data())
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Document.objects.filter(number="05-NQ/TU").exists())

    def test_duplicate_is_a_message_not_a_500(self):
        """Number + body + date already used: the form shows the Vietnamese message."""
        response = self.client.post(
            reverse("admin:resolutions_document_add"), self.add_data(number="01-NQ/TU")
        )
        self.assertContains(response, "Đã có văn bản cùng số ký hiệu, cơ quan và ngày ban hành.")
        self.assertEqual(Document.objects.filter(number="01-NQ/TU").count(), 1)

    def test_number_clash_is_a_message(self):
        """A KH number on a Nghị quyết is refused in the form."""
        response = self.client.post(
            reverse("admin:resolutions_document_add"), self.add_data(number="15-KH/TU")
        )
        self.assertContains(response, "Số ký hiệu mang ký hiệu loại “KH”")
        self.assertFalse(Document.objects.filter(number="15-KH/TU").exists())

    def relation_data(self, document, target, kind):
        url = reverse("admin:resolutions_document_change", args=[document.pk])
        data = form_data(self.client.get(url), FORM_ID)
        prefix = "outgoing_relations"
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "1",
                f"{prefix}-0-kind": kind,
                f"{prefix}-0-target": target.pk,
                f"{prefix}-0-source": document.pk,
            }
        )
        return url, data

    def test_relation_entered_once_shows_on_both(self):
        """A relation added on one document is listed on the other's admin page."""
        url, data = self.relation_data(self.other, self.existing, "replaces")
        self.assertEqual(self.client.post(url, data).status_code, 302)
        page = self.client.get(
            reverse("admin:resolutions_document_change", args=[self.existing.pk])
        )
        self.assertContains(page, "Bị thay thế bởi")

    def test_self_relation_refused_in_admin(self):
        """Relating a document to itself is a form error."""
        url, data = self.relation_data(self.existing, self.existing, "amends")
        response = self.client.post(url, data)
        self.assertContains(response, "không thể liên quan đến chính nó")
        self.assertFalse(DocumentRelation.objects.exists())

    def test_cycle_refused_in_admin(self):
        """A replacement cycle is a form error."""
        DocumentRelation.objects.create(source=self.other, kind="replaces", target=self.existing)
        url, data = self.relation_data(self.existing, self.other, "replaces")
        response = self.client.post(url, data)
        self.assertContains(response, "vòng thay thế")
        self.assertEqual(DocumentRelation.objects.count(), 1)

    def test_renumbering_keeps_old_address(self):
        """Changing the number records the old URL, which then redirects (301)."""
        old_url = self.existing.get_absolute_url()
        url = reverse("admin:resolutions_document_change", args=[self.existing.pk])
        data = form_data(self.client.get(url), FORM_ID)
        data.update(number="11-NQ/TU", status="published")
        self.assertEqual(self.client.post(url, data).status_code, 302)
        self.existing.refresh_from_db()
        self.assertTrue(
            DocumentAlias.objects.filter(document=self.existing, slug="01-nq-tu").exists()
        )
        self.client.logout()
        response = self.client.get(old_url)
        self.assertRedirects(
            response,
            self.existing.get_absolute_url(),
            status_code=301,
            fetch_redirect_response=False,
        )

    def test_lying_file_in_document_inline_leaves_nothing(self):
        """An HTML page named .pdf in the document's file inline is refused; nothing is stored."""
        url = reverse("admin:resolutions_document_change", args=[self.existing.pk])
        data = form_data(self.client.get(url), FORM_ID)
        data.update(
            {
                "files-TOTAL_FORMS": "1",
                "files-0-title": "Bản ký",
                "files-0-order": "0",
                "files-0-document": self.existing.pk,
                "files-0-file": SimpleUploadedFile("ban-ky.pdf", b"<html><script>x</script>"),
            }
        )
        response = self.client.post(url, data)
        self.assertContains(response, "Nội dung tệp không phải PDF")
        self.assertFalse(DocumentFile.objects.exists())
        self.assertEqual(stored_files(), [])

    def test_flagged_file_shows_in_lists(self):
        """A file whose text could not be read is flagged in both admin lists."""
        with self.captureOnCommitCallbacks(execute=True):
            DocumentFile.objects.create(
                document=self.existing, file=File(io.BytesIO(b"%PDF-1.4 broken"), name="hong.pdf")
            )
        response = self.client.get(reverse("admin:resolutions_document_changelist"))
        self.assertContains(response, "1 tệp lỗi chữ")
        response = self.client.get(
            reverse("admin:resolutions_documentfile_changelist") + "?extraction=failed"
        )
        self.assertContains(response, "hong")

    def test_reextract_action(self):
        """The admin action re-reads selected files."""
        stored = DocumentFile.objects.create(
            document=self.existing, file=File(io.BytesIO(pdf_bytes("Kinh te bien")), name="a.pdf")
        )
        DocumentFile.objects.filter(pk=stored.pk).update(text="")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse("admin:resolutions_documentfile_changelist"),
                {"action": "reextract", "_selected_action": [stored.pk]},
            )
        stored.refresh_from_db()
        self.assertIn("Kinh te bien", stored.text)
