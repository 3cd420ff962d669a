"""sitemap.xml and robots.txt: every published public page, and nothing else."""

import datetime
import xml.etree.ElementTree as ET
from unittest import mock

import time_machine
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from ndportal.sitemaps import SITEMAPS, ArticleSitemap
from tests.factories import make_article, make_category, make_conference, make_document

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(response):
    """{loc: lastmod or None} from a sitemap.xml response."""
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}urlset", root.tag
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in root.findall("sm:url", NS)
    }


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.publication = timezone.now() + datetime.timedelta(days=1)
        cls.politics = make_category(name="Thời sự", slug="thoi-su")
        cls.empty = make_category(name="Văn hóa", slug="van-hoa")
        cls.hidden_only = make_category(name="Chỉ có nháp", slug="chi-co-nhap")
        cls.public = {
            "article": make_article(category=cls.politics),
            "document": make_document(),
            "conference": make_conference(),
        }
        cls.hidden = {}
        for label, fields in [
            ("draft", {"status": Status.DRAFT, "published_at": None}),
            ("review", {"status": Status.REVIEW}),
            ("archived", {"status": Status.ARCHIVED}),
            ("scheduled", {"published_at": cls.publication}),
        ]:
            cls.hidden[f"{label} article"] = make_article(category=cls.hidden_only, **fields)
            cls.hidden[f"{label} document"] = make_document(**fields)
            cls.hidden[f"{label} conference"] = make_conference(**fields)

    def entries(self, **extra):
        """Every entry of every section page the sitemap index names."""
        entries = {}
        for loc in self.index_locations(**extra):
            path = loc.split("://", 1)[1].split("/", 1)[1]
            response = self.client.get(f"/{path}", **extra)
            self.assertEqual(response.status_code, 200)
            self.assertEqual(response["Content-Type"], "application/xml")
            entries.update(sitemap_entries(response))
        return entries

    def index_locations(self, **extra):
        response = self.client.get(reverse("sitemap"), **extra)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/xml")
        root = ET.fromstring(response.content)
        self.assertEqual(root.tag, f"{{{NS['sm']}}}sitemapindex")
        return [node.findtext("sm:loc", namespaces=NS) for node in root.findall("sm:sitemap", NS)]

    def url(self, item):
        return f"http://testserver{item.get_absolute_url()}"

    def test_lists_home_sections_and_published_items(self):
        """Home, the section lists, and each published article, document and conference."""
        entries = self.entries()
        expected = [
            "/",
            "/tin-tuc/",
            "/van-ban/",
            "/hoi-nghi/",
            reverse("resolutions:conference-reach"),
            reverse("feedback:question-list"),
            self.politics.get_absolute_url(),
            *(item.get_absolute_url() for item in self.public.values()),
        ]
        self.assertCountEqual(entries, [f"http://testserver{path}" for path in expected])

    def test_unpublished_items_are_absent(self):
        """No draft, item in review, archived or scheduled article, document or conference."""
        entries = self.entries()
        for label, item in self.hidden.items():
            with self.subTest(label):
                self.assertNotIn(self.url(item), entries)

    def test_category_listed_only_with_a_published_article(self):
        """A category appears once it holds a published article; empty or draft-only ones do not."""
        entries = self.entries()
        self.assertIn(f"http://testserver{self.politics.get_absolute_url()}", entries)
        self.assertNotIn(f"http://testserver{self.empty.get_absolute_url()}", entries)
        self.assertNotIn(f"http://testserver{self.hidden_only.get_absolute_url()}", entries)

    # time_machine moves Django's clock, not Redis's expiry clock: read the pages rendered
    # (the page cache's own timing is tested in tests/ndportal/test_cache_invalidation.py).
    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_scheduled_items_appear_at_their_time(self):
        """Scheduled items are absent before their time and listed after it, with no job run."""
        scheduled = [item for label, item in self.hidden.items() if label.startswith("scheduled")]
        with time_machine.travel(self.publication - datetime.timedelta(minutes=1)):
            entries = self.entries()
            for item in scheduled:
                self.assertNotIn(self.url(item), entries)
        with time_machine.travel(self.publication + datetime.timedelta(minutes=1)):
            entries = self.entries()
            for item in scheduled:
                self.assertIn(self.url(item), entries)
            # Its first published article brings the category into the sitemap too.
            self.assertIn(f"http://testserver{self.hidden_only.get_absolute_url()}", entries)

    def test_lastmod_is_the_last_change(self):
        """An item's lastmod is the local date of its last change."""
        entries = self.entries()
        for item in self.public.values():
            with self.subTest(item=item):
                expected = timezone.localdate(item.updated_at).isoformat()
                self.assertEqual(entries[self.url(item)], expected)

    def test_every_listed_url_is_public(self):
        """Every URL answers 200 to an anonymous reader: no admin, preview or file URLs."""
        for loc in self.entries():
            with self.subTest(loc=loc):
                self.assertNotIn("/admin/", loc)
                self.assertNotIn("/media/", loc)
                self.assertEqual(self.client.get(loc).status_code, 200)

    def test_index_names_one_page_per_section(self):
        """/sitemap.xml is an index with one sitemap per section at this size."""
        self.assertEqual(
            [loc.removeprefix("http://testserver") for loc in self.index_locations()],
            [f"/sitemap-{name}.xml" for name in SITEMAPS],
        )

    def test_sections_are_paginated(self):
        """Past `limit` items a section gets a second page, listed in the index."""
        make_article(category=self.politics)
        with mock.patch.object(ArticleSitemap, "limit", 1):
            locations = self.index_locations()
            self.assertIn("http://testserver/sitemap-articles.xml?p=2", locations)
            first = sitemap_entries(self.client.get("/sitemap-articles.xml"))
            second = sitemap_entries(self.client.get("/sitemap-articles.xml?p=2"))
        self.assertEqual(len(first), 1)
        self.assertEqual(len(second), 1)
        self.assertNotEqual(first, second)

    def test_unknown_section_or_page_is_404(self):
        """A made-up section name or a page past the end answers 404, not 500."""
        self.assertEqual(self.client.get("/sitemap-users.xml").status_code, 404)
        self.assertEqual(self.client.get("/sitemap-articles.xml?p=99").status_code, 404)
        self.assertEqual(self.client.get("/sitemap-articles.xml?p=x").status_code, 404)

    def test_urls_use_the_request_host_not_forwarded_host(self):
        """Locations use the validated Host and scheme; X-Forwarded-Host is ignored (H2)."""
        with self.settings(ALLOWED_HOSTS=["tinhuy.example"]):
            entries = self.entries(
                HTTP_HOST="tinhuy.example", HTTP_X_FORWARDED_HOST="evil.example", secure=True
            )
        self.assertIn("https://tinhuy.example/", entries)
        self.assertTrue(all(loc.startswith("https://tinhuy.example/") for loc in entries))

    def test_query_count_does_not_grow_with_items(self):
        """The sitemap costs the same number of queries for 3 items as for 30."""
        with CaptureQueriesContext(connection) as few:
            self.entries()
        for _ in range(9):
            make_article(category=make_category())
            make_document()
            make_conference()
        with CaptureQueriesContext(connection) as many:
            entries = self.entries()
        self.assertEqual(len(entries), 6 + 10 * 4)
        self.assertEqual(len(many), len(few))


class RobotsTests(TestCase):
    def test_robots_points_at_the_sitemap(self):
        """robots.txt names the absolute sitemap URL and keeps crawlers out of the admin."""
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
        self.assertIn("Disallow: /admin/", lines)

    def test_robots_answers_head(self):
        """Crawlers may ask with HEAD; other methods are refused."""
        self.assertEqual(self.client.head("/robots.txt").status_code, 200)
        self.assertEqual(self.client.post("/robots.txt").status_code, 405)
