"""The review queue on the admin index."""

import datetime

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from ndportal.workflow import RETURN, apply_action
from tests.factories import make_article, make_conference, make_document, make_staff


class ReviewQueueTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_staff("editor")
        cls.approver = make_staff("approver")
        make_article(status=Status.REVIEW, published_at=None, title="Bài chờ duyệt một")
        make_article(status=Status.REVIEW, published_at=None, title="Bài chờ duyệt hai")
        make_document(status=Status.REVIEW, published_at=None, title="về văn bản chờ duyệt")
        make_conference(
            title="Hội nghị hẹn giờ",
            status=Status.PUBLISHED,
            published_at=timezone.now() + datetime.timedelta(days=1),
        )
        returned = make_article(
            status=Status.REVIEW, published_at=None, title="Bài bị trả", created_by=cls.editor
        )
        apply_action(
            item=returned, action=RETURN, user=cls.approver, note="Bổ sung ảnh và nguồn tin."
        )
        returned.save()

    def test_approver_sees_counts_and_items(self):
        """The index shows per-kind counts awaiting review and the items themselves."""
        self.client.force_login(self.approver)
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, "Hàng chờ duyệt")
        counts = {row["name"]: row["awaiting"] for row in response.context["counts"]}
        self.assertEqual(counts, {"bài viết": 2, "văn bản": 1, "hội nghị": 0, "trang thông tin": 0})
        self.assertContains(response, "Bài chờ duyệt một")
        self.assertContains(response, "?status__exact=review")

    def test_scheduled_items_are_listed(self):
        """Scheduled items appear with their time."""
        self.client.force_login(self.approver)
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, "Hẹn giờ xuất bản")
        self.assertContains(response, "Hội nghị hẹn giờ")

    def test_editor_sees_what_was_returned_and_why(self):
        """An editor's index lists items returned to them with the approver's comment."""
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, "Bị trả lại cho bạn (1)")
        self.assertContains(response, "Bổ sung ảnh và nguồn tin.")
        self.assertNotContains(response, "Đang chờ bạn duyệt")

    def test_queue_queries_do_not_grow_with_waiting_documents(self):
        """Listing more waiting documents costs no extra query (their type comes along)."""
        self.client.force_login(self.approver)
        self.client.get(reverse("admin:index"))  # warm the session and permission caches

        def count_queries():
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as context:
                self.client.get(reverse("admin:index"))
            return len(context)

        before = count_queries()
        for number in range(5):
            make_document(status=Status.REVIEW, published_at=None, title=f"về việc số {number}")
        self.assertEqual(count_queries(), before)
