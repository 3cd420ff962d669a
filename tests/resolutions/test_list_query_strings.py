"""List pages build their links with `{% querystring %}`: filters kept, page replaced."""

import re

from django.test import TestCase
from django.urls import reverse

from tests.factories import make_conference

CONFERENCES = reverse("resolutions:conference-list")
REGISTRY = reverse("resolutions:document-list")


class ConferenceListQueryStringTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for _ in range(13):
            make_conference(level="province")
        make_conference(level="district")

    def test_header_search_box_does_not_show_the_filters(self):
        """On /hoi-nghi/?cap=province the header's search box stays empty."""
        response = self.client.get(CONFERENCES, {"cap": "province"})
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'value="cap=province"')
        box = re.search(r'<input[^>]*id="site-search"[^>]*>', response.content.decode())
        self.assertIsNotNone(box)
        self.assertNotRegex(box.group(0), r'value="[^"]')

    def test_pagination_keeps_filters_and_replaces_the_page(self):
        """Next and previous links carry the filter once and the new page number."""
        first = self.client.get(CONFERENCES, {"cap": "province"})
        self.assertContains(first, 'href="/hoi-nghi/?cap=province&amp;page=2"')
        second = self.client.get(CONFERENCES, {"cap": "province", "page": 2})
        # Page 1 is the list's own address with the filter, no page parameter.
        self.assertContains(second, 'rel="prev" href="/hoi-nghi/?cap=province"')
        self.assertNotContains(second, "page=2&amp;page")


class SearchBoxTests(TestCase):
    def test_search_page_keeps_its_query_in_the_header(self):
        """The search results page still shows what was searched for in the header box."""
        response = self.client.get(reverse("search"), {"q": "chuyển đổi số"})
        self.assertContains(response, 'value="chuyển đổi số"')


class RegistryQueryStringTests(TestCase):
    def test_sort_links_keep_filters(self):
        """A sort link changes only the order and drops the page."""
        response = self.client.get(REGISTRY, {"nam": 2021, "sap_xep": "so", "page": 1})
        self.assertContains(response, 'href="?nam=2021&amp;sap_xep=cu-nhat"')

    def test_chip_removes_only_its_filter(self):
        """The chip of a filter links to the same page without that filter."""
        response = self.client.get(REGISTRY, {"nam": 2021, "sap_xep": "so"})
        self.assertContains(response, 'href="?sap_xep=so" title="Bỏ điều kiện này"')

    def test_exports_follow_the_filters_not_the_page(self):
        """The CSV and JSON links carry the filters without the page number."""
        response = self.client.get(REGISTRY, {"nam": 2021, "page": 1})
        self.assertContains(response, reverse("resolutions:document-list-csv") + "?nam=2021")
        self.assertContains(response, reverse("resolutions:document-list-json") + "?nam=2021")
