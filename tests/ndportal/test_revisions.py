"""Pending revisions of published items: saved apart from the live row, reviewed, applied."""

import datetime

import time_machine
from django.test import TestCase, override_settings
from django.utils import timezone
from reversion.models import Version

from ndportal import revisions
from ndportal.cache import content_version
from ndportal.publishing import Status
from ndportal.revisions import Revision, RevisionStatus
from news.models import Article, ArticlePhoto, Tag
from tests.admin_forms import admin_url, form_data
from tests.factories import (
    make_article,
    make_conference,
    make_document,
    make_page,
    make_staff,
)
from tests.image_files import image_bytes

TYPO = "<p>Hội nghi quán triệt nghị quyết.</p>"
FIXED = "<p>Hội nghị quán triệt nghị quyết.</p>"


def revision_url(item):
    return f"{admin_url(item)[: -len('change/')]}ban-sua/"


class RevisionTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_staff("editor", "bientap")
        cls.approver = make_staff("approver", "duyet")

    def edit(self, user, item, **changes):
        """Load the change page as `user`, change some fields, post it back."""
        self.client.force_login(user)
        page = self.client.get(admin_url(item))
        self.assertEqual(page.status_code, 200)
        data = form_data(page)
        data.update(changes)
        return self.client.post(admin_url(item), data)

    def act(self, user, item, action, **values):
        self.client.force_login(user)
        return self.client.post(revision_url(item), {"action": action, **values})


@override_settings(PAGE_CACHE_SECONDS=0)
class EditorSavesRevisionTests(RevisionTestCase):
    def test_saving_leaves_the_live_row_untouched(self):
        """An editor's save of a published article stores a revision; the row is unchanged."""
        article = make_article(title="Hội nghị quán triệt", body=TYPO)
        before = Article.objects.filter(pk=article.pk).values().get()
        response = self.edit(self.editor, article, body=FIXED, title="Hội nghị quán triệt (sửa)")
        self.assertRedirects(response, revision_url(article))
        self.assertEqual(Article.objects.filter(pk=article.pk).values().get(), before)
        revision = Revision.objects.get()
        self.assertEqual(revision.status, RevisionStatus.DRAFT)
        self.assertEqual(revision.author, self.editor)
        self.assertEqual(revision.data["fields"]["body"], FIXED)
        self.assertEqual(revision.base_version, before["version"])

    def test_change_form_reopens_on_the_revision(self):
        """The editor's next visit shows the revision's values and the pending banner."""
        article = make_article(title="Tiêu đề đang hiện")
        self.edit(self.editor, article, title="Tiêu đề trong bản sửa")
        page = self.client.get(admin_url(article))
        self.assertContains(page, "Đang có bản sửa chờ duyệt")
        self.assertContains(page, 'value="Tiêu đề trong bản sửa"')
        self.assertContains(page, "Gửi duyệt thay đổi")
        self.assertNotContains(page, 'name="_workflow"')

    def test_second_save_updates_the_same_revision(self):
        """One pending revision per item: saving again replaces its content."""
        article = make_article(title="Một")
        self.edit(self.editor, article, title="Hai")
        self.edit(self.editor, article, title="Ba", _revision="submit")
        revision = Revision.objects.get()
        self.assertEqual(revision.data["fields"]["title"], "Ba")
        self.assertEqual(revision.status, RevisionStatus.REVIEW)

    def test_stale_revision_form_is_refused(self):
        """A form loaded before a colleague saved the revision does not overwrite their work."""
        article = make_article(title="Một")
        self.client.force_login(self.editor)
        stale = form_data(self.client.get(admin_url(article)))
        self.edit(make_staff("editor", "bientap2"), article, title="Của người thứ nhất")
        self.client.force_login(self.editor)
        stale["title"] = "Của người thứ hai"
        response = self.client.post(admin_url(article), stale)
        self.assertContains(response, "CHƯA được lưu")
        self.assertEqual(Revision.objects.get().data["fields"]["title"], "Của người thứ nhất")

    def test_workflow_buttons_cannot_bypass_the_revision(self):
        """A crafted 'publish' or status change from an editor is refused; nothing is written."""
        article = make_article(title="Đang hiện")
        for extra in ({"_workflow": "publish"}, {"_workflow": "unpublish"}):
            with self.subTest(extra=extra):
                response = self.edit(self.editor, article, title="Sửa trộm", **extra)
                self.assertEqual(response.status_code, 200)
                article.refresh_from_db()
                self.assertEqual((article.title, article.status), ("Đang hiện", Status.PUBLISHED))
        self.edit(self.editor, article, title="Sửa trộm", status=Status.DRAFT)
        article.refresh_from_db()
        self.assertEqual(article.status, Status.PUBLISHED)
        self.assertNotIn("status", Revision.objects.get().data["fields"])

    def test_editor_cannot_restore_an_old_version_over_the_live_row(self):
        """Reversion's restore page is refused to an editor on a published item."""
        article = make_article(title="Đang hiện")
        self.approve_edit(article)
        version = Version.objects.get_for_object(article).last()
        self.client.force_login(self.editor)
        url = admin_url(article, "history") + f"{version.pk}/"
        self.assertEqual(self.client.get(url).status_code, 403)

    def approve_edit(self, article):
        self.edit(self.approver, article, title="Duyệt sửa trực tiếp")

    def test_every_kind_goes_through_a_revision(self):
        """Documents, conferences and pages also keep their live row until approval."""
        for make in (make_document, make_conference, make_page):
            with self.subTest(kind=make.__name__):
                item = make(title="Tiêu đề gốc")
                self.edit(self.editor, item, title="Tiêu đề mới", _revision="submit")
                item.refresh_from_db()
                self.assertEqual(item.title, "Tiêu đề gốc")
                response = self.act(self.approver, item, "publish")
                self.assertEqual(response.status_code, 302)
                item.refresh_from_db()
                self.assertEqual(item.title, "Tiêu đề mới")
                self.assertFalse(Revision.objects.for_item(item).exists())


@override_settings(PAGE_CACHE_SECONDS=0)
class ReviewTests(RevisionTestCase):
    def setUp(self):
        self.article = make_article(title="Hội nghị quán triệt", body=TYPO)
        self.edit(self.editor, self.article, body=FIXED, _revision="submit")

    def test_queue_lists_the_revision_for_the_approver(self):
        """The admin index shows 'Đang có bản sửa chờ duyệt' with the item to the approver."""
        self.client.force_login(self.approver)
        page = self.client.get("/admin/")
        self.assertContains(page, "Đang có bản sửa chờ duyệt")
        self.assertContains(page, f'href="{revision_url(self.article)}"')

    def test_diff_shows_the_corrected_word(self):
        """The revision page compares with the live version word by word."""
        self.client.force_login(self.approver)
        page = self.client.get(revision_url(self.article))
        self.assertContains(page, "<del>nghi</del>", html=False)
        self.assertContains(page, "<ins>nghị</ins>", html=False)
        self.assertContains(page, 'value="publish"')

    def test_editor_sees_no_publish_button_and_cannot_post_one(self):
        """Publishing a revision is the approver's: the editor's POST changes nothing."""
        self.client.force_login(self.editor)
        page = self.client.get(revision_url(self.article))
        self.assertNotContains(page, 'value="publish"')
        self.act(self.editor, self.article, "publish")
        self.article.refresh_from_db()
        self.assertEqual(self.article.body, TYPO)
        self.assertEqual(Revision.objects.get().status, RevisionStatus.REVIEW)

    def test_publish_replaces_the_live_version_and_keeps_history(self):
        """Publishing writes the revision onto the same row and URL; history has both."""
        url = self.article.get_absolute_url()
        old = self.client.get(url)
        self.assertContains(old, "Hội nghi quán")
        version = content_version()
        self.act(self.approver, self.article, "publish")
        self.article.refresh_from_db()
        self.assertEqual(self.article.body, FIXED)
        self.assertEqual(self.article.get_absolute_url(), url)
        self.assertEqual(self.article.status, Status.PUBLISHED)
        self.assertNotEqual(content_version(), version)
        self.client.logout()
        self.assertContains(self.client.get(url), "Hội nghị quán")
        bodies = [v.field_dict["body"] for v in Version.objects.get_for_object(self.article)]
        self.assertEqual(set(bodies), {TYPO, FIXED})
        self.assertFalse(Revision.objects.exists())
        self.assertIn(" nghi ", Article.objects.get(pk=self.article.pk).search_body)

    def test_return_needs_a_comment_and_shows_it_to_the_editor(self):
        """Returning asks for a reason; the editor then sees it on the form and the desk."""
        self.act(self.approver, self.article, "return", note="")
        self.assertEqual(Revision.objects.get().status, RevisionStatus.REVIEW)
        self.act(self.approver, self.article, "return", note="Sửa thêm chữ “quán triệt”.")
        self.assertEqual(Revision.objects.get().status, RevisionStatus.RETURNED)
        self.client.force_login(self.editor)
        self.assertContains(self.client.get(admin_url(self.article)), "Sửa thêm chữ")
        self.assertContains(self.client.get("/admin/"), "Bản sửa bị trả lại cho bạn")
        self.article.refresh_from_db()
        self.assertEqual(self.article.body, TYPO)

    def test_discard_keeps_the_live_row(self):
        """Discarding the revision deletes it and leaves the published item as it was."""
        self.act(self.editor, self.article, "discard")
        self.assertFalse(Revision.objects.exists())
        self.article.refresh_from_db()
        self.assertEqual(self.article.body, TYPO)

    def test_scheduled_revision_is_applied_when_due(self):
        """A scheduled revision waits for its time, then the worker applies it."""
        when = timezone.now() + datetime.timedelta(hours=2)
        local = timezone.localtime(when).strftime("%Y-%m-%dT%H:%M")
        self.act(self.approver, self.article, "schedule", publish_at=local)
        revision = Revision.objects.get()
        self.assertEqual(revision.status, RevisionStatus.SCHEDULED)
        self.assertEqual(revisions.apply_due_revisions(), 0)
        self.article.refresh_from_db()
        self.assertEqual(self.article.body, TYPO)
        with time_machine.travel(when + datetime.timedelta(minutes=1)):
            version = content_version()
            self.assertEqual(revisions.apply_due_revisions(), 1)
            self.assertNotEqual(content_version(), version)
        self.article.refresh_from_db()
        self.assertEqual(self.article.body, FIXED)

    def test_schedule_in_the_past_is_refused(self):
        """A scheduling time must lie ahead."""
        past = timezone.localtime(timezone.now() - datetime.timedelta(hours=1))
        self.act(
            self.approver, self.article, "schedule", publish_at=past.strftime("%Y-%m-%dT%H:%M")
        )
        self.assertEqual(Revision.objects.get().status, RevisionStatus.REVIEW)

    def test_editing_a_scheduled_revision_needs_a_new_review(self):
        """A change after scheduling sends the revision back to draft."""
        when = timezone.localtime(timezone.now() + datetime.timedelta(hours=2))
        self.act(
            self.approver, self.article, "schedule", publish_at=when.strftime("%Y-%m-%dT%H:%M")
        )
        self.edit(self.editor, self.article, lead="Sapo mới.")
        revision = Revision.objects.get()
        self.assertEqual((revision.status, revision.publish_at), (RevisionStatus.DRAFT, None))


@override_settings(PAGE_CACHE_SECONDS=0)
class RelatedRowsTests(RevisionTestCase):
    def test_tags_and_photos_wait_for_the_revision(self):
        """Many-to-many choices and inline rows change only when the revision is published."""
        article = make_article(title="Có ảnh")
        kept = ArticlePhoto.objects.create(
            article=article, image="news/a.jpg", caption="Chú thích cũ", alt_text="Ảnh A"
        )
        dropped = ArticlePhoto.objects.create(
            article=article, image="news/b.jpg", caption="Ảnh bỏ", alt_text="Ảnh B"
        )
        tag = Tag.objects.create(name="chuyển đổi số")
        self.client.force_login(self.editor)
        data = form_data(self.client.get(admin_url(article)))
        data["tags"] = [str(tag.pk)]
        rows = {data[f"photos-{i}-id"]: i for i in range(2)}
        data[f"photos-{rows[str(kept.pk)]}-caption"] = "Chú thích mới"
        data[f"photos-{rows[str(dropped.pk)]}-DELETE"] = "on"
        self.client.post(admin_url(article), data)
        self.assertEqual(list(article.tags.all()), [])
        self.assertEqual(article.photos.count(), 2)
        kept.refresh_from_db()
        self.assertEqual(kept.caption, "Chú thích cũ")

        page = self.client.get(admin_url(article))
        self.assertContains(page, 'value="Chú thích mới"')
        self.assertNotContains(page, "Ảnh bỏ")

        self.client.force_login(self.approver)
        self.client.post(revision_url(article), {"action": "publish"})
        self.assertEqual(list(article.tags.all()), [tag])
        self.assertEqual(list(article.photos.values_list("caption", flat=True)), ["Chú thích mới"])
        self.assertIn("chuyen doi so", Article.objects.get(pk=article.pk).search_summary)

    def test_new_photo_is_stored_for_the_revision_only(self):
        """A photo uploaded in a revision is kept by it, listed on the form, added on publish."""
        article = make_article(title="Thêm ảnh")
        self.client.force_login(self.editor)
        data = form_data(self.client.get(admin_url(article)))
        data.update(
            {
                "photos-TOTAL_FORMS": "1",
                "photos-0-caption": "Ảnh mới",
                "photos-0-alt_text": "Quang cảnh",
                "photos-0-order": "0",
                "photos-0-image": jpeg_file(),
            }
        )
        self.client.post(admin_url(article), data)
        self.assertEqual(article.photos.count(), 0)
        self.assertContains(self.client.get(admin_url(article)), "Ảnh mới")
        self.edit(self.editor, article, lead="Sapo sửa.")  # a second save keeps the new photo
        self.act(self.approver, article, "publish")
        photo = article.photos.get()
        self.assertEqual(photo.caption, "Ảnh mới")
        self.assertTrue(photo.image.name.startswith("news/"))


def jpeg_file():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("anh.jpg", image_bytes("JPEG"), content_type="image/jpeg")


@override_settings(PAGE_CACHE_SECONDS=0)
class QueueQueryTests(RevisionTestCase):
    def pending(self, count):
        for number in range(count):
            item = make_article(title=f"Bài đang hiện {number}")
            Revision.objects.create(
                item=item,
                data={"fields": {"title": f"Bài sửa {number}"}},
                status=RevisionStatus.REVIEW,
                author=self.editor,
            )

    def test_queue_queries_do_not_grow_with_revisions(self):
        """The admin index runs as many queries for 5 pending revisions as for 1."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.client.force_login(self.approver)
        self.pending(1)
        self.client.get("/admin/")
        with CaptureQueriesContext(connection) as one:
            self.assertContains(self.client.get("/admin/"), "Bài đang hiện 0")
        self.pending(4)
        with CaptureQueriesContext(connection) as five:
            page = self.client.get("/admin/")
        self.assertContains(page, "Bài đang hiện 3")
        self.assertEqual(len(five), len(one))


@override_settings(PAGE_CACHE_SECONDS=0)
class WorkerTests(RevisionTestCase):
    def test_scheduling_queues_the_worker_at_the_chosen_time(self):
        """With the database task backend the task waits in the queue until `publish_at`."""
        from django_tasks_db.models import DBTaskResult

        article = make_article(body=TYPO)
        self.edit(self.editor, article, body=FIXED, _revision="submit")
        when = timezone.localtime(timezone.now() + datetime.timedelta(hours=3)).replace(
            second=0, microsecond=0
        )
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
            with self.captureOnCommitCallbacks(execute=True):
                self.act(
                    self.approver, article, "schedule", publish_at=when.strftime("%Y-%m-%dT%H:%M")
                )
        task = DBTaskResult.objects.get()
        self.assertEqual(task.run_after, when)
        self.assertTrue(task.task_path.endswith("apply_revisions_when_due"))
