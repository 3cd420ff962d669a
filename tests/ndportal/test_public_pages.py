"""Every public page renders with content; nothing unpublished shows anywhere."""

import datetime

from django.contrib.auth.models import User
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from tests.factories import (
    make_article,
    make_category,
    make_conference,
    make_document,
    make_staff,
    warm_page_fragments,
)

HIDDEN = "KHÔNG ĐƯỢC LỘ"


def hidden_states():
    """Keyword arguments for each unpublished state: draft, review, archived, scheduled."""
    now = timezone.now()
    return {
        "draft": {"status": Status.DRAFT, "published_at": None},
        "review": {"status": Status.REVIEW, "published_at": now - datetime.timedelta(days=1)},
        "archived": {"status": Status.ARCHIVED, "published_at": now - datetime.timedelta(days=1)},
        "scheduled": {"status": Status.PUBLISHED, "published_at": now + datetime.timedelta(days=1)},
    }


class PublicPagesRenderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.category = make_category(name="Xây dựng Đảng", slug="xay-dung-dang")
        cls.document = make_document(number="05-NQ/TU", title="về chuyển đổi số tỉnh Nam Định")
        cls.conference = make_conference(title="Hội nghị quán triệt Nghị quyết 05")
        cls.upcoming = make_conference(
            title="Hội nghị cấp huyện sắp tới",
            starts_at=timezone.now() + datetime.timedelta(days=5),
        )
        cls.conference.documents.add(cls.document)
        cls.article = make_article(
            title="Tỉnh ủy Nam Định ban hành Nghị quyết về chuyển đổi số",
            category=cls.category,
            is_featured=True,
        )
        cls.latest = make_article(title="Tin thường trong ngày", category=cls.category)
        cls.article.documents.add(cls.document)
        cls.article.conferences.add(cls.conference)

    def test_home(self):
        """The home page shows featured and latest news, documents and both conference lists."""
        response = self.client.get(reverse("home"))
        self.assertContains(response, self.article.title)
        self.assertContains(response, self.latest.title)
        self.assertContains(response, "05-NQ/TU")
        self.assertContains(response, self.conference.title)
        self.assertContains(response, self.upcoming.title)
        self.assertContains(response, "Sắp diễn ra")

    def test_news_pages(self):
        """The news list, a category page and an article page show the article."""
        for url in [
            reverse("news:article-list"),
            self.category.get_absolute_url(),
            self.article.get_absolute_url(),
        ]:
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), self.article.title)

    def test_document_pages(self):
        """The registry and the document page show the document."""
        for url in [reverse("resolutions:document-list"), self.document.get_absolute_url()]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, "05-NQ/TU")
                self.assertContains(response, self.document.title)

    def test_conference_pages(self):
        """The conference list and the conference page show the conference."""
        for url in [reverse("resolutions:conference-list"), self.conference.get_absolute_url()]:
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), self.conference.title)

    def test_search_finds_each_kind(self):
        """Search finds an article, a document and a conference."""
        response = self.client.get(reverse("search"), {"q": "chuyển đổi số"})
        self.assertContains(response, self.article.title)
        self.assertContains(response, self.document.title)
        response = self.client.get(reverse("search"), {"q": "quán triệt"})
        self.assertContains(response, self.conference.title)

    def test_search_by_document_number(self):
        """A reader can search by the number as written on the document."""
        self.assertContains(self.client.get(reverse("search"), {"q": "05-NQ/TU"}), "05-NQ/TU")

    def test_empty_search_explains(self):
        """Search without a term explains what to type."""
        self.assertContains(self.client.get(reverse("search")), "Nhập từ khóa")

    def test_pages_are_vietnamese(self):
        """Pages declare lang=vi and carry the Vietnamese navigation."""
        response = self.client.get(reverse("home"))
        self.assertContains(response, '<html lang="vi">')
        self.assertContains(response, "Trang chủ")
        self.assertContains(response, "Tin tức")


class BadQueryStringTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.category = make_category()
        make_article(category=cls.category)
        make_document()
        make_conference()

    def list_urls(self):
        return [
            reverse("news:article-list"),
            self.category.get_absolute_url(),
            reverse("resolutions:document-list"),
            reverse("resolutions:conference-list"),
        ]

    def test_bad_page_numbers_are_404(self):
        """?page=abc, 999, 0, -1 and a huge number answer 404 on every list, never 500."""
        for url in self.list_urls():
            for page in ["abc", "999", "0", "-1", "1e3", "9" * 30]:
                with self.subTest(url=url, page=page):
                    self.assertEqual(self.client.get(url, {"page": page}).status_code, 404)

    def test_last_page_word_works(self):
        """?page=last is Django's documented alias for the last page."""
        for url in self.list_urls():
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url, {"page": "last"}).status_code, 200)

    def test_unknown_category_is_404(self):
        """A category slug that does not exist is a 404."""
        self.assertEqual(self.client.get("/tin-tuc/khong-co/").status_code, 404)

    def test_too_long_search_gets_a_message(self):
        """A 201-character query is answered with a message, not a 500 and not a search."""
        response = self.client.get(reverse("search"), {"q": "a" * 201})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "tối đa 200 ký tự")

    def test_nul_byte_in_search(self):
        """A NUL byte in q is refused with a message (a 400), never a 500."""
        response = self.client.get(reverse("search"), {"q": "nghi\x00quyet"})
        self.assertContains(response, "ký tự NUL", status_code=400)

    def test_search_term_is_escaped(self):
        """A hostile search term is echoed escaped."""
        response = self.client.get(reverse("search"), {"q": '"><script>alert(1)</script>'})
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "<script>alert(1)</script>")
        self.assertContains(response, "&lt;script&gt;")

    def test_sql_like_search_is_literal(self):
        """Characters with meaning in SQL or LIKE are searched for literally."""
        for term in ["' OR 1=1 --", "%", "_", "\\", "foo & | !("]:
            with self.subTest(term=term):
                self.assertEqual(self.client.get(reverse("search"), {"q": term}).status_code, 200)

    def test_repeated_parameters_use_the_last_value(self):
        """?q=a&q=b searches for the last value, as QueryDict.get does."""
        response = self.client.get(reverse("search") + "?q=zzzz&q=Sapo")
        self.assertEqual(response.context["query"], "Sapo")


class UnpublishedInvisibleTests(TestCase):
    """Draft, review, archived and scheduled items never reach an anonymous reader."""

    @classmethod
    def setUpTestData(cls):
        cls.category = make_category(name="Thời sự", slug="thoi-su")
        cls.public_article = make_article(title="Bài đã xuất bản", category=cls.category)
        cls.hidden = []
        for state, values in hidden_states().items():
            article = make_article(
                title=f"{HIDDEN} bài {state}", category=cls.category, is_featured=True, **values
            )
            document = make_document(title=f"{HIDDEN} văn bản {state}", **values)
            conference = make_conference(
                title=f"{HIDDEN} hội nghị {state}",
                starts_at=timezone.now() + datetime.timedelta(days=3),
                **values,
            )
            cls.hidden += [article, document, conference]

    def test_detail_pages_are_404(self):
        """The page of every unpublished article, document and conference is a 404."""
        for obj in self.hidden:
            with self.subTest(obj=str(obj)):
                self.assertEqual(self.client.get(obj.get_absolute_url()).status_code, 404)

    def test_lists_and_home_do_not_show_them(self):
        """Home widgets, news lists, category page, registry and conference list omit them."""
        for url in [
            reverse("home"),
            reverse("news:article-list"),
            self.category.get_absolute_url(),
            reverse("resolutions:document-list"),
            reverse("resolutions:conference-list"),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, HIDDEN)

    def test_search_does_not_find_them(self):
        """Search results never include unpublished items."""
        response = self.client.get(reverse("search"), {"q": HIDDEN})
        self.assertContains(response, "Không tìm thấy")
        for obj in self.hidden:
            with self.subTest(obj=str(obj)):
                self.assertNotContains(response, obj.title)
                self.assertNotContains(response, obj.get_absolute_url())

    def test_staff_do_not_see_them_in_lists_either(self):
        """Lists are the public view even for staff; only detail pages preview."""
        self.client.force_login(make_staff(username="bientap"))
        self.assertNotContains(self.client.get(reverse("news:article-list")), HIDDEN)
        self.assertNotContains(self.client.get(reverse("home")), HIDDEN)

    def test_status_in_query_string_does_not_widen(self):
        """?status=draft or ?preview=1 on a list changes nothing for anonymous readers."""
        for params in [{"status": "draft"}, {"preview": "1"}]:
            with self.subTest(params=params):
                self.assertNotContains(
                    self.client.get(reverse("news:article-list"), params), HIDDEN
                )


class StaffPreviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.staff = make_staff(username="bientapvien")
        cls.reader = User.objects.create_user("bandoc")
        values = hidden_states()
        cls.items = [
            make_article(title="Bài nháp xem trước", **values["draft"]),
            make_document(title="văn bản hẹn giờ xem trước", **values["scheduled"]),
            make_conference(title="Hội nghị chờ duyệt xem trước", **values["review"]),
        ]
        cls.published = make_article(title="Bài đã đăng")

    def test_staff_preview_has_banner_and_no_cache_headers(self):
        """Staff see an unpublished item with the banner, no-cache/private and noindex."""
        self.client.force_login(self.staff)
        for obj in self.items:
            with self.subTest(obj=str(obj)):
                response = self.client.get(obj.get_absolute_url())
                self.assertContains(response, "Bản xem trước")
                self.assertContains(response, obj.title)
                cache_control = response["Cache-Control"]
                for directive in ["no-cache", "no-store", "private"]:
                    self.assertIn(directive, cache_control)
                self.assertEqual(response["X-Robots-Tag"], "noindex")

    def test_anonymous_and_non_staff_get_404(self):
        """Anonymous readers and logged-in non-staff users get a 404 for the same URLs."""
        for obj in self.items:
            with self.subTest(obj=str(obj)):
                self.assertEqual(self.client.get(obj.get_absolute_url()).status_code, 404)
        self.client.force_login(self.reader)
        for obj in self.items:
            with self.subTest(obj=str(obj), user="reader"):
                self.assertEqual(self.client.get(obj.get_absolute_url()).status_code, 404)

    def test_published_item_for_staff_is_not_a_preview(self):
        """A published page seen by staff has no banner and no noindex."""
        self.client.force_login(self.staff)
        response = self.client.get(self.published.get_absolute_url())
        self.assertNotContains(response, "Bản xem trước")
        self.assertFalse(response.has_header("X-Robots-Tag"))


class QueryCountTests(TestCase):
    """List pages cost a fixed number of queries, however many rows they show."""

    @classmethod
    def setUpTestData(cls):
        cls.category = make_category()
        for index in range(6):
            article = make_article(category=cls.category, is_featured=index < 2)
            document = make_document()
            conference = make_conference(
                starts_at=timezone.now() + datetime.timedelta(days=index - 3)
            )
            article.documents.add(document)
            conference.documents.add(document)

    def setUp(self):
        warm_page_fragments()  # footer, navigation, "Đọc nhiều": once per content version

    def test_home(self):
        """Home: featured, latest, documents, upcoming and recent conferences."""
        with self.assertNumQueries(5):
            self.client.get(reverse("home"))

    def test_article_list(self):
        """/tin-tuc/: count, page of articles with categories, category menu."""
        with self.assertNumQueries(3):
            self.client.get(reverse("news:article-list"))

    def test_category_page(self):
        """A category page: the category, count, page of articles, category menu."""
        with self.assertNumQueries(4):
            self.client.get(self.category.get_absolute_url())

    def test_search(self):
        """Search: two counts per kind, two page queries, one fetch per kind shown, type menu."""
        # + the count of the pages, Chỉ tiêu and Hỏi đáp kinds (none of them match)
        with self.assertNumQueries(14):
            self.client.get(reverse("search"), {"q": "số"})

    def test_resolution_lists_do_not_grow_with_rows(self):
        """/van-ban/ and /hoi-nghi/ cost the same with 6 rows as with 12 (no N+1)."""
        urls = [reverse("resolutions:document-list"), reverse("resolutions:conference-list")]
        for batch, url in enumerate(urls):
            with self.subTest(url=url):
                with CaptureQueriesContext(connection) as before:
                    self.client.get(url)
                for index in range(6):
                    make_document(number=f"{90 + 10 * batch + index}-KH/TU")
                    make_conference()
                warm_page_fragments()  # footer, navigation, "Đọc nhiều": once per content version
                with CaptureQueriesContext(connection) as after:
                    self.client.get(url)
                self.assertEqual(len(after), len(before), [q["sql"] for q in after])
