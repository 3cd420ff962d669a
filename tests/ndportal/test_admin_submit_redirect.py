"""Where "Gửi duyệt" takes the editor (ndportal/admin.py, PublishableAdmin.response_*)."""

from django.test import TestCase

from ndportal.publishing import Status
from ndportal.roles import sync_roles
from news.models import Article
from tests.admin_forms import admin_url, form_data
from tests.factories import make_article, make_category, make_document, make_staff


class SubmitRedirectTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        sync_roles()
        cls.editor = make_staff("editor", "bientap")
        cls.category = make_category(name="Thời sự", slug="thoi-su")
        for number in range(16):
            make_article(title=f"Bài cũ {number}", slug=f"bai-cu-{number}", category=cls.category)

    def setUp(self):
        self.client.force_login(self.editor)

    def test_new_article_sent_for_review_returns_to_the_article(self):
        """Adding an article with 'Gửi duyệt' lands on its own page, not the 17-row list."""
        data = form_data(self.client.get(admin_url(Article, "add")))
        data.update(
            title="Bài mới gửi duyệt",
            category=self.category.pk,
            lead="Sapo.",
            body="<p>Nội dung.</p>",
            _workflow="submit",
        )
        response = self.client.post(admin_url(Article, "add"), data, follow=True)

        article = Article.objects.get(title="Bài mới gửi duyệt")
        self.assertEqual(article.status, Status.REVIEW)
        self.assertRedirects(response, admin_url(article))
        self.assertContains(response, "Mục này đang chờ duyệt.")
        self.assertContains(response, "Đã gửi duyệt “Bài mới gửi duyệt”")

    def test_draft_sent_for_review_returns_to_the_item(self):
        """Submitting an existing draft (a document here) returns to its change page."""
        document = make_document(status=Status.DRAFT, published_at=None)
        data = form_data(self.client.get(admin_url(document)))
        data["_workflow"] = "submit"

        response = self.client.post(admin_url(document), data)

        self.assertRedirects(response, admin_url(document), fetch_redirect_response=False)

    def test_plain_save_still_goes_to_the_list(self):
        """'Lưu lại' without a workflow step keeps Django's return to the changelist."""
        draft = make_article(status=Status.DRAFT, published_at=None, category=self.category)
        response = self.client.post(admin_url(draft), form_data(self.client.get(admin_url(draft))))

        self.assertRedirects(
            response, admin_url(Article, "changelist"), fetch_redirect_response=False
        )
