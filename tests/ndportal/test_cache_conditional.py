"""Conditional GET: ETags on public pages and feeds, 304 on a repeat visit."""

from django.test import TestCase
from django.urls import reverse

from tests.factories import make_article, make_staff


class ConditionalGetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(title="Bài có ETag")

    def assert_revalidates(self, url):
        first = self.client.get(url)
        self.assertEqual(first.status_code, 200)
        etag = first["ETag"]
        again = self.client.get(url, headers={"if-none-match": etag})
        self.assertEqual(again.status_code, 304, url)
        self.assertEqual(again.content, b"")

    def test_page_answers_304_on_a_repeat_visit(self):
        """The browser's If-None-Match gets a 304, from a cache hit too."""
        self.assert_revalidates(reverse("news:article-list"))
        self.assert_revalidates(self.article.get_absolute_url())
        self.assert_revalidates(reverse("home"))

    def test_feeds_answer_304(self):
        """Feed readers polling an unchanged feed get a 304."""
        self.assert_revalidates(reverse("article-feed"))
        self.assert_revalidates(reverse("document-feed"))

    def test_uncached_page_has_an_etag_too(self):
        """With the page cache off, ConditionalGetMiddleware still gives ETag and 304."""
        with self.settings(PAGE_CACHE_SECONDS=0):
            self.assert_revalidates(reverse("resolutions:document-list"))

    def test_changed_content_gets_a_new_etag(self):
        """After an edit the old ETag no longer matches: the reader gets the new page."""
        url = reverse("news:article-list")
        etag = self.client.get(url)["ETag"]
        self.article.title = "Bài đã đổi tên"
        self.article.save()
        response = self.client.get(url, headers={"if-none-match": etag})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Bài đã đổi tên")

    def test_staff_responses_are_not_shared(self):
        """A signed-in editor's page carries private, no-store: no proxy keeps it."""
        self.client.force_login(make_staff("editor"))
        response = self.client.get(reverse("news:article-list"))
        self.assertIn("private", response["Cache-Control"])
        self.assertNotIn("public", response["Cache-Control"])
