"""Every sitemap URL carries a lastmod, the list pages included (ndportal/sitemaps.py)."""

import xml.etree.ElementTree as ET

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from tests.factories import (
    make_article,
    make_conference,
    make_document,
    make_page,
    make_question,
    make_report,
    make_target,
)
from tests.ndportal.test_sitemaps import NS, sitemap_entries


class SitemapLastmodTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article()
        cls.document = make_document()
        cls.conference = make_conference()
        make_page()
        make_question(answered=True)
        make_article(status=Status.DRAFT, published_at=None)
        make_report(make_target())

    def sections(self):
        root = ET.fromstring(self.client.get(reverse("sitemap")).content)
        return [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]

    def test_every_url_has_a_lastmod(self):
        """No URL of any section goes out undated."""
        for section in self.sections():
            with self.subTest(section=section):
                entries = sitemap_entries(self.client.get(section))
                self.assertTrue(entries)
                self.assertNotIn(None, entries.values())

    def test_list_pages_are_dated_by_their_newest_item(self):
        """The registry's list page carries the date of the newest published document."""
        entries = sitemap_entries(self.client.get("/sitemap-sections.xml"))
        self.assertEqual(
            entries["http://testserver/van-ban/"],
            timezone.localdate(self.document.updated_at).isoformat(),
        )
