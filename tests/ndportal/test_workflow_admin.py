"""Each role × each workflow step, driven through the admin as a browser would."""

import datetime

from django.contrib.messages import get_messages
from django.test import TestCase
from django.utils import timezone

from ndportal.publishing import Status
from tests.admin_forms import admin_url, form_data, local_parts
from tests.factories import make_article, make_conference, make_document, make_staff

BUILDERS = {"article": make_article, "document": make_document, "conference": make_conference}


class WorkflowTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_staff("editor")
        cls.approver = make_staff("approver")
        cls.administrator = make_staff("admin")

    def post_change(self, user, item, **changes):
        """Load the change page as `user`, change some fields, post it back."""
        self.client.force_login(user)
        data = form_data(self.client.get(admin_url(item)))
        data.update(changes)
        return self.client.post(admin_url(item), data)

    def assertStatus(self, item, status):
        item.refresh_from_db()
        self.assertEqual(item.status, status)


class EditorTests(WorkflowTestCase):
    def test_editor_submits_a_draft_with_the_button(self):
        """An editor's 'Gửi duyệt' moves a draft of every kind to review."""
        for kind, make in BUILDERS.items():
            with self.subTest(kind=kind):
                item = make(status=Status.DRAFT, published_at=None)
                response = self.post_change(self.editor, item, _workflow="submit")
                self.assertEqual(response.status_code, 302)
                self.assertStatus(item, Status.REVIEW)

    def test_editor_submits_with_the_status_field(self):
        """Choosing 'Chờ duyệt' in the status field is the same step as the button."""
        item = make_article(status=Status.DRAFT, published_at=None)
        self.post_change(self.editor, item, status=Status.REVIEW)
        self.assertStatus(item, Status.REVIEW)

    def test_editor_posting_published_status_is_refused(self):
        """An editor who posts status=published gets an error and nothing changes."""
        for kind, make in BUILDERS.items():
            with self.subTest(kind=kind):
                item = make(status=Status.DRAFT, published_at=None, title=f"Nháp {kind}")
                response = self.post_change(
                    self.editor, item, status=Status.PUBLISHED, title="Đổi tiêu đề"
                )
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Bạn không có quyền chọn trạng thái này")
                item.refresh_from_db()
                self.assertEqual(item.status, Status.DRAFT)
                self.assertEqual(item.title, f"Nháp {kind}")

    def test_editor_publish_button_is_refused(self):
        """A forged 'Xuất bản' button from an editor is refused and nothing changes."""
        item = make_article(status=Status.REVIEW, published_at=None)
        response = self.post_change(self.editor, item, _workflow="publish")
        self.assertContains(response, "chỉ người duyệt mới xuất bản")
        self.assertStatus(item, Status.REVIEW)

    def test_editor_cannot_return_or_archive(self):
        """Return and archive need the publish permission."""
        for action in ("return", "archive"):
            with self.subTest(action=action):
                item = make_article(status=Status.REVIEW, published_at=None)
                response = self.post_change(
                    self.editor, item, _workflow=action, review_note="Sửa lại"
                )
                self.assertEqual(response.status_code, 200)
                self.assertStatus(item, Status.REVIEW)

    def test_editor_cannot_unpublish_a_published_item(self):
        """An editor's change to a published item never reaches the live row (a revision does)."""
        item = make_article(title="Đã đăng")
        response = self.post_change(
            self.editor, item, title="Sửa trộm", status=Status.DRAFT, _workflow="unpublish"
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Bạn không có quyền")
        item.refresh_from_db()
        self.assertEqual((item.title, item.status), ("Đã đăng", Status.PUBLISHED))

    def test_editor_cannot_change_an_archived_item(self):
        """An archived item is read-only for an editor; a POST is forbidden and changes nothing."""
        item = make_article(title="Lưu trữ", status=Status.ARCHIVED)
        self.client.force_login(self.editor)
        page = self.client.get(admin_url(item))
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, 'name="_save"')
        response = self.client.post(admin_url(item), {"title": "Sửa trộm"})
        self.assertEqual(response.status_code, 403)
        item.refresh_from_db()
        self.assertEqual(item.title, "Lưu trữ")

    def test_editor_can_withdraw_from_review(self):
        """An editor may pull their own submission back to draft."""
        item = make_article(status=Status.REVIEW, published_at=None)
        self.post_change(self.editor, item, status=Status.DRAFT)
        self.assertStatus(item, Status.DRAFT)

    def test_editor_sees_only_their_buttons(self):
        """The change page offers an editor 'Gửi duyệt' and no publishing button."""
        item = make_article(status=Status.DRAFT, published_at=None)
        self.client.force_login(self.editor)
        response = self.client.get(admin_url(item))
        self.assertContains(response, 'value="submit"')
        self.assertNotContains(response, 'value="publish"')

    def test_editor_creates_and_submits_in_one_step(self):
        """On the add page an editor can write an article and send it for review at once."""
        category = make_article().category
        self.client.force_login(self.editor)
        from news.models import Article

        data = form_data(self.client.get(admin_url(Article, "add")))
        data.update(
            title="Bài mới của biên tập viên",
            category=category.pk,
            lead="Sapo.",
            body="<p>Nội dung.</p>",
            _workflow="submit",
        )
        response = self.client.post(admin_url(Article, "add"), data)
        self.assertEqual(response.status_code, 302)
        article = Article.objects.get(title="Bài mới của biên tập viên")
        self.assertEqual((article.status, article.created_by), (Status.REVIEW, self.editor))


class ApproverTests(WorkflowTestCase):
    def test_approver_publishes_every_kind(self):
        """'Xuất bản' makes an item of every kind public and stamps the publication time."""
        for kind, make in BUILDERS.items():
            with self.subTest(kind=kind):
                item = make(status=Status.REVIEW, published_at=None)
                response = self.post_change(self.approver, item, _workflow="publish")
                self.assertEqual(response.status_code, 302)
                item.refresh_from_db()
                self.assertEqual(item.status, Status.PUBLISHED)
                self.assertTrue(item.is_public)

    def test_approver_schedules(self):
        """Publishing with a future time schedules the item: published but not yet public."""
        item = make_article(status=Status.REVIEW, published_at=None)
        date, time = local_parts(timezone.now() + datetime.timedelta(days=1))
        self.post_change(
            self.approver, item, _workflow="publish", published_at_0=date, published_at_1=time
        )
        item.refresh_from_db()
        self.assertEqual(item.status, Status.PUBLISHED)
        self.assertFalse(item.is_public)

    def test_approver_returns_with_a_comment(self):
        """'Trả lại' sends the item back to draft with the comment, who and when."""
        for kind, make in BUILDERS.items():
            with self.subTest(kind=kind):
                item = make(status=Status.REVIEW, published_at=None)
                self.post_change(
                    self.approver, item, _workflow="return", review_note="Thiếu nguồn ảnh."
                )
                item.refresh_from_db()
                self.assertEqual(item.status, Status.DRAFT)
                self.assertEqual(item.review_note, "Thiếu nguồn ảnh.")
                self.assertEqual(item.returned_by, self.approver)
                self.assertTrue(item.is_returned)

    def test_return_without_comment_is_refused(self):
        """Returning needs a reason; without one nothing changes."""
        item = make_article(status=Status.REVIEW, published_at=None)
        response = self.post_change(self.approver, item, _workflow="return", review_note="")
        self.assertContains(response, "Hãy ghi rõ lý do trả lại")
        self.assertStatus(item, Status.REVIEW)

    def test_approver_unpublishes_and_archives(self):
        """Unpublish takes an item back to draft; archive hides it but keeps it."""
        for kind, make in BUILDERS.items():
            with self.subTest(kind=kind):
                item = make()
                self.post_change(self.approver, item, _workflow="unpublish")
                self.assertStatus(item, Status.DRAFT)
                other = make()
                self.post_change(self.approver, other, _workflow="archive")
                self.assertStatus(other, Status.ARCHIVED)
                self.assertFalse(type(other).objects.published().filter(pk=other.pk).exists())

    def test_approver_cannot_return_a_draft(self):
        """A step that does not start from the item's state is refused."""
        item = make_article(status=Status.DRAFT, published_at=None)
        response = self.post_change(self.approver, item, _workflow="return", review_note="x")
        self.assertContains(response, "Không thể “trả lại”")
        self.assertStatus(item, Status.DRAFT)

    def test_returned_item_shows_the_comment_to_the_editor(self):
        """The editor's change page explains who returned the item and why."""
        item = make_article(status=Status.REVIEW, published_at=None, created_by=self.editor)
        self.post_change(self.approver, item, _workflow="return", review_note="Viết lại sapo.")
        self.client.force_login(self.editor)
        response = self.client.get(admin_url(item))
        self.assertContains(response, "Bài bị trả lại")
        self.assertContains(response, "Viết lại sapo.")

    def test_resubmitting_clears_the_return(self):
        """Once resubmitted the item no longer counts as returned."""
        item = make_article(status=Status.REVIEW, published_at=None)
        self.post_change(self.approver, item, _workflow="return", review_note="Sửa.")
        self.post_change(self.editor, item, _workflow="submit")
        item.refresh_from_db()
        self.assertEqual(item.status, Status.REVIEW)
        self.assertIsNone(item.returned_at)


class AdministratorTests(WorkflowTestCase):
    def test_administrator_group_can_publish(self):
        """A member of 'Quản trị' (not a superuser) may publish."""
        item = make_document(status=Status.REVIEW, published_at=None)
        self.post_change(self.administrator, item, _workflow="publish")
        self.assertStatus(item, Status.PUBLISHED)


class BulkActionTests(WorkflowTestCase):
    def post_action(self, user, model, action, items):
        self.client.force_login(user)
        return self.client.post(
            admin_url(model, "changelist"),
            {"action": action, "_selected_action": [item.pk for item in items]},
            follow=True,
        )

    def messages(self, response):
        return [str(message) for message in get_messages(response.wsgi_request)]

    def test_bulk_publish_reports_done_and_refused(self):
        """Publishing a selection publishes what it can and says what it refused and why."""
        drafts = [make_article(status=Status.REVIEW, published_at=None) for _ in range(2)]
        already = make_article(title="Bài đã đăng sẵn")
        response = self.post_action(self.approver, already, "publish_selected", [*drafts, already])
        texts = self.messages(response)
        self.assertIn("Đã xuất bản 2 mục.", texts)
        self.assertTrue(
            any("Không xuất bản được 1 mục" in t and "Bài đã đăng sẵn" in t for t in texts)
        )
        for item in drafts:
            self.assertStatus(item, Status.PUBLISHED)

    def test_bulk_unpublish_and_archive(self):
        """Unpublish and archive work on a selection of documents and conferences."""
        for make in (make_document, make_conference):
            with self.subTest(model=make.__name__):
                items = [make(), make()]
                self.post_action(self.approver, items[0], "unpublish_selected", items[:1])
                self.post_action(self.approver, items[1], "archive_selected", items[1:])
                self.assertStatus(items[0], Status.DRAFT)
                self.assertStatus(items[1], Status.ARCHIVED)

    def test_editor_bulk_submit(self):
        """An editor may send a selection of drafts for review."""
        drafts = [make_conference(status=Status.DRAFT, published_at=None) for _ in range(2)]
        response = self.post_action(self.editor, drafts[0], "submit_selected", drafts)
        self.assertIn("Đã gửi duyệt 2 mục.", self.messages(response))
        for item in drafts:
            self.assertStatus(item, Status.REVIEW)

    def test_editor_bulk_publish_is_refused(self):
        """An editor who posts the publish action gets an error and nothing changes."""
        items = [make_article(status=Status.REVIEW, published_at=None) for _ in range(2)]
        for action in ("publish_selected", "archive_selected", "unpublish_selected"):
            with self.subTest(action=action):
                response = self.post_action(self.editor, items[0], action, items)
                self.assertTrue(self.messages(response))
                for item in items:
                    self.assertStatus(item, Status.REVIEW)

    def test_editor_does_not_see_publish_actions(self):
        """The changelist offers an editor only the actions their role allows."""
        item = make_article(status=Status.DRAFT, published_at=None)
        self.client.force_login(self.editor)
        response = self.client.get(admin_url(item, "changelist"))
        self.assertContains(response, 'value="submit_selected"')
        self.assertNotContains(response, 'value="publish_selected"')

    def test_bulk_action_keeps_a_version(self):
        """A bulk step is recorded in the item's history with its name."""
        from reversion.models import Version

        item = make_article(status=Status.REVIEW, published_at=None)
        self.post_action(self.approver, item, "publish_selected", [item])
        version = Version.objects.get_for_object(item).first()
        self.assertEqual(version.revision.get_comment(), "Xuất bản")
        self.assertEqual(version.revision.user, self.approver)


class ChangelistFilterTests(WorkflowTestCase):
    def test_returned_filter(self):
        """'Bị trả lại' lists only items sent back to their editor."""
        returned = make_article(status=Status.REVIEW, published_at=None, title="Bị trả về")
        make_article(status=Status.DRAFT, published_at=None, title="Nháp thường")
        self.post_change(self.approver, returned, _workflow="return", review_note="Sửa.")
        self.client.force_login(self.editor)
        response = self.client.get(admin_url(returned, "changelist") + "?quy-trinh=returned")
        self.assertContains(response, "Bị trả về")
        self.assertNotContains(response, "Nháp thường")

    def test_author_and_state_filters_are_offered(self):
        """The changelist filters by state, workflow, author and date for every kind."""
        for make in BUILDERS.values():
            item = make(created_by=self.editor)
            self.client.force_login(self.approver)
            response = self.client.get(admin_url(item, "changelist"))
            with self.subTest(model=type(item).__name__):
                self.assertContains(response, "Bị trả lại")
                self.assertContains(response, "created_by__id__exact")
                self.assertContains(response, "status__exact")


class OutcomeMessageTests(WorkflowTestCase):
    def messages_after(self, response):
        return [str(message) for message in get_messages(response.wsgi_request)]

    def test_each_step_says_what_it_did(self):
        """Submit, return and publish each leave a message naming the step's outcome."""
        item = make_article(title="Bài thử", status=Status.DRAFT, published_at=None)
        response = self.post_change(self.editor, item, _workflow="submit")
        self.assertIn("Đã gửi duyệt “Bài thử”", " ".join(self.messages_after(response)))

        response = self.post_change(self.approver, item, _workflow="return", review_note="Sửa.")
        self.assertIn("Đã trả lại “Bài thử”", " ".join(self.messages_after(response)))

        self.post_change(self.editor, item, _workflow="submit")
        response = self.post_change(self.approver, item, _workflow="publish")
        self.assertIn("Đã xuất bản “Bài thử”", " ".join(self.messages_after(response)))

    def test_scheduled_publication_says_when(self):
        """Publishing with a future time says the item is scheduled, and for when."""
        item = make_article(title="Bài hẹn giờ", status=Status.REVIEW, published_at=None)
        moment = timezone.now() + datetime.timedelta(days=1)
        date, time = local_parts(moment)
        response = self.post_change(
            self.approver, item, _workflow="publish", published_at_0=date, published_at_1=time
        )
        expected = timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")
        self.assertIn(
            f"Đã hẹn giờ: “Bài hẹn giờ” sẽ tự hiện trên cổng lúc {expected}",
            " ".join(self.messages_after(response)),
        )
