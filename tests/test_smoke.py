"""Every public page renders with data in it."""

from django.test import TestCase

from tests.factories import make_article, make_conference, make_document


class PublicPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document()
        cls.conference = make_conference()
        cls.conference.documents.add(cls.document)
        cls.article = make_article(is_featured=True)
        cls.article.documents.add(cls.document)
        cls.article.conferences.add(cls.conference)

    def test_pages_render(self):
        """Home, lists and one detail page of each kind answer 200."""
        for url in [
            "/",
            "/tin-tuc/",
            self.article.category.get_absolute_url(),
            self.article.get_absolute_url(),
            "/van-ban/",
            self.document.get_absolute_url(),
            "/hoi-nghi/",
            self.conference.get_absolute_url(),
            "/tim-kiem/?q=nghi",
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)
