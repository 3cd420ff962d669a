"""Rules of the news models: slugs, NFC text, cover alt text, URLs."""

import unicodedata

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from ndportal.publishing import Status
from news.models import Article, Category, Tag
from tests.factories import make_article, make_category


def nfd(value):
    return unicodedata.normalize("NFD", value)


class ArticleSlugTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.category = make_category(name="Thời sự", slug="thoi-su")

    def test_slug_from_vietnamese_title(self):
        """An article without a slug gets one made from its title."""
        article = make_article(
            title="Tỉnh ủy Nam Định quán triệt Nghị quyết", category=self.category
        )
        self.assertEqual(article.slug, "tinh-uy-nam-dinh-quan-triet-nghi-quyet")

    def test_same_title_gets_numbered_slug(self):
        """Two articles with one title get distinct slugs, the second ending in -2."""
        first = make_article(title="Hội nghị Ban Chấp hành", category=self.category)
        second = make_article(title="Hội nghị Ban Chấp hành", category=self.category)
        self.assertEqual(first.slug, "hoi-nghi-ban-chap-hanh")
        self.assertEqual(second.slug, "hoi-nghi-ban-chap-hanh-2")

    def test_given_slug_is_kept(self):
        """A slug the editor typed is not replaced."""
        article = make_article(title="Tiêu đề", slug="duong-dan-rieng", category=self.category)
        self.assertEqual(article.slug, "duong-dan-rieng")

    def test_slug_kept_when_published_title_changes(self):
        """Editing the title of a published article keeps its slug and URL."""
        article = make_article(title="Tiêu đề ban đầu", category=self.category)
        url = article.get_absolute_url()
        article.title = "Tiêu đề đã sửa"
        article.full_clean()
        article.save()
        article.refresh_from_db()
        self.assertEqual(article.slug, "tieu-de-ban-dau")
        self.assertEqual(article.get_absolute_url(), url)

    def test_changed_slug_of_published_article_fails_validation(self):
        """full_clean refuses a new slug on a published article with the Vietnamese message."""
        article = make_article(category=self.category)
        article.slug = "doi-duong-dan"
        with self.assertRaises(ValidationError) as raised:
            article.full_clean()
        self.assertEqual(
            raised.exception.message_dict["slug"],
            ["Đường dẫn của mục đã xuất bản không được đổi, để liên kết cũ không hỏng."],
        )

    def test_archived_article_slug_is_frozen_too(self):
        """An archived article once had a public URL, so its slug stays frozen."""
        article = make_article(category=self.category, status=Status.ARCHIVED)
        article.slug = "doi-duong-dan"
        with self.assertRaises(ValidationError):
            article.full_clean()


class NormalisationTests(TestCase):
    def test_nfd_title_is_stored_as_nfc(self):
        """Decomposed text in every text field is stored precomposed."""
        article = make_article(
            title=nfd("Đại hội Đảng bộ tỉnh Nam Định"),
            lead=nfd("Sáng nay, Tỉnh ủy khai mạc."),
            body=nfd("<p>Nội dung đầy đủ</p>"),
            author=nfd("Nguyễn Thị Hường"),
        )
        article.refresh_from_db()
        self.assertEqual(article.title, "Đại hội Đảng bộ tỉnh Nam Định")
        self.assertEqual(article.lead, "Sáng nay, Tỉnh ủy khai mạc.")
        self.assertEqual(article.body, "<p>Nội dung đầy đủ</p>")
        self.assertEqual(article.author, "Nguyễn Thị Hường")
        self.assertEqual(Article.objects.filter(title__contains="Định").count(), 1)

    def test_category_and_tag_names_are_nfc(self):
        """Category and tag names are stored precomposed."""
        category = make_category(name=nfd("Xây dựng Đảng"))
        tag = Tag.objects.create(name=nfd("chuyển đổi số"))
        category.refresh_from_db()
        tag.refresh_from_db()
        self.assertEqual(category.name, "Xây dựng Đảng")
        self.assertEqual(tag.name, "chuyển đổi số")
        self.assertEqual(tag.slug, "chuyen-doi-so")

    def test_nfd_duplicate_tag_is_a_validation_error(self):
        """A tag typed in NFD that equals an existing one fails validation, not the database."""
        Tag.objects.create(name="chuyển đổi số")
        duplicate = Tag(name=nfd("chuyển đổi số"), slug="khac")
        with self.assertRaises(ValidationError) as raised:
            duplicate.full_clean()
        self.assertIn("name", raised.exception.message_dict)

    def test_nfd_title_within_max_length(self):
        """A title that fits in NFC is not refused because its NFD form is longer."""
        title = "Định " * 59 + "Định"  # 299 characters composed, about 500 decomposed
        self.assertGreater(len(nfd(title)), 300)
        article = Article(title=nfd(title), lead="Sapo", body="<p>x</p>", category=make_category())
        article.full_clean()
        self.assertEqual(article.title, title)


class CoverImageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article()

    def test_cover_image_needs_alt_text(self):
        """An article with a cover image and no alt text is refused with a clear message."""
        self.article.cover_image = SimpleUploadedFile("anh.jpg", b"x")
        self.article.cover_alt = "  "
        with self.assertRaises(ValidationError) as raised:
            self.article.clean()
        self.assertIn("mô tả", raised.exception.message_dict["cover_alt"][0])

    def test_alt_text_without_cover_is_fine(self):
        """No cover image, no alt text needed."""
        self.article.clean()


class UrlTests(TestCase):
    def test_article_url_uses_category_and_slug(self):
        """get_absolute_url is /tin-tuc/<category>/<slug>/."""
        article = make_article(
            title="Khai mạc Đại hội", category=make_category(name="Thời sự", slug="thoi-su")
        )
        self.assertEqual(article.get_absolute_url(), "/tin-tuc/thoi-su/khai-mac-dai-hoi/")

    def test_category_url(self):
        """A category lists at /tin-tuc/<slug>/."""
        category = Category.objects.create(name="Xây dựng Đảng", slug="xay-dung-dang")
        self.assertEqual(category.get_absolute_url(), "/tin-tuc/xay-dung-dang/")

    def test_str(self):
        """Articles, categories and tags read as their title or name."""
        article = make_article(title="Tin mới")
        self.assertEqual(str(article), "Tin mới")
        self.assertEqual(str(article.category), article.category.name)
        self.assertEqual(str(Tag.objects.create(name="Nông thôn mới")), "Nông thôn mới")
