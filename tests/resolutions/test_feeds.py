"""RSS feed of new documents: only published ones, newest on the portal first."""

import datetime

import time_machine
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from tests.factories import make_document, make_document_type
from tests.feed_xml import parse_rss


class DocumentFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        cls.resolution = make_document(
            number="01-NQ/TU",
            title="về chuyển đổi số tỉnh Nam Định",
            summary="Nghị quyết đặt mục tiêu đến năm 2025.",
            body="<p>Toàn văn nghị quyết chỉ có trên trang.</p>",
            published_at=now - datetime.timedelta(days=3),
        )
        cls.plan = make_document(
            number="12-KH/TU",
            title="thực hiện Nghị quyết 01-NQ/TU",
            doc_type=make_document_type(name="Kế hoạch", code="KH", slug="ke-hoach"),
            issued_on=datetime.date(2021, 9, 1),
            published_at=now - datetime.timedelta(hours=2),
        )
        cls.draft = make_document(title="về dự thảo", status=Status.DRAFT, published_at=None)
        cls.in_review = make_document(title="về văn bản chờ duyệt", status=Status.REVIEW)
        cls.archived = make_document(title="về văn bản lưu trữ", status=Status.ARCHIVED)
        cls.publication = now + datetime.timedelta(days=1)
        cls.scheduled = make_document(title="về văn bản hẹn giờ", published_at=cls.publication)

    def feed(self):
        response = self.client.get(reverse("document-feed"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        return parse_rss(response)

    def test_channel_is_vietnamese_and_links_to_registry(self):
        """The channel has a Vietnamese title, language vi and links to /van-ban/."""
        channel, _ = self.feed()
        self.assertTrue(channel["title"].startswith("Văn bản mới — "))
        self.assertEqual(channel["language"], "vi")
        self.assertEqual(channel["link"], "http://testserver/van-ban/")

    def test_lists_only_published_documents_newest_first(self):
        """Published documents, latest published first; no draft, review, archived or scheduled."""
        _, items = self.feed()
        self.assertEqual(
            [item["title"] for item in items],
            [
                "Kế hoạch số 12-KH/TU thực hiện Nghị quyết 01-NQ/TU",
                "Nghị quyết số 01-NQ/TU về chuyển đổi số tỉnh Nam Định",
            ],
        )

    def test_item_fields(self):
        """Each item: absolute link as guid, pubDate = publication time, summary as description."""
        response = self.client.get(reverse("document-feed"))
        _, items = parse_rss(response)
        item = items[1]
        url = f"http://testserver{self.resolution.get_absolute_url()}"
        self.assertEqual(item["link"], url)
        self.assertEqual(item["guid"], url)
        self.assertEqual(item["pubdate"], self.resolution.published_at.replace(microsecond=0))
        self.assertEqual(item["description"], self.resolution.summary)
        self.assertEqual(item["categories"], ["Nghị quyết", "Tỉnh ủy Nam Định"])
        self.assertNotContains(response, "Toàn văn nghị quyết")

    def test_description_without_summary_is_the_citation(self):
        """A document without a summary is described by its citation line."""
        _, items = self.feed()
        self.assertEqual(items[0]["description"], self.plan.citation)

    def test_markup_in_title_and_summary_is_escaped(self):
        """HTML in a title or summary reaches a feed reader as text, never as markup."""
        make_document(title="về <script>alert(1)</script>", summary="Tóm tắt <b onclick=x>đậm</b>")
        response = self.client.get(reverse("document-feed"))
        self.assertNotIn(b"<script", response.content)
        self.assertNotIn(b"<b ", response.content)
        _, items = parse_rss(response)
        self.assertTrue(items[0]["title"].endswith("về &lt;script&gt;alert(1)&lt;/script&gt;"))
        self.assertEqual(items[0]["description"], "Tóm tắt &lt;b onclick=x&gt;đậm&lt;/b&gt;")

    # time_machine moves Django's clock, not Redis's expiry clock: read the pages rendered
    # (the page cache's own timing is tested in tests/ndportal/test_cache_invalidation.py).
    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_scheduled_document_appears_at_its_time(self):
        """A scheduled document is absent before its publication time and first after it."""
        with time_machine.travel(self.publication - datetime.timedelta(minutes=1)):
            _, items = self.feed()
            self.assertEqual(len(items), 2)
        with time_machine.travel(self.publication + datetime.timedelta(minutes=1)):
            _, items = self.feed()
            self.assertTrue(items[0]["title"].endswith("về văn bản hẹn giờ"))

    def test_twenty_newest_items(self):
        """The feed holds the 20 documents published most recently."""
        now = timezone.now()
        for minutes in range(1, 23):
            make_document(
                title=f"về việc số {minutes}",
                published_at=now - datetime.timedelta(minutes=minutes),
            )
        _, items = self.feed()
        self.assertEqual(len(items), 20)
        self.assertTrue(items[0]["title"].endswith("về việc số 1"))
        self.assertTrue(items[-1]["title"].endswith("về việc số 20"))

    def test_query_count_does_not_grow_with_items(self):
        """The feed costs the same number of queries for 2 documents as for 12."""
        with CaptureQueriesContext(connection) as few:
            self.feed()
        for _ in range(10):
            make_document()
        with CaptureQueriesContext(connection) as many:
            _, items = self.feed()
        self.assertEqual(len(items), 12)
        self.assertEqual(len(many), len(few))
