"""Atom feeds of news, of each category and of new documents, beside the RSS ones."""

import xml.etree.ElementTree as ET

from django.test import TestCase

from ndportal.publishing import Status
from tests.factories import make_article, make_category, make_document

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    """(feed title, [(entry title, summary)]) of an Atom response; raises if malformed."""
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed", root.tag
    return root.findtext(f"{ATOM}title"), [
        (entry.findtext(f"{ATOM}title"), entry.findtext(f"{ATOM}summary"))
        for entry in root.findall(f"{ATOM}entry")
    ]


class AtomFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.category = make_category(slug="thoi-su", name="Thời sự")
        cls.article = make_article(category=cls.category, title="<b>Tin</b> mới", lead="Sapo")
        make_article(title="Bản nháp", status=Status.DRAFT, published_at=None)
        cls.document = make_document(number="09-NQ/TU", summary="Tóm tắt")

    def test_news_atom_feed(self):
        """/tin-tuc/atom.xml lists published articles only, the title escaped as text."""
        response = self.client.get("/tin-tuc/atom.xml")
        self.assertTrue(response["Content-Type"].startswith("application/atom+xml"))
        _, items = entries(response)
        self.assertEqual(items, [("&lt;b&gt;Tin&lt;/b&gt; mới", "Sapo")])

    def test_category_atom_feed(self):
        """A category's Atom feed has its name; an unknown category is a 404."""
        title, items = entries(self.client.get("/tin-tuc/thoi-su/atom.xml"))
        self.assertTrue(title.startswith("Thời sự"))
        self.assertEqual(len(items), 1)
        self.assertEqual(self.client.get("/tin-tuc/khong-co/atom.xml").status_code, 404)

    def test_documents_atom_feed(self):
        """/van-ban/atom.xml lists the new documents with their summary."""
        _, items = entries(self.client.get("/van-ban/atom.xml"))
        self.assertEqual(len(items), 1)
        self.assertIn("09-NQ/TU", items[0][0])
        self.assertEqual(items[0][1], "Tóm tắt")
