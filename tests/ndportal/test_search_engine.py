"""The site search engine: matching, ranking, snippets, counts, pages, bad input, visibility.

These run on SQLite and, in CI's PostgreSQL pass, on PostgreSQL: both backends must give
the same results on this set.
"""

import datetime
import io
import unicodedata
from unittest import mock

from django.core.files import File
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from ndportal.search import parse_query, rebuild, refresh, run_search
from ndportal.search.snippets import snippet
from news.models import Article, ArticlePhoto, Tag
from resolutions.models import (
    AgendaItem,
    ConferenceReport,
    ConnectedSite,
    Document,
    DocumentFile,
    Field,
)
from tests.document_files import docx_bytes
from tests.factories import (
    make_article,
    make_category,
    make_conference,
    make_document,
    make_document_type,
    make_issuing_body,
    make_staff,
)

DRAFT = {"status": Status.DRAFT, "published_at": None}
BODY = (
    "<p>Sáng nay, đồng chí Phạm Gia Túc, Bí thư Tỉnh ủy, chủ trì hội nghị với 2.000 đại "
    "biểu. Các đại biểu thảo luận về đề án phát triển kinh tế biển, trong đó có nội dung "
    "Nghệ thuật truyền thống và ĐẢNG bộ cơ sở.</p><p>Văn bản nhắc tới &lt;script&gt;"
    "alert(1)&lt;/script&gt; như một ví dụ.</p>"
)


def nfd(text):
    return unicodedata.normalize("NFD", text)


def found(query, **filters):
    return [hit.obj for hit in run_search(query, **filters).hits]


class MatchingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.category = make_category(name="Thời sự", slug="thoi-su")
        cls.article = make_article(
            title="Hội nghị Ban Chấp hành mở rộng", body=BODY, category=cls.category
        )
        cls.other = make_article(
            title="Năm 2015 có 150 đại biểu", body="<p>Gia Túc không có ở đây.</p>"
        )

    def test_body_words_are_found_every_way_they_are_typed(self):
        """Body text: accents or not, upper case, NFD, both tone styles, đ/Đ, two marks."""
        for query in [
            "Tỉnh ủy",
            "Tỉnh uỷ",
            "tinh uy",
            "TỈNH ỦY",
            nfd("Tỉnh ủy"),
            "Phạm Gia Túc",
            "pham gia tuc",
            "nghệ thuật",
            "nghe thuat",
            "đảng bộ",
            "Dang bo",
            "kinh tế biển",
        ]:
            with self.subTest(query=query):
                self.assertEqual(found(query), [self.article])

    def test_every_word_must_match(self):
        """One absent word empties the result."""
        self.assertEqual(found("tinh uy zzzz"), [])

    def test_numbers_are_whole_numbers(self):
        """15 does not find 2015 or 150; 150 and 2015 find themselves."""
        self.assertEqual(found("15 dai bieu"), [])
        self.assertEqual(found("150"), [self.other])
        self.assertEqual(found("2015"), [self.other])

    def test_thousands_dot_is_the_same_number(self):
        """2000 finds 2.000 in the text, and 2.000 finds it too."""
        self.assertEqual(found("2000 dai bieu"), [self.article])
        self.assertEqual(found("2.000"), [self.article])

    def test_quoted_phrase_matches_as_a_phrase(self):
        """ "gia tuc" finds both articles; the phrase "pham gia tuc" only the one saying it."""
        self.assertCountEqual(found("gia tuc"), [self.article, self.other])
        self.assertEqual(found('"pham gia tuc"'), [self.article])
        self.assertEqual(found('"tuc gia pham"'), [])
        self.assertEqual(found("“Phạm Gia Túc” tỉnh"), [self.article])

    def test_last_word_may_be_the_start_of_a_word(self):
        """Type-ahead: "kinh te bie" finds "kinh tế biển"; a middle word must be whole."""
        self.assertEqual(found("kinh te bie"), [self.article])
        self.assertEqual(found("kin te bien"), [])

    def test_photo_captions_author_category_and_tags_are_searched(self):
        """Related text joins the article's words when it is added, and leaves with it."""
        tag = Tag.objects.create(name="Giáo dục hướng nghiệp")
        self.article.tags.add(tag)
        self.assertEqual(found("giao duc huong nghiep"), [self.article])
        self.article.tags.remove(tag)
        self.assertEqual(found("giao duc huong nghiep"), [])
        ArticlePhoto.objects.create(
            article=self.article, image="x.jpg", caption="Quang cảnh Hải Hậu", alt_text="a"
        )
        self.assertEqual(found("hai hau"), [self.article])
        self.assertEqual(found("thoi su hoi nghi"), [self.article])


class DocumentAndConferenceTextTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document(
            number="01-NQ/TU",
            title="về chuyển đổi số",
            body="<p>Phát triển hạ tầng số đồng bộ, hiện đại ở mọi xã, phường.</p>",
        )
        cls.draft = make_document(number="02-NQ/TU", title="bản nháp", **DRAFT)
        cls.conference = make_conference(
            title="Hội nghị quán triệt", chair="Đồng chí Lê Quốc Chỉnh"
        )

    def attach(self, document, text):
        # The text is read by the background task, queued once the save commits.
        with self.captureOnCommitCallbacks(execute=True):
            return DocumentFile.objects.create(
                document=document, file=File(io.BytesIO(docx_bytes(text)), name="toan-van.docx")
            )

    def test_full_text_phrase_finds_the_document(self):
        """A phrase from the full text of 01-NQ/TU finds it."""
        self.assertEqual(found('"ha tang so dong bo"'), [self.document])

    def test_registry_box_searches_the_full_text_too(self):
        """/van-ban/?q= finds 01-NQ/TU by a phrase of its full text, not the draft."""
        response = self.client.get(
            reverse("resolutions:document-list"), {"q": '"ha tang so dong bo"'}
        )
        self.assertEqual(list(response.context["document_list"]), [self.document])

    def test_attachment_text_is_searched_only_for_published_documents(self):
        """The text of a published document's file is found; a draft's file never is."""
        self.attach(self.document, "Chỉ tiêu phủ sóng cáp quang đến thôn xóm")
        self.attach(self.draft, "Bí mật chưa ban hành về cáp quang biển")
        self.assertEqual(found("cap quang"), [self.document])
        self.assertEqual(found("bi mat chua ban hanh"), [])
        self.assertEqual(run_search("bi mat chua ban hanh").total, 0)

    def test_fields_signer_and_issuer_are_searched(self):
        """Lĩnh vực, người ký and cơ quan ban hành are the document's words."""
        field = Field.objects.create(name="Khoa học công nghệ")
        self.document.fields.add(field)
        self.assertEqual(found("khoa hoc cong nghe"), [self.document])
        self.assertIn(self.document, found("tinh uy nam dinh"))

    def test_conference_agenda_sites_documents_and_approved_report(self):
        """Agenda, presenters, sites and studied documents count; the report once approved."""
        AgendaItem.objects.create(
            conference=self.conference, title="Quán triệt chuyên đề", presenter="Trần Văn Chung"
        )
        ConnectedSite.objects.create(conference=self.conference, name="Điểm cầu Xuân Trường")
        self.conference.documents.add(self.document)
        self.assertEqual(found("tran van chung"), [self.conference])
        self.assertEqual(found("xuan truong"), [self.conference])
        self.assertIn(self.conference, found("chuyen doi so", kinds=["hoi-nghi"]))
        self.assertEqual(found("le quoc chinh"), [self.conference])
        report = ConferenceReport.objects.create(
            conference=self.conference, conclusions="Tỷ lệ đạt chín mươi tám"
        )
        self.assertEqual(found("chin muoi tam"), [])
        report.is_approved = True
        report.save()
        self.assertEqual(found("chin muoi tam"), [self.conference])


class RankingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.nq = make_document_type()
        cls.ctr = make_document_type(name="Chương trình", code="CTr", slug="chuong-trinh")
        cls.body = make_issuing_body()
        # The programme is newer and its title names the resolution: it must still come second.
        cls.resolution = make_document(
            number="01-NQ/TU", title="về chuyển đổi số", issued_on=datetime.date(2021, 7, 1)
        )
        cls.programme = make_document(
            number="01-CTr/TU",
            doc_type=cls.ctr,
            title="thực hiện Nghị quyết số 01-NQ/TU về chuyển đổi số",
            issued_on=datetime.date(2021, 9, 1),
        )
        now = timezone.now()
        category = make_category()
        cls.in_title = make_article(
            title="Chuyển đổi số ở Giao Thủy",
            category=category,
            published_at=now - datetime.timedelta(days=30),
        )
        cls.in_lead = make_article(
            title="Tin địa phương",
            lead="Hải Hậu đẩy mạnh chuyển đổi số.",
            category=category,
            published_at=now - datetime.timedelta(days=20),
        )
        cls.in_body = make_article(
            title="Tin tổng hợp",
            body="<p>Trong tháng, huyện tiếp tục chuyển đổi số.</p>",
            category=category,
            published_at=now - datetime.timedelta(days=10),
        )
        cls.in_body_newer = make_article(
            title="Tin tổng hợp mới",
            body="<p>Huyện Ý Yên bàn về chuyển đổi số.</p>",
            category=category,
            published_at=now - datetime.timedelta(days=1),
        )

    def test_number_typed_puts_its_document_first(self):
        """nghị quyết 01, nq 01, 01-NQ/TU, 01 NQ TU list 01-NQ/TU before 01-CTr/TU; 01nqtu too."""
        for query in ["nghị quyết 01", "nq 01", "01-NQ/TU", "01 NQ TU"]:
            with self.subTest(query=query):
                documents = found(query, kinds=["van-ban"])
                self.assertEqual(documents[:2], [self.resolution, self.programme])
        # Typed without breaks, it is the stored number only.
        self.assertEqual(found("01nqtu"), [self.resolution])

    def test_title_then_lead_then_body_then_newer(self):
        """Title match first, then lead, then body; among body matches the newer first."""
        self.assertEqual(
            found("chuyen doi so", kinds=["tin-tuc"]),
            [self.in_title, self.in_lead, self.in_body_newer, self.in_body],
        )

    def test_words_side_by_side_rank_above_the_same_words_apart(self):
        """ "tinh uy": a title saying "Tỉnh ủy" comes before a newer "tình hình ... cấp ủy"."""
        category = make_category()
        together = make_article(
            title="Tỉnh ủy họp phiên thường kỳ",
            category=category,
            published_at=timezone.now() - datetime.timedelta(days=5),
        )
        apart = make_article(title="Tình hình cấp ủy cơ sở", category=category)
        self.assertEqual(found("tinh uy", kinds=["tin-tuc"]), [together, apart])

    def test_kinds_share_one_ranked_list(self):
        """Across kinds the title matches come before body matches, whatever the kind."""
        results = found("chuyen doi so")
        self.assertLess(results.index(self.resolution), results.index(self.in_body))
        self.assertLess(results.index(self.in_title), results.index(self.in_body_newer))


class SnippetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        words = " ".join(f"từ{n}" for n in range(80))
        cls.article = make_article(
            title="<b>Tiêu đề</b> có thẻ",
            lead="Sapo ngắn.",
            body=f"<p>{words} Bí thư Tỉnh ủy nói &lt;script&gt;alert(1)&lt;/script&gt; {words}</p>",
        )

    def test_snippet_is_escaped_and_marked_around_the_match(self):
        """About 30 words around the match, the words in <mark>, hostile text escaped."""
        hit = run_search("tinh uy").hits[0]
        html = str(hit.snippet)
        self.assertIn("<mark>Tỉnh</mark> <mark>ủy</mark>", html)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", html)
        self.assertNotIn("<script>", html)
        self.assertTrue(html.startswith("… ") and html.endswith(" …"))
        self.assertLessEqual(len(html.replace("<mark>", "").split()), 34)

    def test_page_shows_escaped_title_and_snippet(self):
        """On the page the item's markup is text, the marks are the only tags added."""
        response = self.client.get(reverse("search"), {"q": "tinh uy"})
        self.assertContains(response, "&lt;b&gt;Tiêu đề&lt;/b&gt;")
        self.assertContains(response, "<mark>Tỉnh</mark>")
        self.assertNotContains(response, "<script>alert(1)")

    def test_snippet_without_match_is_the_opening(self):
        """Found by its title only: the snippet is the lead, unmarked."""
        self.assertEqual(str(snippet(["Sapo ngắn.", "Khác"], parse_query("zzz"))), "Sapo ngắn.")

    def test_nfd_and_old_tone_style_in_the_text_are_marked(self):
        """The highlighter folds the text as the index does: NFD and uỷ are marked."""
        html = str(snippet([nfd("Tỉnh uỷ họp")], parse_query("tinh uy")))
        self.assertIn("<mark>Tỉnh</mark> <mark>uỷ</mark>", html)


# The same page is asked for more than once: read it rendered, not from the page cache.
@override_settings(PAGE_CACHE_SECONDS=0)
class CountsFiltersPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.kh = make_document_type(name="Kế hoạch", code="KH", slug="ke-hoach")
        for n in range(25):
            make_article(title=f"Phong trào thi đua số {n}")
        cls.doc_2021 = make_document(
            title="về phong trào thi đua", issued_on=datetime.date(2021, 3, 1)
        )
        cls.doc_2022 = make_document(
            number="15-KH/TU",
            doc_type=cls.kh,
            title="phát động phong trào thi đua",
            issued_on=datetime.date(2022, 3, 1),
        )
        cls.draft = make_article(title="Phong trào thi đua nháp", **DRAFT)
        cls.scheduled = make_article(
            title="Phong trào thi đua hẹn giờ",
            published_at=timezone.now() + datetime.timedelta(days=1),
        )

    def test_counts_per_kind_and_year(self):
        """25 articles and 2 documents, by year; drafts and scheduled items never counted."""
        results = run_search("phong trao thi dua")
        counts = {kind.name: n for kind, n in results.kind_counts}
        self.assertEqual(
            counts,
            {"tin-tuc": 25, "van-ban": 2, "hoi-nghi": 0, "chi-tieu": 0, "trang": 0, "hoi-dap": 0},
        )
        self.assertEqual(results.total, 27)
        years = dict(results.year_counts)
        self.assertEqual(years[2021], 1)
        self.assertEqual(years[2022], 1)
        self.assertEqual(sum(years.values()), 27)

    def test_filters_by_kind_year_and_type(self):
        """?loai, ?nam and ?loai_van_ban narrow the list; kind counts stay visible."""
        documents = run_search("phong trao thi dua", kinds=["van-ban"])
        self.assertEqual([hit.obj for hit in documents.hits], [self.doc_2022, self.doc_2021])
        self.assertEqual((documents.total, documents.all_kinds_total), (2, 27))
        self.assertEqual(found("phong trao thi dua", year=2021), [self.doc_2021])
        self.assertEqual(found("phong trao thi dua", doc_type=self.kh), [self.doc_2022])
        response = self.client.get(
            reverse("search"), {"q": "phong trao thi dua", "loai_van_ban": "ke-hoach"}
        )
        self.assertEqual([h.obj for h in response.context["page_obj"].object_list], [self.doc_2022])

    def test_numbered_pages_at_any_depth(self):
        """27 results: pages 1 and 2 hold 20 and 7, a page past the end shows the last."""
        url = reverse("search")
        first = self.client.get(url, {"q": "phong trao thi dua"})
        self.assertEqual(len(first.context["page_obj"].object_list), 20)
        self.assertContains(first, 'href="/tim-kiem/?q=phong+trao+thi+dua&amp;trang=2"')
        # Past either end, the nearest real page is the last one.
        for page in ["2", "999", "-1"]:
            with self.subTest(page=page):
                response = self.client.get(url, {"q": "phong trao thi dua", "trang": page})
                self.assertEqual(response.status_code, 200)
                self.assertEqual(len(response.context["page_obj"].object_list), 7)
        seen = [
            h.obj
            for p in ("1", "2")
            for h in self.client.get(url, {"q": "phong trao thi dua", "trang": p})
            .context["page_obj"]
            .object_list
        ]
        self.assertEqual(len(set(seen)), 27)

    def test_pages_continue_from_title_matches_into_body_matches(self):
        """Title matches fill the first places, body matches follow newest first, none twice."""
        now = timezone.now()
        body_only = [
            make_article(
                title=f"Tin số {n}",
                body="<p>Huyện Vụ Bản sôi nổi phong trào thi đua.</p>",
                published_at=now - datetime.timedelta(minutes=n),
            )
            for n in range(15)
        ]
        query = "phong trao thi dua"
        pages = [run_search(query, page=n).hits for n in (1, 2)]
        self.assertEqual(len(pages[0]), 20)
        # 27 title matches: page 2 ends them after 7, then the 13 newest body matches.
        self.assertEqual([hit.obj for hit in pages[1]][7:], body_only[:13])
        everything = [hit.obj for page in (1, 2, 3) for hit in run_search(query, page=page).hits]
        self.assertEqual(len(everything), 42)
        self.assertEqual(len(set(everything)), 42)
        self.assertEqual(everything[-15:], body_only)

    def test_no_results_suggests_removing_filters_and_accents(self):
        """Nothing found under a filter: the page offers to drop the filters and explains."""
        response = self.client.get(reverse("search"), {"q": "phong trao thi dua", "nam": "1999"})
        self.assertContains(response, "Không tìm thấy kết quả nào")
        self.assertContains(response, "Bỏ các bộ lọc")
        self.assertContains(response, "gõ không dấu")

    def test_unpublished_items_are_never_found_counted_or_quoted(self):
        """The draft's and the scheduled article's own words find nothing anywhere."""
        for query in ["nhap", "hen gio"]:
            with self.subTest(query=query):
                results = run_search(f"phong trao {query}")
                self.assertEqual(results.total, 0)
                self.assertEqual(results.year_counts, [])
                response = self.client.get(reverse("search"), {"q": f"phong trao {query}"})
                self.assertNotContains(response, self.draft.get_absolute_url())
                self.assertNotContains(response, self.scheduled.get_absolute_url())


@override_settings(PAGE_CACHE_SECONDS=0)
class CountLimitTests(TestCase):
    """Past COUNT_LIMIT matches a kind stops counting: "hơn N", and no page past the limit."""

    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        cls.articles = [
            make_article(
                title=f"Phong trào thi đua số {n}",
                published_at=now - datetime.timedelta(days=400 * (n % 2), minutes=n),
            )
            for n in range(25)
        ]
        cls.documents = [make_document(title="về phong trào thi đua"), make_document()]

    def test_a_kind_past_the_limit_counts_up_to_it(self):
        """Limit 10: 10+ articles, 1 document exactly; years listed without numbers."""
        with mock.patch("ndportal.search.engine.COUNT_LIMIT", 10):
            results = run_search("phong trao thi dua")
        counts = {kind.name: n for kind, n in results.kind_counts}
        self.assertEqual((counts["tin-tuc"], counts["van-ban"]), (10, 1))
        self.assertEqual(results.capped_kinds, {"tin-tuc"})
        self.assertTrue(results.capped)
        self.assertEqual(results.total, 11)
        self.assertTrue(results.year_counts)
        self.assertEqual({n for _, n in results.year_counts}, {None})

    def test_past_the_limit_the_newest_title_matches_are_shown_once(self):
        """The 10 newest of 25 title matches, each once, then nothing past the count."""
        newest = sorted(self.articles, key=lambda a: a.published_at, reverse=True)[:10]
        with mock.patch("ndportal.search.engine.COUNT_LIMIT", 10):
            hits = [hit.obj for hit in run_search("phong trao thi dua", kinds=["tin-tuc"]).hits]
        self.assertEqual(hits, newest)

    def test_below_the_limit_counts_are_exact(self):
        """Limit 30: every count and every year's count is exact, nothing is capped."""
        with mock.patch("ndportal.search.engine.COUNT_LIMIT", 30):
            results = run_search("phong trao thi dua")
        self.assertEqual((results.total, results.capped, results.capped_kinds), (26, False, set()))
        self.assertEqual(sum(n for _, n in results.year_counts), 26)

    def test_a_year_asked_for_is_counted_on_its_own(self):
        """Limit 10 and ?nam: the year's 12 older articles count as 10+, its own limit."""
        year = self.articles[1].published_at.year
        older = [a for a in self.articles if a.published_at.year == year]
        with mock.patch("ndportal.search.engine.COUNT_LIMIT", 10):
            results = run_search("phong trao thi dua", kinds=["tin-tuc"], year=year)
        self.assertEqual(results.total, min(10, len(older)))
        self.assertEqual(results.capped, len(older) > 10)
        self.assertTrue(all(hit.obj in older for hit in results.hits))

    def test_the_page_says_more_than(self):
        """The results page reads "Hơn 11 kết quả" and "10+" for the kind past the limit."""
        with mock.patch("ndportal.search.engine.COUNT_LIMIT", 10):
            response = self.client.get(reverse("search"), {"q": "phong trao thi dua"})
        self.assertContains(response, "Hơn 11 kết quả")
        self.assertContains(response, '<span class="count">10+</span>', html=True)
        self.assertContains(response, '<span class="count">1</span>', html=True)


class CountCacheTests(TestCase):
    """The counts of a query are counted once per content version, then read from the cache."""

    @classmethod
    def setUpTestData(cls):
        for n in range(3):
            make_article(title=f"Đê biển số {n}")

    def test_the_second_page_of_a_query_does_not_count_again(self):
        """The same query again runs fewer queries: the counts come from the cache."""
        with CaptureQueriesContext(connection) as first:
            self.assertEqual(run_search("de bien").total, 3)
        with CaptureQueriesContext(connection) as again:
            self.assertEqual(run_search("de bien").total, 3)
        self.assertLess(len(again), len(first))

    def test_a_publication_makes_the_cached_counts_stale(self):
        """A new article, a draft published, an article deleted: the counts follow at once."""
        self.assertEqual(run_search("de bien").total, 3)
        make_article(title="Đê biển mới")
        self.assertEqual(run_search("de bien").total, 4)
        draft = make_article(title="Đê biển nháp", **DRAFT)
        self.assertEqual(run_search("de bien").total, 4)
        draft.status, draft.published_at = Status.PUBLISHED, timezone.now()
        draft.save()
        self.assertEqual(run_search("de bien").total, 5)
        draft.delete()
        self.assertEqual(run_search("de bien").total, 4)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_without_a_page_cache_counts_are_not_kept(self):
        """DJANGO_PAGE_CACHE_SECONDS=0: every search counts afresh."""
        with CaptureQueriesContext(connection) as first:
            run_search("de bien")
        with CaptureQueriesContext(connection) as again:
            run_search("de bien")
        self.assertEqual(len(again), len(first))


class BadQueryTests(TestCase):
    def test_bad_queries_get_a_helpful_page(self):
        """Empty, 2,000 characters, punctuation only, bad filters: 200 and a message; a NUL: 400."""
        make_article(title="Tỉnh ủy")
        cases = [
            ({"q": ""}, "Nhập từ khóa"),
            ({"q": "tinh " * 400}, "tối đa 200 ký tự"),
            ({"q": "%_%!?.,"}, "Không tìm thấy kết quả nào"),
            (
                {"q": "tinh uy", "nam": "abc", "loai": "x", "loai_van_ban": "zz", "trang": "x"},
                "Tỉnh ủy",
            ),
            ({"q": "'\") OR 1=1 -- & | ! <-> :*"}, "Không tìm thấy kết quả nào"),
        ]
        # NUL never reaches the view: every page refuses it (ndportal/middleware.py).
        response = self.client.get(reverse("search"), {"q": "tinh\x00uy"})
        self.assertContains(response, "ký tự NUL", status_code=400)
        for params, message in cases:
            with self.subTest(params=params):
                response = self.client.get(reverse("search"), params)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)

    def test_words_too_long_to_index_match_nothing(self):
        """A 150-letter word (or 5,000 digits) is no word of any item: nothing, no error."""
        make_article(title="Tin số 1")
        self.assertEqual(run_search("a" * 150).total, 0)
        self.assertEqual(run_search("9" * 5000).total, 0)
        self.assertEqual(len(found("tin " + "b" * 150)), 1)

    def test_tsquery_operators_are_words_not_syntax(self):
        """Characters with meaning in a tsquery or LIKE are word breaks, never syntax."""
        make_article(title="Tin số 1")
        self.assertEqual(run_search("&|!():*<->").total, 0)
        self.assertEqual(len(found("tin & so | 1")), 1)


class StoredColumnsTests(TestCase):
    def test_bulk_create_then_rebuild(self):
        """Rows made with bulk_create are found after fill_search_columns or rebuild()."""
        category = make_category()
        now = timezone.now()
        filled = Article(
            title="Đê biển Hải Thịnh",
            slug="de-bien",
            category=category,
            lead="x",
            body="",
            status=Status.PUBLISHED,
            published_at=now,
        )
        filled.fill_search_columns()
        bare = Article(
            title="Đê biển Nghĩa Hưng",
            slug="de-bien-2",
            category=category,
            lead="x",
            body="",
            status=Status.PUBLISHED,
            published_at=now,
        )
        Article.objects.bulk_create([filled, bare])
        self.assertEqual([a.title for a in found("de bien")], ["Đê biển Hải Thịnh"])
        changed, total = rebuild(Article)
        self.assertEqual((changed, total), (1, 2))
        self.assertEqual(len(found("de bien")), 2)

    def test_refresh_after_an_update_that_bypassed_save(self):
        """refresh() recomputes one row from what is stored."""
        document = make_document(title="về nông thôn mới")
        Document.objects.filter(pk=document.pk).update(title="về đô thị văn minh")
        self.assertEqual(found("do thi van minh"), [])
        refresh(Document, document.pk)
        self.assertEqual(found("do thi van minh"), [document])


class AdminSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ctr = make_document_type(name="Chương trình", code="CTr", slug="chuong-trinh")
        cls.resolution = make_document(
            number="01-NQ/TU", title="về chuyển đổi số", issued_on=datetime.date(2021, 1, 5)
        )
        cls.programme = make_document(
            number="01-CTr/TU",
            doc_type=cls.ctr,
            title="thực hiện Nghị quyết 01-NQ/TU",
            issued_on=datetime.date(2021, 6, 5),
        )
        cls.user = make_staff("editor")

    def test_document_picker_lists_the_number_first_with_its_title(self):
        """Typing 01-NQ/TU in an article's document picker: 01-NQ/TU first, number and title."""
        self.client.force_login(self.user)
        response = self.client.get(
            "/admin/autocomplete/",
            {
                "term": "01-NQ/TU",
                "app_label": "news",
                "model_name": "article",
                "field_name": "documents",
            },
        )
        self.assertEqual(response.status_code, 200)
        results = response.json()["results"]
        self.assertEqual(results[0]["id"], str(self.resolution.pk))
        self.assertEqual(results[0]["text"], "01-NQ/TU — về chuyển đổi số")
        self.assertIn(str(self.programme.pk), [r["id"] for r in results])

    def test_autocomplete_still_refuses_anonymous_readers(self):
        """The relabelled autocomplete keeps the admin's login check."""
        response = self.client.get(
            "/admin/autocomplete/",
            {"term": "01", "app_label": "news", "model_name": "article", "field_name": "documents"},
        )
        self.assertNotEqual(response.status_code, 200)
