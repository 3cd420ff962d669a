"""Share links and the print control on articles and documents (templates/includes/share.html)."""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.test import TestCase

from tests.factories import make_article, make_document


def share_nav(response):
    html = response.content.decode()
    match = re.search(r'<nav class="share-links".*?</nav>', html, re.S)
    assert match, "no share links"
    return match.group(0)


def hrefs(nav):
    return [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]*)"', nav)]


class ShareLinksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(title='Tin "nóng" & mới <b>')
        cls.document = make_document(number="11-NQ/TU")

    def test_article_share_targets(self):
        """Copy link is the plain page URL; Facebook, Zalo and email carry it, quoted."""
        url = "http://testserver" + self.article.get_absolute_url()
        response = self.client.get(self.article.get_absolute_url() + "?utm_source=x")
        copy, facebook, zalo, email = hrefs(share_nav(response))[:4]
        self.assertEqual(copy, url)
        self.assertEqual(urlsplit(facebook).netloc, "www.facebook.com")
        self.assertEqual(parse_qs(urlsplit(facebook).query)["u"], [url])
        self.assertEqual(urlsplit(zalo).netloc, "sp.zalo.me")
        self.assertEqual(parse_qs(urlsplit(zalo).query)["url"], [url])
        mail = parse_qs(urlsplit(email).query)
        self.assertEqual(mail["subject"], ['Tin "nóng" & mới <b>'])
        self.assertIn(url, mail["body"][0])
        self.assertTrue(email.startswith("mailto:?"))

    def test_no_third_party_script(self):
        """The only script the share links bring is our own static file, deferred."""
        response = self.client.get(self.article.get_absolute_url())
        scripts = re.findall(r"<script\b[^>]*\bsrc=\"([^\"]+)\"", response.content.decode())
        self.assertIn(settings.STATIC_URL + "js/share.js", scripts)
        self.assertTrue(all(src.startswith(settings.STATIC_URL) for src in scripts))

    def test_article_print_button_waits_for_the_script(self):
        """Without JS an article's print button stays hidden (it could do nothing)."""
        nav = share_nav(self.client.get(self.article.get_absolute_url()))
        self.assertRegex(nav, r"<button type=\"button\" data-print hidden>In trang</button>")

    def test_document_print_falls_back_to_the_print_view(self):
        """A document's print control is a link to ?in=1, which renders the print view."""
        nav = share_nav(self.client.get(self.document.get_absolute_url()))
        self.assertIn("?in=1", hrefs(nav))
        response = self.client.get(self.document.get_absolute_url() + "?in=1")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "11-NQ/TU")

    def test_print_stylesheet_hides_chrome_and_share_links(self):
        """site.css has a print rule hiding the share links, header and footer."""
        css = (Path(settings.BASE_DIR) / "static/css/site.css").read_text()
        rules = " ".join(re.findall(r"@media print \{(.*?)\n\}", css, re.S))
        for selector in (".share-links", ".site-header", ".site-nav", ".site-footer"):
            self.assertIn(selector, rules)
        self.assertIn("attr(href)", rules)
