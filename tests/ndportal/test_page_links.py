"""Numbered pagination on every public list (ndportal/templatetags/paging.py)."""

import datetime
import re
from unittest import mock

from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from ndportal.pagination import DeferredJoinPaginator
from tests.factories import make_article, make_category, make_conference, make_document


def page_nav(response):
    html = response.content.decode()
    match = re.search(r'<nav class="pagination".*?</nav>', html, re.S)
    return match.group(0) if match else ""


def links(nav):
    """[(text, href)] of the numbered links, "…" gaps as (…, None)."""
    items = re.findall(r'<li(?: class="pagination-gap"[^>]*)?>(.*?)</li>', nav, re.S)
    result = []
    for item in items:
        href = re.search(r'href="([^"]*)"', item)
        item = item.replace('<span class="visually-hidden">Trang </span>', "")
        text = re.sub(r"<[^>]+>", "", item).strip()
        result.append((text, href.group(1).replace("&amp;", "&") if href else None))
    return result


@override_settings(PAGE_CACHE_SECONDS=0)
class PageLinksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        cls.category = make_category(slug="thoi-su")
        # 12 a page: 15 pages.
        for i in range(12 * 14 + 1):
            make_article(category=cls.category, published_at=now - datetime.timedelta(hours=i))
        for i in range(41):  # 20 a page: 3 pages
            make_document(number=f"{i + 1:02d}-KH/TU", issued_on=datetime.date(2024, 1, 1))
        for i in range(25):  # past conferences, 12 a page: 3 pages
            make_conference(starts_at=now - datetime.timedelta(days=i + 1))

    def test_news_list_numbers_first_last_and_neighbours(self):
        """Page 8 of 15: prev, 1, …, 6–10, …, 15, next; page 1's link has no parameter."""
        response = self.client.get(reverse("news:article-list"), {"page": 8})
        nav = page_nav(response)
        self.assertIn("Trang 8 / 15", nav)
        self.assertEqual(
            [text for text, _ in links(nav)],
            ["« Trang trước", "1", "…", "6", "7", "8", "9", "10", "…", "15", "Trang sau »"],
        )
        hrefs = dict(links(nav))
        self.assertEqual(hrefs["1"], "/tin-tuc/")
        self.assertEqual(hrefs["15"], "/tin-tuc/?page=15")
        self.assertIn('href="/tin-tuc/?page=8" aria-current="page"', nav)
        self.assertIn('rel="prev" href="/tin-tuc/?page=7"', nav)

    def test_deep_page_by_deferred_join_is_complete(self):
        """The last page, fetched by id (deferred join), holds its one article and its links."""
        with mock.patch.object(DeferredJoinPaginator, "deferred_from", 12):
            response = self.client.get(self.category.get_absolute_url(), {"page": 15})
        self.assertEqual(len(response.context["article_list"]), 1)
        self.assertEqual([t for t, _ in links(page_nav(response))][-1], "15")

    def test_registry_keeps_its_filters_in_page_links(self):
        """The registry's page links keep the filter and change only the page."""
        response = self.client.get(reverse("resolutions:document-list"), {"loai": "ke-hoach"})
        hrefs = dict(links(page_nav(response)))
        self.assertEqual(hrefs["2"], "/van-ban/?loai=ke-hoach&page=2")
        self.assertEqual(hrefs["3"], "/van-ban/?loai=ke-hoach&page=3")

    def test_conference_list_is_numbered(self):
        """The conferences' past list has numbered pages too."""
        nav = page_nav(self.client.get(reverse("resolutions:conference-list")))
        self.assertEqual([t for t, _ in links(nav)], ["1", "2", "3", "Trang sau »"])

    def test_search_pages_use_trang(self):
        """Search keeps its own parameter, "trang", with the query."""
        response = self.client.get(reverse("search"), {"q": "bai viet", "trang": 2})
        hrefs = dict(links(page_nav(response)))
        self.assertEqual(hrefs["1"], "/tim-kiem/?q=bai+viet")
        self.assertEqual(hrefs["3"], "/tim-kiem/?q=bai+viet&trang=3")

    def test_a_single_page_has_no_pagination(self):
        """A list that fits one page shows no page links."""
        response = self.client.get(reverse("resolutions:conference-list"), {"nam": 1999})
        self.assertEqual(page_nav(response), "")
