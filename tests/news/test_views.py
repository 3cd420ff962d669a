"""News pages: list, category, article, and the boxes around an article."""

import datetime

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from tests.factories import (
    make_article,
    make_category,
    make_conference,
    make_document,
    warm_page_fragments,
)


class ArticleListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.politics = make_category(name="Thời sự", slug="thoi-su", order=1)
        cls.party = make_category(name="Xây dựng Đảng", slug="xay-dung-dang", order=2)
        cls.old = make_article(
            title="Tin cũ",
            category=cls.politics,
            published_at=timezone.now() - datetime.timedelta(days=3),
        )
        cls.new = make_article(title="Tin mới", category=cls.party)

    def test_list_is_newest_first(self):
        """/tin-tuc/ lists published articles, newest first, with the category menu."""
        response = self.client.get(reverse("news:article-list"))
        self.assertEqual(list(response.context["article_list"]), [self.new, self.old])
        self.assertContains(response, f'href="{self.party.get_absolute_url()}"')

    def test_category_page_filters(self):
        """A category page lists only its own articles and names the category."""
        response = self.client.get(self.politics.get_absolute_url())
        self.assertEqual(list(response.context["article_list"]), [self.old])
        self.assertContains(response, '<h1 class="page-title">Thời sự</h1>', html=True)
        self.assertNotContains(response, "Tin mới</a>")

    def test_titles_in_the_list_are_level_two_headings(self):
        """Under the page's h1 the list's titles are h2 (no skipped level); home keeps h3."""
        response = self.client.get(reverse("news:article-list"))
        self.assertContains(
            response,
            f'<h2 class="card-title"><a href="{self.new.get_absolute_url()}">Tin mới</a></h2>',
            html=True,
        )
        self.assertNotContains(response, '<h3 class="card-title">')
        self.assertContains(self.client.get(reverse("home")), '<h3 class="card-title">')

    def test_empty_category(self):
        """A category without published articles says so."""
        empty = make_category(name="Văn hóa", slug="van-hoa")
        self.assertContains(self.client.get(empty.get_absolute_url()), "Chưa có bài viết")

    def test_pagination(self):
        """Twelve articles a page; page 2 holds the rest."""
        for _ in range(12):
            make_article(category=self.politics)
        first = self.client.get(reverse("news:article-list"))
        self.assertEqual(len(first.context["article_list"]), 12)
        self.assertContains(first, "Trang sau")
        second = self.client.get(reverse("news:article-list"), {"page": 2})
        self.assertEqual(len(second.context["article_list"]), 2)


class ArticleDetailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.category = make_category(name="Thời sự", slug="thoi-su")
        cls.other_category = make_category(name="Kinh tế", slug="kinh-te")
        cls.article = make_article(
            title="Tỉnh ủy quán triệt Nghị quyết 01",
            category=cls.category,
            lead="Sáng 30/7, Tỉnh ủy tổ chức hội nghị.",
            body="<p>Đồng chí Bí thư Tỉnh ủy <strong>chủ trì</strong>.</p>",
            author="Minh Anh",
        )
        cls.document = make_document(number="01-NQ/TU", title="về chuyển đổi số")
        cls.draft_document = make_document(
            number="02-NQ/TU", title="văn bản còn nháp", status=Status.DRAFT, published_at=None
        )
        cls.conference = make_conference(title="Hội nghị cán bộ chủ chốt")
        cls.draft_conference = make_conference(title="Hội nghị chưa công bố", status=Status.REVIEW)
        cls.article.documents.add(cls.document, cls.draft_document)
        cls.article.conferences.add(cls.conference, cls.draft_conference)
        cls.related = make_article(title="Tin cùng chuyên mục", category=cls.category)
        cls.related_draft = make_article(
            title="Tin cùng chuyên mục còn nháp", category=cls.category, status=Status.DRAFT
        )
        cls.scheduled = make_article(
            title="Tin cùng chuyên mục hẹn giờ",
            category=cls.category,
            published_at=timezone.now() + datetime.timedelta(hours=2),
        )

    def test_article_page(self):
        """The page shows title, lead, sanitised body, author and breadcrumbs."""
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(
            response, '<h1 class="article-title">Tỉnh ủy quán triệt Nghị quyết 01</h1>', html=True
        )
        self.assertContains(response, "Sáng 30/7, Tỉnh ủy tổ chức hội nghị.")
        self.assertContains(response, "<strong>chủ trì</strong>", html=True)
        self.assertContains(response, "Minh Anh")
        self.assertContains(
            response, f'<a href="{self.category.get_absolute_url()}">Thời sự</a>', html=True
        )

    def test_shows_its_published_document_and_conference(self):
        """The article links the document and conference it reports on."""
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(response, self.document.get_absolute_url())
        self.assertContains(response, "01-NQ/TU")
        self.assertContains(response, self.conference.get_absolute_url())

    def test_hides_unpublished_document_and_conference(self):
        """A draft document or a conference under review linked to the article is not shown."""
        response = self.client.get(self.article.get_absolute_url())
        self.assertNotContains(response, "02-NQ/TU")
        self.assertNotContains(response, self.draft_document.title)
        self.assertNotContains(response, self.draft_conference.title)

    def test_related_articles_are_published_only(self):
        """'Bài liên quan' lists the published neighbour, never a draft or scheduled one."""
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(response, self.related.title)
        self.assertNotContains(response, self.related_draft.title)
        self.assertNotContains(response, self.scheduled.title)

    def test_stale_category_redirects_permanently(self):
        """An article URL with an old category answers 301 to the canonical URL."""
        url = reverse(
            "news:article-detail",
            kwargs={"category": self.other_category.slug, "slug": self.article.slug},
        )
        response = self.client.get(url)
        self.assertRedirects(
            response, self.article.get_absolute_url(), status_code=301, fetch_redirect_response=True
        )

    def test_unknown_category_in_url_redirects_too(self):
        """Even a category that no longer exists redirects when the slug is right."""
        url = reverse(
            "news:article-detail", kwargs={"category": "da-xoa", "slug": self.article.slug}
        )
        self.assertRedirects(
            response=self.client.get(url),
            expected_url=self.article.get_absolute_url(),
            status_code=301,
        )

    def test_unknown_slug_is_404(self):
        """An article slug that does not exist is a 404."""
        url = reverse("news:article-detail", kwargs={"category": "thoi-su", "slug": "khong-co"})
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_draft_with_stale_category_does_not_redirect(self):
        """A draft under another category is a 404, not a redirect that confirms it exists."""
        url = reverse(
            "news:article-detail",
            kwargs={"category": self.other_category.slug, "slug": self.related_draft.slug},
        )
        self.assertEqual(self.client.get(url).status_code, 404)

    def test_article_page_query_count(self):
        """The article page: article, tags, photos, documents, conferences, related articles."""
        warm_page_fragments()  # footer, navigation, "Đọc nhiều": once per content version
        with self.assertNumQueries(6):
            self.client.get(self.article.get_absolute_url())
