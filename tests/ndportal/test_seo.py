"""What each public page tells search engines and share previews (ndportal/seo.py)."""

import json
import re
from html.parser import HTMLParser

from django.test import TestCase
from django.urls import reverse

from resolutions.models import DocumentRelation
from tests.factories import make_article, make_category, make_conference, make_document

HOSTILE = "</script><script>alert(1)</script>"


class HeadParser(HTMLParser):
    """Collects <meta>, <link rel=canonical> and the JSON-LD blocks of a page."""

    def __init__(self):
        super().__init__()
        self.meta = {}
        self.canonical = []
        self.alternates = []
        self.json_ld = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "content" in attrs:
            self.meta[attrs.get("name") or attrs.get("property")] = attrs["content"]
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "alternate":
            self.alternates.append((attrs.get("type"), attrs.get("href")))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld[-1] += data


def parse(response):
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def graph(parser):
    """The one JSON-LD block's nodes, keyed by @type."""
    assert len(parser.json_ld) == 1, parser.json_ld
    data = json.loads(parser.json_ld[0])
    assert data["@context"] == "https://schema.org"
    return {node["@type"]: node for node in data["@graph"]}


class ArticleHeadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(
            title=HOSTILE,
            lead="Sapo dài " + "rất dài " * 40 + '<b>"đậm"</b>',
            author="Nguyễn Văn A",
            category=make_category(slug="thoi-su", name="Thời sự"),
        )

    def setUp(self):
        self.response = self.client.get(self.article.get_absolute_url() + "?utm_source=x")
        self.head = parse(self.response)

    def test_description_is_the_lead_truncated(self):
        """The meta description is the lead, cut to about 160 characters."""
        description = self.head.meta["description"]
        self.assertTrue(description.startswith("Sapo dài rất dài"))
        self.assertLessEqual(len(description), 160)

    def test_canonical_is_absolute_without_query(self):
        """The canonical URL is absolute and drops tracking parameters."""
        self.assertEqual(
            self.head.canonical, ["http://testserver" + self.article.get_absolute_url()]
        )

    def test_opengraph_and_twitter_tags(self):
        """OpenGraph says article, vi_VN, the default image; the Twitter card is large."""
        meta = self.head.meta
        self.assertEqual(meta["og:type"], "article")
        self.assertEqual(meta["og:locale"], "vi_VN")
        self.assertEqual(meta["og:title"], HOSTILE)
        self.assertTrue(meta["og:image"].startswith("http://testserver/static/img/og-default"))
        self.assertEqual(meta["twitter:card"], "summary_large_image")
        self.assertEqual(meta["twitter:image"], meta["og:image"])

    def test_hostile_title_is_escaped_everywhere(self):
        """A title with </script> never closes an element: no raw alert script in the page."""
        html = self.response.content.decode()
        self.assertNotIn("<script>alert(1)</script>", html)
        for tag in re.findall(r"<script\b[^>]*>", html):
            self.assertTrue('type="application/ld+json"' in tag or " src=" in tag, tag)
        self.assertNotIn("<", self.head.json_ld[0])

    def test_news_article_json_ld(self):
        """NewsArticle carries headline, dates, author, image and the publisher."""
        nodes = graph(self.head)
        article = nodes["NewsArticle"]
        self.assertEqual(article["headline"], HOSTILE)
        for key in ("datePublished", "dateModified", "image", "url"):
            self.assertTrue(article[key], key)
        self.assertEqual(article["author"], {"@type": "Person", "name": "Nguyễn Văn A"})
        self.assertEqual(article["publisher"]["@type"], "Organization")

    def test_breadcrumb_list(self):
        """BreadcrumbList follows the page's breadcrumbs, from the home page, all absolute."""
        crumbs = graph(self.head)["BreadcrumbList"]["itemListElement"]
        self.assertEqual([c["position"] for c in crumbs], list(range(1, len(crumbs) + 1)))
        self.assertEqual(crumbs[0]["name"], "Trang chủ")
        self.assertIn("Thời sự", [c["name"] for c in crumbs])
        self.assertTrue(all(c["item"].startswith("http://testserver/") for c in crumbs))


class DocumentHeadTests(TestCase):
    def test_legislation_json_ld(self):
        """Legislation: number, date, issuing body, legal force from validity."""
        document = make_document(number="07-NQ/TU", title=HOSTILE, summary="Tóm tắt ngắn.")
        head = parse(self.client.get(document.get_absolute_url()))
        self.assertEqual(head.meta["description"], "Tóm tắt ngắn.")
        legislation = graph(head)["Legislation"]
        self.assertEqual(legislation["legislationIdentifier"], "07-NQ/TU")
        self.assertEqual(legislation["legislationDate"], "2021-07-30")
        self.assertEqual(legislation["legislationPassedBy"]["name"], "Tỉnh ủy Nam Định")
        self.assertEqual(legislation["legislationLegalForce"], "https://schema.org/InForce")

    def test_legislation_changes_from_relations(self):
        """An amending document names the document it changes; a plain one has no such key."""
        old = make_document(number="01-NQ/TU")
        new = make_document(number="02-NQ/TU")
        DocumentRelation.objects.create(source=new, kind="amends", target=old)
        legislation = graph(parse(self.client.get(new.get_absolute_url())))["Legislation"]
        self.assertEqual(
            [link["legislationIdentifier"] for link in legislation["legislationChanges"]],
            ["01-NQ/TU"],
        )
        plain = graph(parse(self.client.get(old.get_absolute_url())))["Legislation"]
        self.assertNotIn("legislationChanges", plain)

    def test_expired_document_is_not_in_force(self):
        """An expired document says NotInForce."""
        document = make_document(validity_override="expired")
        legislation = graph(parse(self.client.get(document.get_absolute_url())))["Legislation"]
        self.assertEqual(legislation["legislationLegalForce"], "https://schema.org/NotInForce")


class ConferenceHeadTests(TestCase):
    def test_event_json_ld(self):
        """Event: dates, a Place with an address, attendance mode from the format, organizer."""
        conference = make_conference(format="online", place="Hội trường A")
        head = parse(self.client.get(conference.get_absolute_url()))
        event = graph(head)["Event"]
        self.assertEqual(event["startDate"], conference.starts_at.isoformat())
        self.assertEqual(event["location"]["@type"], "Place")
        self.assertEqual(event["location"]["address"]["streetAddress"], "Hội trường A")
        self.assertEqual(
            event["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode"
        )
        self.assertEqual(event["organizer"]["name"], "Ban Thường vụ Tỉnh ủy")
        self.assertEqual(head.meta["og:type"], "article")


class HomeHeadTests(TestCase):
    def test_organization_and_search_action(self):
        """The home page describes the organisation and the site search."""
        head = parse(self.client.get(reverse("home")))
        nodes = graph(head)
        self.assertEqual(nodes["Organization"]["url"], "http://testserver/")
        action = nodes["WebSite"]["potentialAction"]
        self.assertEqual(action["@type"], "SearchAction")
        self.assertEqual(
            action["target"]["urlTemplate"], "http://testserver/tim-kiem/?q={search_term_string}"
        )
        self.assertEqual(head.meta["og:type"], "website")

    def test_feeds_are_advertised(self):
        """Every page links the RSS and Atom feeds of news and documents."""
        alternates = parse(self.client.get(reverse("home"))).alternates
        for href in ("/tin-tuc/rss.xml", "/tin-tuc/atom.xml", "/van-ban/rss.xml"):
            self.assertIn(href, [h for _, h in alternates])
        self.assertIn(("application/atom+xml", "/van-ban/atom.xml"), alternates)


class RegistryIndexingTests(TestCase):
    """Filtered registry states are followed but not indexed; the plain list stays indexable."""

    @classmethod
    def setUpTestData(cls):
        for _ in range(21):
            make_document()

    def get(self, query=""):
        return self.client.get(reverse("resolutions:document-list") + query)

    def test_plain_list_is_indexable(self):
        """/van-ban/ has no robots rule and is its own canonical."""
        response = self.get()
        head = parse(response)
        self.assertNotIn("robots", head.meta)
        self.assertNotIn("X-Robots-Tag", response.headers)
        self.assertEqual(head.canonical, ["http://testserver/van-ban/"])

    def test_page_two_keeps_its_page_number(self):
        """A later page of the unfiltered list is canonical to itself, page number kept."""
        head = parse(self.get("?page=2"))
        self.assertNotIn("robots", head.meta)
        self.assertEqual(head.canonical, ["http://testserver/van-ban/?page=2"])

    def test_filtered_states_are_noindex(self):
        """A filter, a sort or a query: noindex, follow in the page and the header."""
        queries = ("?loai=nghi-quyet", "?sap_xep=cu-nhat", "?q=chuyen+doi", "?sap_xep=so&page=2")
        for query in queries:
            with self.subTest(query=query):
                response = self.get(query)
                head = parse(response)
                self.assertEqual(head.meta["robots"], "noindex, follow")
                self.assertEqual(response["X-Robots-Tag"], "noindex, follow")
                self.assertEqual(head.canonical, ["http://testserver/van-ban/"])

    def test_facet_and_sort_links_are_nofollow(self):
        """Every link that adds or removes a filter or sort carries rel=nofollow."""
        html = self.get("?loai=nghi-quyet").content.decode()
        links = re.findall(r"<a href=\"\?[^\"]*(?:loai|sap_xep)=[^>]*>", html)
        self.assertTrue(links)
        for link in links:
            self.assertIn('rel="nofollow"', link)


class RobotsTxtTests(TestCase):
    def test_robots_keeps_registry_indexable(self):
        """robots.txt blocks the search page, never the registry or the news."""
        lines = self.client.get("/robots.txt").content.decode().splitlines()
        self.assertIn("Disallow: /tim-kiem/", lines)
        for path in ("/van-ban/", "/tin-tuc/", "/hoi-nghi/"):
            self.assertNotIn(f"Disallow: {path}", lines)
