"""The news admin through the test client, as a superuser: lists, forms, rules."""

import io
import unicodedata

from django.contrib.admin.sites import site
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory, TestCase
from django.urls import reverse
from PIL import Image

from ndportal.publishing import Status
from news.models import Article, Category, Tag
from tests.admin_forms import form_data
from tests.factories import make_article, make_category, make_conference, make_document

SLUG_FROZEN = "Đường dẫn của mục đã xuất bản không được đổi, để liên kết cũ không hỏng."


def png_upload(name="anh.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 36), (200, 30, 30)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


class NewsAdminTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin_user = User.objects.create_superuser("quantri", "qt@example.vn", "x")
        cls.category = make_category(name="Thời sự", slug="thoi-su")
        cls.tag = Tag.objects.create(name="chuyển đổi số")
        cls.document = make_document(number="01-NQ/TU")
        cls.conference = make_conference(title="Hội nghị quán triệt")
        cls.article = make_article(title="Bài đã xuất bản", category=cls.category)
        cls.draft = make_article(
            title="Bài nháp", category=cls.category, status=Status.DRAFT, published_at=None
        )

    def setUp(self):
        self.client.force_login(self.admin_user)


class ArticleAdminPagesTests(NewsAdminTestCase):
    def test_add_page_is_vietnamese(self):
        """The add page speaks Vietnamese: title, field labels, help texts."""
        response = self.client.get(reverse("admin:news_article_add"))
        self.assertContains(response, "Thêm")
        self.assertContains(response, "Tiêu đề")
        self.assertContains(response, "Sapo")
        self.assertContains(response, "mô tả ngắn nội dung ảnh")
        self.assertContains(response, '<html lang="vi"', html=False)

    def test_changelist_columns(self):
        """The list shows title, category, state and publication time."""
        response = self.client.get(reverse("admin:news_article_changelist"))
        self.assertContains(response, "Bài đã xuất bản")
        self.assertContains(response, "Bài nháp")
        self.assertContains(response, "Thời sự")
        self.assertContains(response, "Đã xuất bản")
        self.assertContains(response, "Bản nháp")

    def test_search_finds_vietnamese_title(self):
        """Searching the changelist finds by title words."""
        response = self.client.get(reverse("admin:news_article_changelist"), {"q": "nháp"})
        self.assertContains(response, "Bài nháp")
        self.assertNotContains(response, "Bài đã xuất bản")

    def test_filters(self):
        """Status, category and featured filters narrow the list."""
        url = reverse("admin:news_article_changelist")
        response = self.client.get(url, {"status__exact": Status.DRAFT})
        self.assertContains(response, "Bài nháp")
        self.assertNotContains(response, "Bài đã xuất bản")
        response = self.client.get(url, {"category__id__exact": self.category.pk})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.client.get(url, {"is_featured__exact": "1"}).status_code, 200)

    def test_category_and_tag_lists_count_articles(self):
        """Category and tag lists show how many articles each holds."""
        self.article.tags.add(self.tag)
        response = self.client.get(reverse("admin:news_category_changelist"))
        self.assertContains(response, "Số bài viết")
        self.assertContains(response, '<td class="field-article_count">2</td>', html=True)
        response = self.client.get(reverse("admin:news_tag_changelist"))
        self.assertContains(response, '<td class="field-article_count">1</td>', html=True)

    def test_autocomplete_for_relations(self):
        """Category, tags, documents and conferences are picked by autocomplete."""
        response = self.client.get(reverse("admin:news_article_add"))
        for field in ["category", "tags", "documents", "conferences"]:
            with self.subTest(field=field):
                self.assertContains(response, f'data-field-name="{field}"')
        autocomplete = self.client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "news",
                "model_name": "article",
                "field_name": "documents",
                "term": "01-NQ",
            },
        )
        self.assertContains(autocomplete, "01-NQ/TU")


class ArticleAdminAddTests(NewsAdminTestCase):
    def post_add(self, **values):
        response = self.client.get(reverse("admin:news_article_add"))
        data = form_data(response, "article_form")
        data.update(values)
        return self.client.post(reverse("admin:news_article_add"), data)

    def test_add_article_with_photo(self):
        """An editor creates a published article with a photo inline, from scratch."""
        response = self.post_add(
            title=unicodedata.normalize("NFD", "Tỉnh ủy Nam Định sơ kết Nghị quyết"),
            category=str(self.category.pk),
            lead="Sáng nay, Tỉnh ủy sơ kết.",
            body='<p>Nội dung</p><script>alert(1)</script><img src=x alt="Ảnh" onerror="alert(1)">',
            tags=[str(self.tag.pk)],
            documents=[str(self.document.pk)],
            conferences=[str(self.conference.pk)],
            status=Status.PUBLISHED,
            **{
                "photos-TOTAL_FORMS": "1",
                "photos-INITIAL_FORMS": "0",
                "photos-0-image": png_upload(),
                "photos-0-caption": "Quang cảnh hội nghị",
                "photos-0-alt_text": "Đại biểu dự hội nghị",
                "photos-0-order": "0",
            },
        )
        self.assertEqual(response.status_code, 302, response.context and response.context["errors"])
        article = Article.objects.get(slug="tinh-uy-nam-dinh-so-ket-nghi-quyet")
        self.assertEqual(article.title, "Tỉnh ủy Nam Định sơ kết Nghị quyết")
        self.assertEqual(article.created_by, self.admin_user)
        self.assertTrue(article.is_public)
        self.assertNotIn("script", article.body)
        self.assertNotIn("onerror", article.body)
        self.assertQuerySetEqual(article.tags.all(), [self.tag])
        self.assertQuerySetEqual(article.documents.all(), [self.document])
        self.assertQuerySetEqual(article.conferences.all(), [self.conference])
        self.assertEqual(article.photos.get().alt_text, "Đại biểu dự hội nghị")
        self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 200)

    def test_cover_image_without_alt_is_refused(self):
        """A cover image without alt text is refused with a message; nothing is saved."""
        response = self.post_add(
            title="Bài có ảnh thiếu mô tả",
            category=str(self.category.pk),
            lead="Sapo.",
            body="<p>Nội dung</p>",
            cover_image=png_upload(),
            cover_alt="",
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Ảnh đại diện cần có mô tả (alt)")
        self.assertFalse(Article.objects.filter(title="Bài có ảnh thiếu mô tả").exists())

    def test_missing_required_fields(self):
        """Posting an empty form lists the missing fields in Vietnamese and saves nothing."""
        count = Article.objects.count()
        response = self.post_add(title="", category="", lead="", body="")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Trường này là bắt buộc")
        self.assertEqual(Article.objects.count(), count)

    def test_duplicate_slug_is_a_form_error(self):
        """A slug already in use is a form error, not a database error."""
        response = self.post_add(
            title="Bài khác",
            slug=self.article.slug,
            category=str(self.category.pk),
            lead="Sapo.",
            body="<p>x</p>",
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "đã tồn tại")

    def test_nfd_category_name_duplicate_is_a_form_error(self):
        """A category typed in NFD that already exists is refused by the form, not a 500."""
        url = reverse("admin:news_category_add")
        data = form_data(self.client.get(url), "category_form")
        data.update(name=unicodedata.normalize("NFD", "Thời sự"), slug="thoi-su-2", order="1")
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "đã tồn tại")
        self.assertEqual(Category.objects.filter(name="Thời sự").count(), 1)


class FrozenSlugAdminTests(NewsAdminTestCase):
    def test_published_article_slug_is_read_only(self):
        """The change page of a published article shows the slug but offers no input for it."""
        response = self.client.get(reverse("admin:news_article_change", args=[self.article.pk]))
        self.assertContains(response, self.article.slug)
        self.assertNotContains(response, 'name="slug"')

    def test_draft_slug_is_editable(self):
        """A draft's slug can still be edited."""
        response = self.client.get(reverse("admin:news_article_change", args=[self.draft.pk]))
        self.assertContains(response, 'name="slug"')

    def test_posted_slug_change_is_ignored(self):
        """A slug posted for a published article does not change it; the title change saves."""
        url = reverse("admin:news_article_change", args=[self.article.pk])
        data = form_data(self.client.get(url), "article_form")
        data.update(title="Tiêu đề đã sửa", slug="duong-dan-moi")
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(self.article.title, "Tiêu đề đã sửa")
        self.assertEqual(self.article.slug, "bai-da-xuat-ban")

    def test_admin_form_clean_refuses_changed_slug(self):
        """The admin form with a slug field refuses a new slug once the article is published."""
        request = RequestFactory().get("/")
        request.user = self.admin_user
        model_admin = site._registry[Article]
        form_class = model_admin.get_form(request, None)
        form = form_class(
            data={
                "title": self.article.title,
                "slug": "doi-duong-dan",
                "category": self.category.pk,
                "lead": self.article.lead,
                "body": self.article.body,
                "status": self.article.status,
                "published_at_0": "01/01/2026",
                "published_at_1": "08:00:00",
                "version": self.article.version,
            },
            instance=self.article,
        )
        self.assertFalse(form.is_valid())
        self.assertEqual(form.errors["slug"], [SLUG_FROZEN])
