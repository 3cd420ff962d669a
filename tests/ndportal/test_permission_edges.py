"""Side doors around the workflow: child-record pages, version restore, scheduling, preview."""

import datetime

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone
from reversion.models import Version

from ndportal.publishing import Status
from news.models import Article
from resolutions.models import DocumentFile
from tests.admin_forms import admin_url, form_data
from tests.factories import make_article, make_document, make_staff

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def attach(document, name="ban-ky.pdf"):
    attachment = DocumentFile(document=document, title="Bản ký")
    attachment.file.save(name, ContentFile(PDF), save=False)
    attachment.save()
    return attachment


class PublishedDocumentFileTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_staff("editor")
        cls.approver = make_staff("approver")
        cls.document = make_document(status=Status.PUBLISHED)

    def test_editor_cannot_add_a_file_to_a_published_document(self):
        """The file page refuses an editor's new file on a published document, with a message."""
        self.client.force_login(self.editor)
        upload = SimpleUploadedFile("them.pdf", PDF, content_type="application/pdf")
        response = self.client.post(
            admin_url(DocumentFile, "add"),
            {"document": self.document.pk, "title": "Tệp lạ", "file": upload, "order": 0},
        )
        self.assertContains(response, "chỉ người duyệt mới thêm được tệp")
        self.assertFalse(self.document.files.exists())

    def test_editor_cannot_change_or_delete_a_published_documents_file(self):
        """Changing or deleting a published document's file is refused to an editor."""
        attachment = attach(self.document)
        self.client.force_login(self.editor)
        page = self.client.get(admin_url(attachment))
        data = form_data(page) if page.status_code == 200 and page.context else {}
        self.client.post(admin_url(attachment), {**data, "title": "Bản giả"})
        self.client.post(admin_url(attachment, "delete"), {"post": "yes"})
        attachment.refresh_from_db()
        self.assertEqual(attachment.title, "Bản ký")

    def test_approver_changes_a_published_documents_file(self):
        """An approver may correct a published document's file title."""
        attachment = attach(self.document)
        self.client.force_login(self.approver)
        data = form_data(self.client.get(admin_url(attachment)))
        data["title"] = "Bản ký (đã đóng dấu)"
        self.client.post(admin_url(attachment), data)
        attachment.refresh_from_db()
        self.assertEqual(attachment.title, "Bản ký (đã đóng dấu)")


class VersionRestoreTests(TestCase):
    def test_editor_cannot_restore_an_old_version_over_a_published_item(self):
        """Restoring a draft version of a published article is refused to an editor (403)."""
        approver, editor = make_staff("approver"), make_staff("editor")
        article = make_article(title="Bản nháp cũ", status=Status.DRAFT, published_at=None)
        self.client.force_login(approver)
        self.client.post(admin_url(article), form_data(self.client.get(admin_url(article))))
        data = form_data(self.client.get(admin_url(article)))
        data.update(title="Bản đã xuất bản", _workflow="publish")
        self.client.post(admin_url(article), data)
        oldest = Version.objects.get_for_object(article).last()

        self.client.force_login(editor)
        url = admin_url(article, "history") + f"{oldest.pk}/"
        self.assertEqual(self.client.get(url).status_code, 403)
        self.assertEqual(self.client.post(url, {}).status_code, 403)
        article.refresh_from_db()
        self.assertEqual((article.status, article.title), (Status.PUBLISHED, "Bản đã xuất bản"))


class SchedulingRightTests(TestCase):
    def test_editor_cannot_set_the_publication_time(self):
        """An editor's posted publication time is ignored: scheduling is the approver's call."""
        article = make_article(status=Status.DRAFT, published_at=None)
        self.client.force_login(make_staff("editor"))
        data = form_data(self.client.get(admin_url(article)))
        data.update(published_at_0="01/01/2030", published_at_1="08:00:00")
        self.client.post(admin_url(article), data)
        article.refresh_from_db()
        self.assertIsNone(article.published_at)

    def test_bulk_publish_reports_scheduled_items_apart(self):
        """Bulk 'Xuất bản' says which items were only scheduled, not published."""
        future = make_article(
            status=Status.REVIEW, published_at=timezone.now() + datetime.timedelta(days=3)
        )
        self.client.force_login(make_staff("approver"))
        response = self.client.post(
            admin_url(Article, "changelist"),
            {"action": "publish_selected", "_selected_action": [future.pk]},
            follow=True,
        )
        shown = " ".join(str(message) for message in response.context["messages"])
        self.assertIn("đã hẹn giờ, chưa hiện trên cổng", shown)
        self.assertNotIn("Đã xuất bản 1 mục", shown)


class PreviewPermissionTests(TestCase):
    def test_staff_without_a_role_cannot_preview_or_download_drafts(self):
        """is_staff alone is not enough: preview needs the view permission of the item's kind."""
        article = make_article(status=Status.DRAFT, published_at=None)
        attachment = attach(make_document(status=Status.DRAFT, published_at=None), "du-thao.pdf")
        self.client.force_login(User.objects.create_user("khach", is_staff=True))
        self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 404)
        self.assertEqual(self.client.get(attachment.get_absolute_url()).status_code, 404)

    def test_editor_previews_and_downloads_drafts(self):
        """An editor (view permission through the role) previews drafts and their files."""
        article = make_article(status=Status.DRAFT, published_at=None)
        attachment = attach(make_document(status=Status.DRAFT, published_at=None), "du-thao.pdf")
        self.client.force_login(make_staff("editor"))
        self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 200)
        self.assertEqual(self.client.get(attachment.get_absolute_url()).status_code, 200)
