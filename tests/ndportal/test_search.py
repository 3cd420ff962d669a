"""Accent-blind search: the folding key, the header search /tim-kiem/ and the registry's q."""

import datetime
import io
import unicodedata

from django.core.management import call_command
from django.test import SimpleTestCase, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from ndportal.search import query_words, search
from ndportal.text import search_key
from resolutions.models import Document
from tests.factories import (
    make_article,
    make_category,
    make_conference,
    make_document,
    make_document_type,
    make_issuing_body,
    make_term,
    warm_page_fragments,
)

DRAFT = {"status": Status.DRAFT, "published_at": None}


def nfd(text):
    return unicodedata.normalize("NFD", text)


class SearchKeyTests(SimpleTestCase):
    def test_folds_marks_case_and_d(self):
        """Diacritics, case and đ/Đ fold away: 'Đảng bộ TỈNH' -> 'dang bo tinh'."""
        self.assertEqual(search_key("Đảng bộ TỈNH"), "dang bo tinh")

    def test_both_tone_styles_fold_alike(self):
        """uỷ/ủy, hoà/hòa, khoá/khóa, thuỷ/thủy give the same key."""
        for old, new in [
            ("Tỉnh uỷ", "Tỉnh ủy"),
            ("hoà", "hòa"),
            ("khoá", "khóa"),
            ("thuỷ", "thủy"),
        ]:
            with self.subTest(old=old):
                self.assertEqual(search_key(old), search_key(new))

    def test_nfd_equals_nfc(self):
        """Decomposed input gives the key of the precomposed text."""
        text = "Nghị quyết chuyển đổi số của Tỉnh ủy"
        self.assertEqual(search_key(nfd(text)), search_key(text))

    def test_number_spellings_give_the_same_words(self):
        """01-NQ/TU, 01 NQ TU, 01/NQ-TU and 01-nq-tu are the words 1 nq tu."""
        for spelling in ["01-NQ/TU", "01 NQ TU", "01/NQ-TU", "01-nq-tu", "1.NQ,TU"]:
            with self.subTest(spelling=spelling):
                self.assertEqual(search_key(spelling), "1 nq tu")

    def test_digits_glued_to_letters_are_split(self):
        """KH15 and nq01 read as two words each."""
        self.assertEqual(search_key("KH15"), "kh 15")
        self.assertEqual(search_key("nq01"), "nq 1")

    def test_punctuation_only_has_no_words(self):
        """A query of SQL or LIKE characters has no word, so it matches nothing."""
        for term in ["%", "_", "\\", "' -- !(", "\x00"]:
            with self.subTest(term=term):
                self.assertEqual(query_words(term), [])

    def test_long_digit_runs_do_not_crash(self):
        """A 5000-digit word is kept as text (int() would refuse it)."""
        self.assertEqual(search_key("0" + "9" * 5000), "9" * 5000)


class SearchData:
    """Documents, news and conferences written the way editors really write them."""

    @classmethod
    def setUpTestData(cls):
        cls.nq = make_document_type()
        cls.kh = make_document_type(name="Kế hoạch", code="KH", slug="ke-hoach", order=2)
        cls.tu = make_issuing_body()
        cls.bch = make_issuing_body(name="Ban Chấp hành Đảng bộ tỉnh", code="TU-BCH")
        cls.xx = make_term()
        cls.resolution = make_document(
            number="01-NQ/TU",
            title="về chuyển đổi số tỉnh Nam Định đến năm 2025, định hướng đến năm 2030",
            issuing_body=cls.bch,
            term=cls.xx,
            signer="Phạm Gia Túc",
            signer_title="Bí thư Tỉnh ủy",
        )
        cls.plan = make_document(
            number="15-KH/TU",
            doc_type=cls.kh,
            title="thực hiện Nghị quyết số 01-NQ/TU của Ban Chấp hành Đảng bộ tỉnh",
            issued_on=datetime.date(2021, 9, 10),
            term=cls.xx,
        )
        # 2021 and 10 contain the digits 1 and 01, but are other numbers.
        cls.other = make_document(number="10-NQ/TU", title="về xây dựng Đảng năm 2021")
        cls.draft_document = make_document(
            number="09-NQ/TU", title="bản nháp chuyển đổi số, Tỉnh uỷ", **DRAFT
        )
        category = make_category(name="Thời sự", slug="thoi-su")
        cls.article = make_article(
            # Old tone style and decomposed bytes, as pasted from an old Word file.
            title=nfd("Tỉnh uỷ quán triệt Nghị quyết 01-NQ/TU về chuyển đổi số"),
            lead="Huyện Giao Thuỷ hoà mình vào phong trào thi đua toàn khoá.",
            category=category,
        )
        cls.draft_article = make_article(
            title="Bản nháp về chuyển đổi số của Tỉnh ủy", category=category, **DRAFT
        )
        cls.scheduled_article = make_article(
            title="Bài hẹn giờ về chuyển đổi số",
            category=category,
            published_at=timezone.now() + datetime.timedelta(days=1),
        )
        cls.conference = make_conference(
            title="Hội nghị học tập, quán triệt Nghị quyết 01-NQ/TU",
            place="Hội trường Tỉnh ủy",
        )
        cls.draft_conference = make_conference(
            title="Hội nghị nháp quán triệt chuyển đổi số", **DRAFT
        )


# (query, what it must find) — the reviewer's examples and the tone-style pairs.
DOCUMENT_QUERIES = [
    ("01 NQ TU", "resolution"),
    ("nq 01", "resolution"),
    ("01/NQ-TU", "resolution"),
    ("01-nq-tu", "resolution"),
    ("01-NQ/TU", "resolution"),
    ("nghi quyet", "resolution"),
    ("nghị quyết 01", "resolution"),
    ("chuyen doi so", "resolution"),
    ("tinh uy", "resolution"),
    ("Tỉnh uỷ", "resolution"),
    ("Tỉnh ủy", "resolution"),
    ("ban chap hanh", "resolution"),
    ("Khoá XX", "resolution"),
    ("kế hoạch thực hiện nghị quyết 01", "plan"),
    ("ke hoach 15", "plan"),
    ("KH15", "plan"),
    ("15-KH/TU", "plan"),
]
ARTICLE_QUERIES = [
    "01 NQ TU",
    "nq 01",
    "nghi quyet",
    "chuyen doi so",
    "tinh uy",
    "Tỉnh uỷ",
    "Tỉnh ủy",
    "Giao Thủy",
    "giao thuy",
    "hòa mình",
    "toàn khóa",
]
CONFERENCE_QUERIES = ["01 NQ TU", "nq 01", "quan triet nghi quyet", "Tỉnh uỷ", "tinh uy"]


KIND_LISTS = {"van-ban": "documents", "tin-tuc": "articles", "hoi-nghi": "conferences"}


# The same page is asked for more than once: read it rendered, not from the page cache.
@override_settings(PAGE_CACHE_SECONDS=0)
class HeaderSearchTests(SearchData, TestCase):
    def found(self, query):
        response = self.client.get(reverse("search"), {"q": query})
        self.assertEqual(response.status_code, 200)
        found = {"documents": [], "articles": [], "conferences": []}
        page = response.context.get("page_obj")
        for hit in page.object_list if page else []:
            found[KIND_LISTS[hit.kind.name]].append(hit.obj)
        return found

    def test_documents_found_by_every_spelling(self):
        """Every example query finds its document, however it is typed."""
        for query, expected in DOCUMENT_QUERIES:
            with self.subTest(query=query):
                self.assertIn(getattr(self, expected), self.found(query)["documents"])

    def test_articles_found_in_either_tone_style(self):
        """An article typed in the old tone style, NFD, is found by both styles and no accents."""
        for query in ARTICLE_QUERIES:
            with self.subTest(query=query):
                self.assertIn(self.article, self.found(query)["articles"])

    def test_conferences_found(self):
        """Conferences are found by number, words and place."""
        for query in CONFERENCE_QUERIES:
            with self.subTest(query=query):
                self.assertIn(self.conference, self.found(query)["conferences"])

    def test_every_word_must_match(self):
        """Words are ANDed: a query with one absent word finds nothing."""
        results = self.found("chuyen doi so zzzz")
        self.assertEqual(results, {"documents": [], "articles": [], "conferences": []})

    def test_number_words_match_whole_numbers(self):
        """'nq 01' does not find 10-NQ/TU nor a title holding 2021."""
        documents = self.found("nq 01")["documents"]
        self.assertNotIn(self.other, documents)
        self.assertIn(self.other, self.found("nq 10")["documents"])

    def test_document_bearing_the_number_comes_first(self):
        """'01 NQ TU' lists 01-NQ/TU before the newer plan that cites it."""
        for query in ["01 NQ TU", "nq 01", "nghị quyết 01"]:
            with self.subTest(query=query):
                documents = self.found(query)["documents"]
                self.assertEqual(documents[:2], [self.resolution, self.plan])

    def test_nfd_query_equals_nfc_query(self):
        """A decomposed query returns exactly what the precomposed one returns."""
        for query in ["Nghị quyết chuyển đổi số", "Tỉnh uỷ", "kế hoạch thực hiện"]:
            with self.subTest(query=query):
                self.assertEqual(self.found(nfd(query)), self.found(query))

    def test_tone_styles_give_the_same_results(self):
        """'Tỉnh uỷ' and 'Tỉnh ủy', 'hoà' and 'hòa', 'khoá' and 'khóa' return the same."""
        pairs = [("Tỉnh uỷ", "Tỉnh ủy"), ("hoà mình", "hòa mình"), ("toàn khoá", "toàn khóa")]
        for old, new in pairs:
            with self.subTest(old=old):
                self.assertEqual(self.found(old), self.found(new))

    def test_unpublished_items_are_never_found(self):
        """Drafts and scheduled items stay out, even for words only they contain."""
        for query in ["chuyen doi so", "ban nhap", "09-NQ/TU", "hen gio", "tinh uy"]:
            with self.subTest(query=query):
                results = self.found(query)
                self.assertNotIn(self.draft_document, results["documents"])
                self.assertNotIn(self.draft_article, results["articles"])
                self.assertNotIn(self.scheduled_article, results["articles"])
                self.assertNotIn(self.draft_conference, results["conferences"])

    def test_query_without_words_finds_nothing(self):
        """Punctuation alone is answered with an empty result, not every row."""
        response = self.client.get(reverse("search"), {"q": "%_%"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Không tìm thấy kết quả nào")

    def test_results_are_paged(self):
        """Twenty results a page, counted in full, and the next page holds the rest."""
        for n in range(21):
            make_document(number=f"{100 + n}-NQ/TU", title="về giới hạn kết quả")
        response = self.client.get(reverse("search"), {"q": "gioi han ket qua"})
        self.assertEqual(len(response.context["page_obj"].object_list), 20)
        self.assertEqual(response.context["results"].total, 21)
        self.assertContains(response, "21 kết quả, trang 1/2")
        response = self.client.get(reverse("search"), {"q": "gioi han ket qua", "trang": "2"})
        self.assertEqual(len(response.context["page_obj"].object_list), 1)

    def test_query_count_is_fixed(self):
        """Two counts per kind, two page queries, one per kind shown, the type lookup: no N+1."""
        warm_page_fragments()  # footer, navigation, "Đọc nhiều": once per content version
        # + the count of the pages, Chỉ tiêu and Hỏi đáp kinds (none of them match)
        with self.assertNumQueries(14):
            self.client.get(reverse("search"), {"q": "tinh uy"})
        self.assertGreater(len(self.found("tinh uy")["documents"]), 1)
        self.assertGreater(len(self.found("tinh uy")["conferences"]), 0)


class RegistrySearchTests(SearchData, TestCase):
    def numbers(self, query):
        response = self.client.get(reverse("resolutions:document-list"), {"q": query})
        self.assertEqual(response.status_code, 200)
        return [document.number for document in response.context["document_list"]]

    def test_registry_finds_every_example(self):
        """The registry's box finds each example query's document."""
        for query, expected in DOCUMENT_QUERIES:
            with self.subTest(query=query):
                self.assertIn(getattr(self, expected).number, self.numbers(query))

    def test_registry_lists_the_numbered_document_first(self):
        """Without a chosen sort the document bearing the number leads; a chosen sort wins."""
        self.assertEqual(self.numbers("nq 01")[:2], ["01-NQ/TU", "15-KH/TU"])
        response = self.client.get(
            reverse("resolutions:document-list"), {"q": "nq 01", "sap_xep": "moi-nhat"}
        )
        numbers = [document.number for document in response.context["document_list"]]
        self.assertEqual(numbers[:2], ["15-KH/TU", "01-NQ/TU"])

    def test_registry_still_understands_glued_numbers(self):
        """A number typed without breaks (01nqtu) still finds its document."""
        self.assertEqual(self.numbers("01nqtu"), ["01-NQ/TU"])

    def test_registry_never_lists_drafts(self):
        """The draft's own words do not bring it into the registry."""
        self.assertNotIn("09-NQ/TU", self.numbers("ban nhap"))
        self.assertNotIn("09-NQ/TU", self.numbers("09-NQ/TU"))

    def test_registry_facets_count_with_the_search(self):
        """The type facet counts only documents matching the words."""
        response = self.client.get(reverse("resolutions:document-list"), {"q": "ke hoach 15"})
        facets = {facet["name"]: facet for facet in response.context["facets"]}
        self.assertEqual(
            [(o["label"], o["count"]) for o in facets["loai"]["options"]], [("Kế hoạch", 1)]
        )


class StoredSearchTextTests(SearchData, TestCase):
    def test_save_fills_search_text(self):
        """Saving a document stores its folded words by weight, type and issuer included."""
        document = Document.objects.get(pk=self.resolution.pk)
        self.assertTrue(document.search_title.startswith(" nghi quyet 1 nq tu "))
        self.assertIn(" ban chap hanh dang bo tinh ", document.search_summary)
        self.assertIn(" khoa xx nhiem ky 2020 2025 ", document.search_summary)

    def test_update_fields_save_refreshes_search_text(self):
        """A save limited to some fields still writes the new search text."""
        self.plan.title = "điều chỉnh lộ trình"
        self.plan.save(update_fields=["title"])
        self.assertEqual(list(search(Document.objects.all(), "lo trinh")), [self.plan])

    def test_rebuild_command_restores_search_text(self):
        """rebuild_search_text fills emptied rows without touching their version."""
        Document.objects.update(search_title="", search_summary="")
        version = Document.objects.get(pk=self.plan.pk).version
        out = io.StringIO()
        call_command("rebuild_search_text", stdout=out)
        self.assertIn(self.plan, search(Document.objects.all(), "ke hoach 15"))
        self.assertEqual(Document.objects.get(pk=self.plan.pk).version, version)
        self.assertIn("văn bản: 4/4", out.getvalue())

    def test_rebuild_picks_up_a_renamed_issuer(self):
        """After an issuing body is renamed, the command brings documents up to date."""
        self.bch.name = "Ban Chấp hành Đảng bộ tỉnh Hà Nam Ninh"
        self.bch.save()
        self.assertEqual(list(search(Document.objects.all(), "ha nam ninh")), [])
        call_command("rebuild_search_text", stdout=io.StringIO())
        self.assertEqual(list(search(Document.objects.all(), "ha nam ninh")), [self.resolution])
