"""Tag pages (/tin-tuc/the/<slug>/), tags as links, and related articles."""

from django.core.exceptions import ValidationError
from django.test import TestCase, override_settings
from django.urls import reverse

from ndportal.publishing import Status
from news.models import Category, Tag
from tests.factories import make_article, make_category, make_conference, make_document


@override_settings(PAGE_CACHE_SECONDS=0)
class TagPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tag = Tag.objects.create(name="Chuyển đổi số")
        cls.draft_tag = Tag.objects.create(name="Bí mật bản nháp")
        cls.article = make_article(title="Bài công khai")
        cls.draft = make_article(title="Bài nháp", status=Status.DRAFT)
        cls.article.tags.add(cls.tag)
        cls.draft.tags.add(cls.tag, cls.draft_tag)

    def test_tag_page_lists_published_articles_only(self):
        """/tin-tuc/the/chuyen-doi-so/ shows the published article, never the draft."""
        url = reverse("news:tag", kwargs={"tag": "chuyen-doi-so"})
        self.assertEqual(self.tag.get_absolute_url(), url)
        response = self.client.get(url)
        self.assertContains(response, '<h1 class="page-title">Từ khóa: Chuyển đổi số</h1>')
        self.assertContains(response, "Bài công khai")
        self.assertNotContains(response, "Bài nháp")

    def test_tag_of_drafts_only_is_404(self):
        """A tag no published article carries answers 404: its name stays unseen."""
        self.assertEqual(self.client.get(self.draft_tag.get_absolute_url()).status_code, 404)
        self.assertEqual(self.client.get("/tin-tuc/the/khong-co/").status_code, 404)

    def test_article_tags_are_links(self):
        """The article's tags link to their pages."""
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(
            response,
            f'<a class="tag" href="{self.tag.get_absolute_url()}" rel="tag">Chuyển đổi số</a>',
            html=True,
        )

    def test_category_may_not_take_the_tag_prefix(self):
        """A category slugged "the" would hide its articles behind the tag pages: refused."""
        with self.assertRaises(ValidationError):
            Category(name="Thể thao", slug="the").full_clean()


@override_settings(PAGE_CACHE_SECONDS=0)
class RelatedArticlesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, other = make_category(), make_category()
        cls.document = make_document()
        cls.conference = make_conference()
        cls.tag_a = Tag.objects.create(name="Nông nghiệp")
        cls.tag_b = Tag.objects.create(name="Hải Hậu")
        cls.article = make_article(title="Bài gốc", category=cls.home)
        cls.article.documents.add(cls.document)
        cls.article.conferences.add(cls.conference)
        cls.article.tags.add(cls.tag_a, cls.tag_b)
        cls.by_document = make_article(title="Cùng văn bản", category=other)
        cls.by_document.documents.add(cls.document)
        cls.by_conference = make_article(title="Cùng hội nghị", category=other)
        cls.by_conference.conferences.add(cls.conference)
        cls.by_two_tags = make_article(title="Hai từ khóa chung", category=other)
        cls.by_two_tags.tags.add(cls.tag_a, cls.tag_b)
        cls.by_one_tag = make_article(title="Một từ khóa chung", category=other)
        cls.by_one_tag.tags.add(cls.tag_a)
        cls.same_category = make_article(title="Chỉ cùng chuyên mục", category=cls.home)
        cls.unrelated = make_article(title="Không liên quan", category=other)
        cls.draft = make_article(title="Bản nháp chung văn bản", status=Status.DRAFT)
        cls.draft.documents.add(cls.document)

    def test_shared_documents_conferences_and_tags_rank_first(self):
        """Shared document or conference, then two tags, then one tag; never drafts."""
        titles = [a.title for a in self.article.related_articles(limit=5)]
        self.assertEqual(set(titles[:2]), {"Cùng văn bản", "Cùng hội nghị"})
        self.assertEqual(
            titles[2:], ["Hai từ khóa chung", "Một từ khóa chung", "Chỉ cùng chuyên mục"]
        )

    def test_same_category_fills_in_and_unrelated_stay_out(self):
        """With room to spare, the same category comes last; an unrelated article never."""
        titles = [a.title for a in self.article.related_articles(limit=10)]
        self.assertEqual(titles[-1], "Chỉ cùng chuyên mục")
        self.assertNotIn("Không liên quan", titles)
        self.assertNotIn("Bản nháp chung văn bản", titles)
        self.assertNotIn("Bài gốc", titles)

    def test_one_query(self):
        """The list, with each article's category, is one query."""
        with self.assertNumQueries(1):
            [a.category.name for a in self.article.related_articles()]

    def test_article_page_shows_them(self):
        """The article page's "Bài liên quan" box lists the article sharing a document."""
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(response, "Bài liên quan")
        self.assertContains(response, "Cùng văn bản")
