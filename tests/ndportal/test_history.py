"""History that loses nothing: versions, a readable diff, restore, recovery of deleted items."""

from django.core.files.base import ContentFile
from django.test import TestCase
from reversion.models import Version

from ndportal.publishing import Status
from resolutions.models import Document, DocumentFile
from tests.admin_forms import admin_url, form_data
from tests.factories import make_article, make_conference, make_document, make_staff


class HistoryTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.approver = make_staff("approver")

    def setUp(self):
        self.client.force_login(self.approver)

    def save_in_admin(self, item, **changes):
        data = form_data(self.client.get(admin_url(item)))
        data.update(changes)
        response = self.client.post(admin_url(item), data)
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        return response


class VersionTests(HistoryTestCase):
    def test_every_admin_save_keeps_a_version_with_its_author(self):
        """Two saves in the admin give two versions, each with who saved it."""
        article = make_article(title="Tiêu đề ban đầu")
        self.save_in_admin(article, title="Tiêu đề thứ hai")
        self.save_in_admin(article, title="Tiêu đề thứ ba")
        versions = Version.objects.get_for_object(article)
        self.assertEqual(versions.count(), 2)
        self.assertEqual({v.revision.user for v in versions}, {self.approver})
        history = self.client.get(admin_url(article, "history"))
        self.assertContains(history, 'diff/">Xem thay đổi</a>', count=2)

    def test_diff_shows_what_changed(self):
        """The diff page marks removed and added words and leaves unchanged fields out."""
        article = make_article(title="Hội nghị cán bộ chủ chốt", lead="Sapo cũ.")
        self.save_in_admin(article)
        self.save_in_admin(article, title="Hội nghị cán bộ toàn tỉnh")
        newest = Version.objects.get_for_object(article).first()
        response = self.client.get(admin_url(article, "history") + f"{newest.pk}/diff/")
        self.assertContains(response, "<del>Hội nghị cán bộ chủ chốt</del>", html=True)
        self.assertContains(response, "<ins>Hội nghị cán bộ toàn tỉnh</ins>", html=True)
        self.assertNotContains(response, "Sapo cũ.")

    def test_diff_of_rich_text_is_word_level(self):
        """In the body only the changed words are marked, not the whole paragraph."""
        article = make_article(body="<p>Phát triển kinh tế biển bền vững.</p>")
        self.save_in_admin(article)
        self.save_in_admin(article, body="<p>Phát triển kinh tế xanh bền vững.</p>")
        newest = Version.objects.get_for_object(article).first()
        response = self.client.get(admin_url(article, "history") + f"{newest.pk}/diff/")
        self.assertContains(response, "<del>biển</del>", html=True)
        self.assertContains(response, "<ins>xanh</ins>", html=True)

    def test_rewrapped_rich_text_is_not_a_change(self):
        """Line breaks the editor adds inside a paragraph do not show as a change."""
        from ndportal.history import diff_versions
        from news.models import Article

        article = make_article(body="<p>Phát triển kinh tế biển bền vững.</p>")
        self.save_in_admin(article)
        self.save_in_admin(
            article, title="Tiêu đề mới", body="<p>Phát triển kinh tế\nbiển bền vững.</p>"
        )
        newer, older = Version.objects.get_for_object(article)[:2]
        labels = [row.label for row in diff_versions(Article, older, newer)]
        self.assertEqual(labels, ["Tiêu đề"])

    def test_restore_an_old_version(self):
        """Opening an old version and saving it brings its content back."""
        article = make_article(title="Bản đúng")
        self.save_in_admin(article)
        self.save_in_admin(article, title="Bản sửa nhầm")
        oldest = Version.objects.get_for_object(article).last()
        revision_url = admin_url(article, "history") + f"{oldest.pk}/"
        page = self.client.get(revision_url)
        self.assertContains(page, "Bản đúng")
        response = self.client.post(revision_url, form_data(page))
        self.assertEqual(response.status_code, 302)
        article.refresh_from_db()
        self.assertEqual(article.title, "Bản đúng")

    def test_editor_cannot_see_history_of_other_models_diff_without_permission(self):
        """The diff view is for admin users with access to the model; others are refused."""
        article = make_article()
        self.save_in_admin(article)
        version = Version.objects.get_for_object(article).first()
        self.client.logout()
        response = self.client.get(admin_url(article, "history") + f"{version.pk}/diff/")
        self.assertEqual(response.status_code, 302)  # to the login page


class RecoveryTests(HistoryTestCase):
    def test_recover_a_deleted_document_with_its_file(self):
        """A deleted document comes back with its attached file, which still opens."""
        document = make_document(title="về văn bản sẽ bị xóa", status=Status.DRAFT)
        attachment = DocumentFile(document=document, title="Bản ký")
        attachment.file.save("ban-ky.pdf", ContentFile(b"%PDF-1.4 noi dung ky so"), save=False)
        attachment.save()
        stored_name = attachment.file.name
        self.save_in_admin(document)
        pk = document.pk

        response = self.client.post(admin_url(document, "delete"), {"post": "yes"})
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Document.objects.filter(pk=pk).exists())
        self.assertFalse(DocumentFile.objects.filter(document_id=pk).exists())

        recover_list = self.client.get(admin_url(Document, "recoverlist"))
        self.assertContains(recover_list, str(document))
        deleted = Version.objects.get_deleted(Document).get(object_id=str(pk))
        recover_url = admin_url(Document, "recover", deleted.pk)
        response = self.client.post(recover_url, form_data(self.client.get(recover_url)))
        self.assertEqual(response.status_code, 302)

        document = Document.objects.get(pk=pk)
        self.assertEqual(document.title, "về văn bản sẽ bị xóa")
        recovered = document.files.get()
        self.assertEqual(recovered.file.name, stored_name)
        with recovered.file.open("rb") as handle:
            self.assertEqual(handle.read(), b"%PDF-1.4 noi dung ky so")

    def test_editor_cannot_bring_back_a_published_item(self):
        """Recovering a deleted published article would publish it: an editor is refused."""
        article = make_article(title="Bài đã đăng rồi bị xóa")
        self.save_in_admin(article)
        pk = article.pk
        self.client.post(admin_url(article, "delete"), {"post": "yes"})
        deleted = Version.objects.get_deleted(type(article)).get(object_id=str(pk))
        recover_url = admin_url(type(article), "recover", deleted.pk)
        editor = make_staff("editor")
        self.client.force_login(editor)
        self.client.post(recover_url, {"title": "x"})
        self.assertFalse(type(article).objects.filter(pk=pk).exists())

    def test_recover_a_deleted_conference_with_its_sites(self):
        """A deleted conference comes back with its connected sites."""
        conference = make_conference(title="Hội nghị trực tuyến sẽ bị xóa")
        conference.sites.create(name="Điểm cầu Hải Hậu", attendance=120)
        self.save_in_admin(conference)
        pk = conference.pk
        self.client.post(admin_url(conference, "delete"), {"post": "yes"})
        self.assertFalse(type(conference).objects.filter(pk=pk).exists())
        deleted = Version.objects.get_deleted(type(conference)).get(object_id=str(pk))
        recover_url = admin_url(type(conference), "recover", deleted.pk)
        self.client.post(recover_url, form_data(self.client.get(recover_url)))
        conference = type(conference).objects.get(pk=pk)
        self.assertEqual(
            list(conference.sites.values_list("name", flat=True)), ["Điểm cầu Hải Hậu"]
        )


class ProtectOnDeleteTests(HistoryTestCase):
    def test_document_studied_by_a_conference_is_not_deleted(self):
        """Deleting a document that conferences and articles refer to is refused with the list."""
        document = make_document(title="về chuyển đổi số")
        conference = make_conference(title="Hội nghị quán triệt chuyển đổi số")
        conference.documents.add(document)
        article = make_article(title="Tin về nghị quyết chuyển đổi số")
        article.documents.add(document)

        page = self.client.get(admin_url(document, "delete"))
        self.assertContains(page, "Không thể xóa vì còn nội dung khác dẫn chiếu đến mục này")
        self.assertContains(page, "Hội nghị quán triệt chuyển đổi số")
        self.assertContains(page, "Tin về nghị quyết chuyển đổi số")
        self.client.post(admin_url(document, "delete"), {"post": "yes"})
        self.assertTrue(Document.objects.filter(pk=document.pk).exists())
        self.assertTrue(conference.documents.filter(pk=document.pk).exists())

    def test_document_target_of_a_relation_is_not_deleted(self):
        """A document another document is based on cannot be deleted from under it."""
        base = make_document(title="về nhiệm vụ gốc")
        plan = make_document(title="kế hoạch thực hiện")
        plan.outgoing_relations.create(kind="implements", target=base)
        self.client.post(admin_url(base, "delete"), {"post": "yes"})
        self.assertTrue(Document.objects.filter(pk=base.pk).exists())

    def test_bulk_delete_is_refused_too(self):
        """The changelist's delete action refuses the same way."""
        document = make_document()
        make_conference().documents.add(document)
        response = self.client.post(
            admin_url(Document, "changelist"),
            {"action": "delete_selected", "_selected_action": [document.pk], "post": "yes"},
        )
        self.assertContains(response, "Không thể xóa")
        self.assertTrue(Document.objects.filter(pk=document.pk).exists())

    def test_unreferenced_document_is_deleted(self):
        """A document nothing refers to is deleted normally."""
        document = make_document()
        response = self.client.post(admin_url(document, "delete"), {"post": "yes"})
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Document.objects.filter(pk=document.pk).exists())


class OptimisticLockingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first = make_staff("editor", "bientap1")
        cls.second = make_staff("editor", "bientap2")

    def test_second_stale_save_is_refused_and_first_work_kept(self):
        """Two editors open the same draft; the second save is refused, the first is kept."""
        article = make_article(status=Status.DRAFT, published_at=None, title="Bản gốc")
        first, second = self.client_class(), self.client_class()
        first.force_login(self.first)
        second.force_login(self.second)
        first_data = form_data(first.get(admin_url(article)))
        second_data = form_data(second.get(admin_url(article)))

        first_data["title"] = "Sửa của người thứ nhất"
        self.assertEqual(first.post(admin_url(article), first_data).status_code, 302)

        second_data["title"] = "Sửa của người thứ hai"
        response = second.post(admin_url(article), second_data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "thay đổi của bạn CHƯA được lưu")
        self.assertContains(response, "bientap1")
        article.refresh_from_db()
        self.assertEqual(article.title, "Sửa của người thứ nhất")

        fresh = form_data(second.get(admin_url(article)))
        fresh["title"] = "Sửa của người thứ hai"
        self.assertEqual(second.post(admin_url(article), fresh).status_code, 302)
        article.refresh_from_db()
        self.assertEqual(article.title, "Sửa của người thứ hai")

    def test_restoring_an_old_version_makes_open_forms_stale(self):
        """A form opened before a restore from history is refused after it."""
        approver = make_staff("approver", "duyet1")
        article = make_article(status=Status.DRAFT, published_at=None, title="Bản một")
        self.client.force_login(approver)
        data = form_data(self.client.get(admin_url(article)))
        self.client.post(admin_url(article), data)
        data = form_data(self.client.get(admin_url(article)))
        data["title"] = "Bản hai"
        self.client.post(admin_url(article), data)

        stale = self.client_class()
        stale.force_login(self.first)
        stale_data = form_data(stale.get(admin_url(article)))

        oldest = Version.objects.get_for_object(article).last()
        revision_url = admin_url(article, "history") + f"{oldest.pk}/"
        self.client.post(revision_url, form_data(self.client.get(revision_url)))
        article.refresh_from_db()
        self.assertEqual(article.title, "Bản một")

        stale_data["title"] = "Ghi đè"
        self.assertContains(stale.post(admin_url(article), stale_data), "CHƯA được lưu")
        article.refresh_from_db()
        self.assertEqual(article.title, "Bản một")

    def test_workflow_step_makes_open_forms_stale(self):
        """A bulk step taken meanwhile also counts as a newer version."""
        from ndportal.workflow import item_submit

        article = make_article(status=Status.DRAFT, published_at=None)
        self.client.force_login(self.first)
        data = form_data(self.client.get(admin_url(article)))
        item_submit(item=article, user=self.second)
        data["title"] = "Muộn"
        response = self.client.post(admin_url(article), data)
        self.assertContains(response, "CHƯA được lưu")
        article.refresh_from_db()
        self.assertEqual(article.status, Status.REVIEW)
