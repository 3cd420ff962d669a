"""The read counter (news/reads.py): counted in the cache, stored in batches, "Đọc nhiều"."""

import datetime
import io
from unittest import mock

from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ndportal.cache import page_cache
from ndportal.publishing import Status
from news.models import ArticleReads
from news.reads import DUE_KEY, flush_reads, is_robot, most_read
from tests.factories import make_article, make_staff

BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"


def stored(article):
    return sum(ArticleReads.objects.filter(article=article).values_list("count", flat=True))


class ReadCounterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(title="Bài được đọc")
        cls.other = make_article(title="Bài khác")

    def setUp(self):
        # As if a flush had just run: reads wait in the cache until the next one.
        page_cache().set(DUE_KEY, 1, timeout=300)

    def read(self, article=None, user_agent=BROWSER, **extra):
        url = (article or self.article).get_absolute_url()
        return self.client.get(url, HTTP_USER_AGENT=user_agent, **extra)

    def test_reads_are_counted_in_the_cache_then_stored_in_one_batch(self):
        """Five reads write nothing to the database; one flush stores them as one row."""
        with CaptureQueriesContext(connection) as queries:
            for _ in range(5):
                self.assertEqual(self.read().status_code, 200)
        writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
        self.assertEqual(writes, [])
        self.assertFalse(ArticleReads.objects.exists())
        self.assertEqual(flush_reads(), 5)
        row = ArticleReads.objects.get()
        self.assertEqual((row.article, row.day, row.count), (self.article, timezone.localdate(), 5))

    def test_pages_served_from_the_page_cache_are_counted(self):
        """The second read is a page-cache hit, and it is counted like the first."""
        self.read()
        self.assertEqual(self.read()["X-Page-Cache"], "hit")
        flush_reads()
        self.assertEqual(stored(self.article), 2)

    def test_flushes_add_up_and_empty_the_batch(self):
        """A second flush adds to the day's row; a flush with nothing new stores nothing."""
        self.read()
        flush_reads()
        self.read()
        self.read(self.other)
        self.assertEqual(flush_reads(), 2)
        self.assertEqual(flush_reads(), 0)
        self.assertEqual(stored(self.article), 2)
        self.assertEqual(stored(self.other), 1)
        self.assertEqual(ArticleReads.objects.count(), 2)

    def test_robots_and_missing_user_agents_are_not_counted(self):
        """Googlebot, a crawler, a spider, curl and an empty User-Agent count for nothing."""
        for agent in (
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; coccocbot-web/1.0)",
            "SomeCrawler/3.1",
            "Baiduspider",
            "curl/8.5.0",
            "",
        ):
            self.read(user_agent=agent)
        self.assertEqual(flush_reads(), 0)
        self.assertTrue(is_robot("facebookexternalhit/1.1"))
        self.assertFalse(is_robot(BROWSER))

    def test_unpublished_articles_are_never_counted(self):
        """A draft (404 to readers), a staff preview and an unknown slug leave no count."""
        draft = make_article(status=Status.DRAFT, title="Bản nháp")
        self.assertEqual(self.read(draft).status_code, 404)
        self.client.force_login(make_staff("editor"))
        self.assertEqual(self.read(draft).status_code, 200)  # the preview
        self.client.logout()
        unknown = reverse(
            "news:article-detail", kwargs={"category": "x", "slug": "khong-co-bai-nay"}
        )
        self.client.get(unknown, HTTP_USER_AGENT=BROWSER)
        self.assertEqual(flush_reads(), 0)
        self.assertFalse(ArticleReads.objects.filter(article=draft).exists())

    def test_reads_of_an_article_withdrawn_before_the_flush_are_dropped(self):
        """Counted while published, archived before the flush: nothing is stored for it."""
        self.read()
        self.read(self.other)
        type(self.article).objects.filter(pk=self.article.pk).update(status=Status.ARCHIVED)
        self.assertEqual(flush_reads(), 1)
        self.assertEqual(stored(self.article), 0)

    def test_other_pages_are_not_counted(self):
        """The news list and a category page are not article reads."""
        self.client.get(reverse("news:article-list"), HTTP_USER_AGENT=BROWSER)
        self.client.get(self.article.category.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
        self.assertEqual(flush_reads(), 0)

    def test_first_read_after_the_interval_flushes(self):
        """When the interval has passed, the next read stores the batch, itself included."""
        self.read()
        page_cache().delete(DUE_KEY)
        self.read()
        self.assertEqual(stored(self.article), 2)
        self.read()  # the interval starts again: waits in the cache
        self.assertEqual(stored(self.article), 2)

    def test_flush_command(self):
        """`manage.py flush_reads` stores the batch (for cron, with a shared cache)."""
        self.read()
        out = io.StringIO()
        call_command("flush_reads", stdout=out)
        self.assertEqual(stored(self.article), 1)
        self.assertIn("Đã lưu 1 lượt đọc", out.getvalue())

    def test_a_cache_failure_never_costs_the_page(self):
        """When counting fails the reader still gets the article."""
        with mock.patch("news.reads.record_read", side_effect=ConnectionError("down")):
            with self.assertLogs("news.reads", "WARNING"):
                self.assertEqual(self.read().status_code, 200)


@override_settings(PAGE_CACHE_SECONDS=0)
class MostReadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        today = timezone.localdate()
        cls.top = make_article(title="Đọc nhiều nhất")
        cls.second = make_article(title="Thứ nhì")
        cls.old = make_article(title="Đọc nhiều tuần trước")
        cls.withdrawn = make_article(title="Đã rút", status=Status.ARCHIVED)
        for article, days_ago, count in (
            (cls.top, 0, 50),
            (cls.top, 6, 50),
            (cls.second, 1, 70),
            (cls.old, 7, 1000),  # eight days ago: outside the week
            (cls.withdrawn, 0, 5000),
        ):
            ArticleReads.objects.create(
                article=article, day=today - datetime.timedelta(days=days_ago), count=count
            )

    def test_most_read_this_week_published_only(self):
        """The last 7 days summed, most read first; older reads and unpublished items left out."""
        self.assertEqual(
            [(title, reads) for title, _, reads in most_read()],
            [("Đọc nhiều nhất", 100), ("Thứ nhì", 70)],
        )

    def test_box_on_home_and_article_pages(self):
        """Home and article pages show "Đọc nhiều" with links to the articles."""
        for url in (reverse("home"), self.second.get_absolute_url()):
            response = self.client.get(url)
            self.assertContains(response, "Đọc nhiều")
            self.assertContains(response, f'href="{self.top.get_absolute_url()}"')
            self.assertNotContains(response, "Đã rút")

    def test_kept_under_the_content_version(self):
        """Read once, then from the cache (0 queries) until a write bumps the version."""
        most_read()
        with self.assertNumQueries(0):
            most_read()
        self.second.title = "Thứ nhì, sửa"
        self.second.save()
        self.assertIn("Thứ nhì, sửa", [title for title, _, _ in most_read()])
