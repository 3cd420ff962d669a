"""Senders' contact details never reach a public surface: pages, the page cache, feeds,
exports, search, sitemap, the lookup (feedback/, docs/security.md §22)."""

from django.test import TestCase, override_settings
from django.urls import reverse

from ndportal.search import run_search
from tests.factories import make_conference, make_document, make_question

NAME, PHONE, EMAIL = "Lê Thị Riêng Tư", "0987 654 321", "rieng.tu@example.vn"


@override_settings(PAGE_CACHE_SECONDS=60)
class ContactNeverPublicTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document(number="02-NQ/TU")
        cls.conference = make_conference()
        contact = {"sender_name": NAME, "sender_phone": PHONE, "sender_email": EMAIL}
        cls.question = make_question(
            answered=True, document=cls.document, subject="Hỗ trợ giống lúa", **contact
        )
        cls.other = make_question(
            answered=True, conference=cls.conference, subject="Tài liệu hội nghị", **contact
        )

    def public_urls(self):
        return [
            reverse("home"),
            reverse("feedback:question-list"),
            reverse("feedback:question-list") + f"?van_ban={self.document.pk}",
            self.question.get_absolute_url(),
            self.other.get_absolute_url(),
            self.document.get_absolute_url(),
            self.document.get_absolute_url() + "du-lieu.json",
            self.conference.get_absolute_url(),
            reverse("feedback:lookup") + f"?ma={self.question.code}",
            reverse("search") + "?q=ho+tro+giong+lua",
            reverse("resolutions:document-list-csv"),
            reverse("resolutions:document-list-json"),
            reverse("article-feed"),
            reverse("document-feed"),
            reverse("sitemap"),
            "/sitemap-documents.xml",
        ]

    def test_no_contact_detail_on_any_public_page_or_its_cached_copy(self):
        """Each surface, fetched twice (the second from the page cache), holds none of them."""
        for url in self.public_urls():
            with self.subTest(url=url):
                for attempt in (1, 2):
                    response = self.client.get(url)
                    self.assertIn(response.status_code, (200, 404), url)
                    body = b"".join(response) if response.streaming else response.content
                    text = body.decode("utf-8-sig")
                    for value in (NAME, PHONE, EMAIL, "rieng.tu"):
                        self.assertNotIn(value, text, f"{url} (request {attempt})")

    def test_the_reference_code_is_only_on_the_lookup(self):
        """The code is the sender's key: no public page but the lookup shows it."""
        for url in self.public_urls():
            if url.startswith(reverse("feedback:lookup")):
                continue
            with self.subTest(url=url):
                response = self.client.get(url)
                body = b"".join(response) if response.streaming else response.content
                self.assertNotIn(self.question.code, body.decode("utf-8-sig"))

    def test_the_published_question_is_found_but_never_by_its_sender(self):
        """Search finds the question by its words, and nothing by the sender's name or e-mail."""
        self.assertEqual(run_search("ho tro giong lua").total, 1)
        self.assertEqual(run_search(NAME).total, 0)
        self.assertEqual(run_search("rieng.tu@example.vn").total, 0)
        self.assertNotIn("rieng", self.question.search_body + self.question.search_summary)
