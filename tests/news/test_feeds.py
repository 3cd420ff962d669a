"""RSS feeds of news: all articles and per category; only what readers may see."""

import datetime

import time_machine
from django.conf import settings
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from tests.factories import make_article, make_category
from tests.feed_xml import parse_rss


class ArticleFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        cls.politics = make_category(name="Thời sự", slug="thoi-su")
        cls.economy = make_category(name="Kinh tế", slug="kinh-te")
        cls.older = make_article(
            title="Hội nghị quán triệt Nghị quyết 01",
            lead="Sáng nay, Tỉnh ủy tổ chức hội nghị quán triệt.",
            body="<p>Toàn văn bài viết chỉ có trên trang.</p>",
            author="Minh Anh",
            category=cls.politics,
            published_at=now - datetime.timedelta(days=2),
        )
        cls.newer = make_article(
            title="Khu công nghiệp ven biển đón nhà đầu tư",
            category=cls.economy,
            published_at=now - datetime.timedelta(hours=3),
        )
        cls.draft = make_article(title="Bản nháp chưa xong", status=Status.DRAFT, published_at=None)
        cls.in_review = make_article(title="Bài đang chờ duyệt", status=Status.REVIEW)
        cls.archived = make_article(title="Bài đã lưu trữ", status=Status.ARCHIVED)
        cls.publication = now + datetime.timedelta(days=1)
        cls.scheduled = make_article(
            title="Bài hẹn giờ ngày mai", category=cls.politics, published_at=cls.publication
        )

    def feed(self, url=None, **extra):
        response = self.client.get(url or reverse("article-feed"), **extra)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        return parse_rss(response)

    def test_channel_is_vietnamese_and_links_to_news(self):
        """The channel has a Vietnamese title, language vi and links to /tin-tuc/."""
        channel, _ = self.feed()
        self.assertTrue(channel["title"].startswith("Tin tức — "))
        self.assertEqual(channel["language"], "vi")
        self.assertEqual(channel["link"], "http://testserver/tin-tuc/")

    def test_lists_only_published_articles_newest_first(self):
        """Published articles, newest first; no draft, review, archived or scheduled one."""
        _, items = self.feed()
        self.assertEqual([item["title"] for item in items], [self.newer.title, self.older.title])

    def test_item_fields(self):
        """Each item: title, absolute link, the link as guid, pubDate = publication time."""
        _, items = self.feed()
        item = items[1]
        url = f"http://testserver{self.older.get_absolute_url()}"
        self.assertEqual(item["link"], url)
        self.assertEqual(item["guid"], url)
        self.assertEqual(item["pubdate"], self.older.published_at.replace(microsecond=0))
        self.assertEqual(item["categories"], ["Thời sự"])

    def test_description_is_the_lead_not_the_body(self):
        """The description is the lead; the rich-text body never goes into the feed."""
        response = self.client.get(reverse("article-feed"))
        _, items = parse_rss(response)
        self.assertEqual(items[1]["description"], self.older.lead)
        self.assertNotContains(response, "Toàn văn bài viết")

    def test_markup_in_title_and_lead_is_escaped(self):
        """HTML typed into a title or lead reaches a feed reader as text, never as markup."""
        make_article(
            title='Tin <script>alert("t")</script> & "mới"',
            lead="Sapo <img src=x onerror=alert(1)> <b>đậm</b>",
        )
        response = self.client.get(reverse("article-feed"))
        self.assertNotIn(b"<script", response.content)
        self.assertNotIn(b"<img", response.content)
        _, items = parse_rss(response)
        # Readers treat these fields as HTML: what they receive must be escaped HTML.
        self.assertEqual(
            items[0]["title"],
            "Tin &lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt; &amp; &quot;mới&quot;",
        )
        self.assertEqual(
            items[0]["description"],
            "Sapo &lt;img src=x onerror=alert(1)&gt; &lt;b&gt;đậm&lt;/b&gt;",
        )

    # time_machine moves Django's clock, not Redis's expiry clock: read the pages rendered
    # (the page cache's own timing is tested in tests/ndportal/test_cache_invalidation.py).
    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_scheduled_article_appears_at_its_time(self):
        """A scheduled article is absent before its publication time and first after it."""
        with time_machine.travel(self.publication - datetime.timedelta(minutes=1)):
            _, items = self.feed()
            self.assertNotIn(self.scheduled.title, [item["title"] for item in items])
        with time_machine.travel(self.publication + datetime.timedelta(minutes=1)):
            _, items = self.feed()
            self.assertEqual(items[0]["title"], self.scheduled.title)

    def test_unpublished_article_leaves_the_feed(self):
        """An article taken back to draft is gone from the next feed request."""
        self.newer.status = Status.DRAFT
        self.newer.save()
        _, items = self.feed()
        self.assertNotIn(self.newer.title, [item["title"] for item in items])

    def test_twenty_newest_items(self):
        """The feed holds the 20 newest articles."""
        now = timezone.now()
        for minutes in range(1, 23):
            make_article(
                title=f"Tin số {minutes}",
                category=self.economy,
                published_at=now - datetime.timedelta(minutes=minutes),
            )
        _, items = self.feed()
        self.assertEqual([item["title"] for item in items], [f"Tin số {n}" for n in range(1, 21)])

    def test_links_use_the_request_host_not_forwarded_host(self):
        """Links use the validated Host; X-Forwarded-Host is ignored (docs/security.md §10)."""
        with self.settings(ALLOWED_HOSTS=["tinhuy.example"]):
            channel, items = self.feed(
                HTTP_HOST="tinhuy.example", HTTP_X_FORWARDED_HOST="evil.example", secure=True
            )
        self.assertEqual(channel["link"], "https://tinhuy.example/tin-tuc/")
        self.assertTrue(all(item["link"].startswith("https://tinhuy.example/") for item in items))

    def test_query_count_does_not_grow_with_items(self):
        """The feed costs the same number of queries for 2 articles as for 12."""
        with CaptureQueriesContext(connection) as few:
            self.feed()
        for _ in range(10):
            make_article(category=make_category())
        with CaptureQueriesContext(connection) as many:
            _, items = self.feed()
        self.assertEqual(len(items), 12)
        self.assertEqual(len(many), len(few))

    def test_pages_advertise_the_feeds(self):
        """Every page's head links the news and documents feeds for readers to discover."""
        response = self.client.get(reverse("home"))
        site = settings.SITE_NAME
        for title, url in [("Tin tức", "/tin-tuc/rss.xml"), ("Văn bản mới", "/van-ban/rss.xml")]:
            self.assertContains(
                response,
                f'<link rel="alternate" type="application/rss+xml" title="{title} — {site}" '
                f'href="{url}">',
                html=True,
            )


class CategoryFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.politics = make_category(name="Thời sự", slug="thoi-su", description="Tin thời sự.")
        cls.economy = make_category(name="Kinh tế", slug="kinh-te")
        cls.own = make_article(title="Tin thời sự đã đăng", category=cls.politics)
        cls.other = make_article(title="Tin kinh tế đã đăng", category=cls.economy)
        cls.draft = make_article(
            title="Tin thời sự nháp", category=cls.politics, status=Status.DRAFT
        )

    def test_lists_only_the_category_published_articles(self):
        """A category feed holds that category's published articles only."""
        response = self.client.get(reverse("category-feed", kwargs={"category": "thoi-su"}))
        channel, items = parse_rss(response)
        self.assertEqual(channel["title"].split(" — ")[0], "Thời sự")
        self.assertEqual(channel["link"], "http://testserver/tin-tuc/thoi-su/")
        self.assertEqual(channel["description"], "Tin thời sự.")
        self.assertEqual([item["title"] for item in items], [self.own.title])

    def test_unknown_category_is_404(self):
        """A feed for a category that does not exist is a 404, not an empty feed."""
        response = self.client.get(reverse("category-feed", kwargs={"category": "khong-co"}))
        self.assertEqual(response.status_code, 404)

    def test_feed_routes_do_not_hide_news_pages(self):
        """/tin-tuc/<category>/ and article pages still answer beside the feed routes."""
        self.assertEqual(
            reverse("category-feed", kwargs={"category": "thoi-su"}), "/tin-tuc/thoi-su/rss.xml"
        )
        self.assertContains(self.client.get(self.politics.get_absolute_url()), self.own.title)
        self.assertContains(self.client.get(self.own.get_absolute_url()), self.own.title)

    def test_query_count_does_not_grow_with_items(self):
        """The category feed costs the same number of queries for 1 article as for 11."""
        url = reverse("category-feed", kwargs={"category": "thoi-su"})
        with CaptureQueriesContext(connection) as few:
            self.client.get(url)
        for _ in range(10):
            make_article(category=self.politics)
        with CaptureQueriesContext(connection) as many:
            _, items = parse_rss(self.client.get(url))
        self.assertEqual(len(items), 11)
        self.assertEqual(len(many), len(few))


class FeedRouteTests(TestCase):
    def test_a_category_and_an_article_named_rss_keep_their_pages(self):
        """Feed URLs end in rss.xml, so a category or article whose slug is "rss" still opens."""
        category = make_category(name="RSS", slug="rss")
        article = make_article(title="RSS", slug="rss", category=category)

        self.assertContains(self.client.get("/tin-tuc/rss/"), "RSS")
        response = self.client.get(article.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["article"], article)
