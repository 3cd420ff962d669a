"""Every write that readers could see makes every cached copy stale, on every server."""

import datetime

import time_machine
from django.conf import settings
from django.db import connection
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from ndportal.cache import content_version, content_written, page_timeout
from ndportal.publishing import Status
from news.models import Tag
from tests.factories import make_article, make_category, make_document


def two_servers():
    """Two cache connections to one location: what two app servers sharing Redis have."""
    default = settings.CACHES["default"]
    return {"default": default, "second": dict(default)}


@override_settings(CACHES=two_servers())
class TwoServersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.category = make_category(name="Thời sự", slug="thoi-su")
        cls.article = make_article(title="Bài thứ nhất", category=cls.category)

    def get(self, url, server):
        with override_settings(PAGE_CACHE_ALIAS=server):
            return self.client.get(url)

    def warm(self, url):
        for server in ("default", "second"):
            self.get(url, server)
            self.assertEqual(self.get(url, server)["X-Page-Cache"], "hit")

    def test_publish_through_one_server_is_seen_on_the_other(self):
        """An article published via server A shows at once on server B's cached list."""
        url = reverse("news:article-list")
        self.warm(url)
        with override_settings(PAGE_CACHE_ALIAS="default"):
            make_article(title="Bài mới đăng", category=self.category)
        response = self.get(url, "second")
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "Bài mới đăng")

    def test_edit_through_one_server_is_seen_on_the_other(self):
        """An edited title replaces the old one on both servers."""
        url = self.article.get_absolute_url()
        self.warm(url)
        with override_settings(PAGE_CACHE_ALIAS="second"):
            self.article.title = "Tiêu đề đã sửa"
            self.article.save()
        for server in ("default", "second"):
            self.assertContains(self.get(url, server), "Tiêu đề đã sửa")

    def test_renamed_vocabulary_is_seen_everywhere(self):
        """Renaming a category (a vocabulary, not an item) makes its pages stale too."""
        url = reverse("news:category", args=[self.category.slug])
        self.warm(url)
        self.category.name = "Thời sự trong tỉnh"
        self.category.save()
        self.assertContains(self.get(url, "second"), "Thời sự trong tỉnh")

    def test_the_version_is_shared(self):
        """Both connections read the same content version."""
        with override_settings(PAGE_CACHE_ALIAS="default"):
            first = content_version()
        with override_settings(PAGE_CACHE_ALIAS="second"):
            self.assertEqual(content_version(), first)


class WritesBumpTheVersionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article()

    def assert_bumped(self, write):
        before = content_version()
        write()
        self.assertNotEqual(content_version(), before)

    def test_delete_bumps(self):
        """Deleting an item makes cached pages stale."""
        self.assert_bumped(make_article().delete)

    def test_relation_change_bumps(self):
        """Adding a tag (a many-to-many change) makes cached pages stale."""
        tag = Tag.objects.create(name="Chuyển đổi số", slug="chuyen-doi-so")
        self.assert_bumped(lambda: self.article.tags.add(tag))

    def test_document_vocabulary_bumps(self):
        """Saving a document type, shown on every registry row, makes pages stale."""
        document = make_document()
        self.assert_bumped(lambda: document.doc_type.save())

    def test_commit_bumps_again(self):
        """The version moves once more when the transaction commits, for the other servers."""
        self.article.title = "Đổi tiêu đề"
        self.article.save()
        self.article.tags.add(Tag.objects.create(name="Nông thôn mới", slug="nong-thon-moi"))
        pending = [entry[1] for entry in connection.run_on_commit if entry[1] is content_written]
        self.assertEqual(len(pending), 1)  # once per transaction, not per row
        before = content_version()
        pending[0]()
        self.assertNotEqual(content_version(), before)

    def test_users_and_sessions_do_not_bump(self):
        """A login (a session and a user row written) leaves cached pages alone."""
        from tests.factories import make_staff

        staff = make_staff("editor")
        before = content_version()
        self.client.force_login(staff)
        self.assertEqual(content_version(), before)


class ScheduledTests(TestCase):
    def test_no_page_outlives_the_next_scheduled_publication(self):
        """A page rendered 30 s before a scheduled item is due is cached for at most 30 s."""
        due = timezone.now() + datetime.timedelta(seconds=30)
        with self.captureOnCommitCallbacks(execute=True):
            make_article(title="Bài hẹn giờ", published_at=due)
        self.assertLessEqual(page_timeout(), 30)
        self.assertGreater(settings.PAGE_CACHE_SECONDS, 30)

    def test_once_due_the_cap_applies_again(self):
        """After the scheduled time the usual cap is back."""
        due = timezone.now() + datetime.timedelta(seconds=30)
        with self.captureOnCommitCallbacks(execute=True):
            make_article(title="Bài hẹn giờ", published_at=due)
        with time_machine.travel(due + datetime.timedelta(seconds=1)):
            self.assertEqual(page_timeout(), settings.PAGE_CACHE_SECONDS)

    @override_settings(PAGE_CACHE_SECONDS=60)
    def test_without_known_times_the_cap_applies(self):
        """With nothing scheduled (or the times evicted) a page lives PAGE_CACHE_SECONDS."""
        self.assertEqual(page_timeout(), 60)


class LeakAfterUnpublishTests(TestCase):
    """Pages cached while an item was public must not show it once it is withdrawn."""

    @classmethod
    def setUpTestData(cls):
        cls.category = make_category(name="Tin riêng", slug="tin-rieng")
        make_article(title="Bài luôn công khai", category=cls.category)
        cls.article = make_article(
            title="Tin về Kỳ Lân xanh", slug="ky-lan-xanh", category=cls.category
        )
        cls.document = make_document(title="về việc Phượng Hoàng lửa")

    def probes(self):
        return {
            reverse("home"): ["Tin về Kỳ Lân xanh", "Phượng Hoàng lửa"],
            reverse("news:article-list"): ["Tin về Kỳ Lân xanh"],
            reverse("news:category", args=["tin-rieng"]): ["Tin về Kỳ Lân xanh"],
            reverse("article-feed"): ["Tin về Kỳ Lân xanh"],
            reverse("category-feed", args=["tin-rieng"]): ["Tin về Kỳ Lân xanh"],
            reverse("sitemap-section", args=["articles"]): ["ky-lan-xanh"],
            reverse("search") + "?q=ky+lan+xanh": ["Tin về Kỳ Lân xanh"],
            reverse("resolutions:document-list"): ["Phượng Hoàng lửa"],
            reverse("document-feed"): ["Phượng Hoàng lửa"],
            reverse("search") + "?q=phuong+hoang": ["Phượng Hoàng lửa"],
        }

    def test_unpublished_items_vanish_from_every_cached_page(self):
        """Each probe shows the item while public (and is cached), then never again."""
        for url, texts in self.probes().items():
            self.client.get(url)
            response = self.client.get(url)
            self.assertEqual(response["X-Page-Cache"], "hit", url)
            for text in texts:
                self.assertContains(response, text, msg_prefix=url)
        for item in (self.article, self.document):
            item.status = Status.DRAFT
            item.save()
        for url, texts in self.probes().items():
            for text in texts:
                self.assertNotContains(self.client.get(url), text, msg_prefix=url)
        self.assertEqual(self.client.get(self.article.get_absolute_url()).status_code, 404)
        self.assertEqual(self.client.get(self.document.get_absolute_url()).status_code, 404)

    def test_deleted_item_vanishes_from_cached_pages(self):
        """A deleted article leaves no trace in the cached list."""
        url = reverse("news:article-list")
        self.client.get(url)
        self.article.delete()
        self.assertNotContains(self.client.get(url), "Tin về Kỳ Lân xanh")
