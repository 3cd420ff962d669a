"""Vietnamese text helpers: slugs, accent folding, NFC normalisation."""

import unicodedata

from django.test import TestCase

from ndportal.text import fold, nfc, normalize_text_fields, slugify_vi, unique_slug
from news.models import Article, Tag
from tests.factories import make_article


def nfd(value):
    return unicodedata.normalize("NFD", value)


class SlugifyTests(TestCase):
    def test_nam_dinh(self):
        """The province's name becomes the slug an editor expects."""
        self.assertEqual(slugify_vi("Nam Định"), "nam-dinh")

    def test_letters_with_two_marks(self):
        """Letters carrying a vowel mark and a tone mark (ệ, ữ, ặ) lose both."""
        self.assertEqual(slugify_vi("Nghệ thuật giữ gìn bản sắc"), "nghe-thuat-giu-gin-ban-sac")
        self.assertEqual(slugify_vi("Đặc biệt khó khăn"), "dac-biet-kho-khan")
        self.assertEqual(slugify_vi("Tiếp tục đổi mới, sắp xếp"), "tiep-tuc-doi-moi-sap-xep")

    def test_d_with_stroke_becomes_d(self):
        """đ and Đ, which have no Unicode decomposition, become d rather than vanish."""
        self.assertEqual(slugify_vi("Đảng bộ tỉnh"), "dang-bo-tinh")
        self.assertEqual(slugify_vi("đại hội ĐẠI BIỂU"), "dai-hoi-dai-bieu")

    def test_decomposed_input_gives_the_same_slug(self):
        """A title typed in NFD gives exactly the slug of its NFC form."""
        title = "Hội nghị quán triệt Nghị quyết số 01-NQ/TU của Tỉnh ủy Nam Định"
        self.assertNotEqual(nfd(title), title)
        self.assertEqual(slugify_vi(nfd(title)), slugify_vi(title))
        self.assertEqual(
            slugify_vi(title), "hoi-nghi-quan-triet-nghi-quyet-so-01-nq-tu-cua-tinh-uy-nam-dinh"
        )

    def test_document_number_separators_become_hyphens(self):
        """Slashes and dots in a document number separate words in the slug."""
        self.assertEqual(slugify_vi("01-NQ/TU"), "01-nq-tu")
        self.assertEqual(slugify_vi("12/2021/NQ-HĐND"), "12-2021-nq-hdnd")

    def test_both_tone_mark_styles_give_the_same_slug(self):
        """'Tỉnh uỷ' and 'Tỉnh ủy' (old and new tone placement) share a slug."""
        self.assertEqual(slugify_vi("Tỉnh uỷ"), slugify_vi("Tỉnh ủy"))

    def test_slug_is_ascii_and_cut_without_trailing_hyphen(self):
        """A long title is cut to max_length and never ends in a hyphen."""
        slug = slugify_vi("Chuyển đổi số " * 30, max_length=20)
        self.assertLessEqual(len(slug), 20)
        self.assertFalse(slug.endswith("-"))
        self.assertTrue(slug.isascii())

    def test_punctuation_only_title(self):
        """A title without letters gives an empty slug (callers fall back)."""
        self.assertEqual(slugify_vi("“…” — !!!"), "")


class FoldAndNfcTests(TestCase):
    def test_fold(self):
        """fold lower-cases and drops every mark, including the stroke of đ."""
        self.assertEqual(fold("Tỉnh ủy Nam Định"), "tinh uy nam dinh")
        self.assertEqual(fold(nfd("Nghị quyết")), "nghi quyet")

    def test_nfc(self):
        """nfc composes decomposed text and passes other values through."""
        self.assertEqual(nfc(nfd("Định")), "Định")
        self.assertEqual(len(nfc(nfd("Định"))), 4)
        self.assertIsNone(nfc(None))
        self.assertEqual(nfc(5), 5)

    def test_normalize_text_fields(self):
        """Every char and text field of an instance is composed; others are untouched."""
        article = Article(title=nfd("Nam Định"), lead=nfd("Sapo có dấu"), author=nfd("Trần Đức"))
        normalize_text_fields(article)
        self.assertEqual(article.title, "Nam Định")
        self.assertEqual(article.lead, "Sapo có dấu")
        self.assertEqual(article.author, "Trần Đức")


class UniqueSlugTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.first = make_article(title="Nam Định đổi mới")

    def test_numbered_suffixes(self):
        """Titles that slugify alike get -2, -3 in turn."""
        second = make_article(title="Nam Đinh đổi mới")
        third = make_article(title=nfd("Nam Định đổi mới"))
        self.assertEqual(self.first.slug, "nam-dinh-doi-moi")
        self.assertEqual(second.slug, "nam-dinh-doi-moi-2")
        self.assertEqual(third.slug, "nam-dinh-doi-moi-3")

    def test_instance_does_not_clash_with_itself(self):
        """Recomputing the slug of a saved row gives its own slug back."""
        self.assertEqual(unique_slug(self.first, self.first.title), self.first.slug)

    def test_fallback_for_title_without_letters(self):
        """A title without letters still gets a usable slug."""
        tag = Tag.objects.create(name="!!!")
        self.assertEqual(tag.slug, "muc")
