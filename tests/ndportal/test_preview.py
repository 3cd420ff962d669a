"""Preview: staff see unpublished items in the real template, marked and never cached."""

from django.contrib.auth.models import User
from django.test import TestCase

from ndportal.publishing import Status
from tests.admin_forms import admin_url
from tests.factories import make_article, make_conference, make_document, make_staff


class PreviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_staff("editor")
        cls.colleague = make_staff("approver")
        cls.reader = User.objects.create_user("bandoc", password="x")
        cls.items = [
            make_article(status=Status.DRAFT, published_at=None, title="Bài chưa đăng"),
            make_document(status=Status.REVIEW, published_at=None, title="văn bản chờ duyệt"),
            make_conference(status=Status.DRAFT, published_at=None, title="Hội nghị nháp"),
        ]

    def test_change_page_has_a_preview_link(self):
        """Every kind's change page links to its preview while it is not public."""
        self.client.force_login(self.editor)
        for item in self.items:
            with self.subTest(model=type(item).__name__):
                response = self.client.get(admin_url(item))
                self.assertContains(response, f'href="{item.get_absolute_url()}"')
                self.assertContains(response, "Xem trước")

    def test_staff_colleague_opens_the_shared_link(self):
        """Anyone with admin access opens the preview, bannered, noindex and never cached."""
        self.client.force_login(self.colleague)
        for item in self.items:
            with self.subTest(model=type(item).__name__):
                response = self.client.get(item.get_absolute_url())
                self.assertContains(response, "Bản xem trước")
                self.assertContains(response, item.title)
                self.assertEqual(response["X-Robots-Tag"], "noindex")
                self.assertIn("no-cache", response["Cache-Control"])

    def test_anonymous_gets_404(self):
        """An anonymous reader who has the link gets a 404."""
        for item in self.items:
            with self.subTest(model=type(item).__name__):
                self.assertEqual(self.client.get(item.get_absolute_url()).status_code, 404)

    def test_logged_in_reader_without_admin_access_gets_404(self):
        """Being logged in is not enough: the account needs admin access."""
        self.client.force_login(self.reader)
        for item in self.items:
            with self.subTest(model=type(item).__name__):
                self.assertEqual(self.client.get(item.get_absolute_url()).status_code, 404)

    def test_public_item_has_no_preview_link(self):
        """Once public, the page is the real thing: no 'Xem trước' link."""
        item = make_article()
        self.client.force_login(self.colleague)
        self.assertNotContains(self.client.get(admin_url(item)), "Xem trước")
