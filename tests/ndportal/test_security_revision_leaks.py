"""No public surface shows a pending revision: pages, lists, search, feeds, sitemap, exports."""

from django.core.cache import caches
from django.test import TestCase, override_settings

from ndportal.revisions import Revision
from tests.admin_forms import admin_url, form_data
from tests.factories import make_article, make_category, make_document, make_page, make_staff

SECRET = "Khuyenmaibimat"  # one word, so search and every page can be probed for it


class RevisionLeakTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_staff("editor", "bientap")
        cls.approver = make_staff("approver", "duyet")
        category = make_category(name="Thời sự", slug="thoi-su")
        cls.article = make_article(title="Bài đang hiện", category=category)
        cls.document = make_document(title="về chuyển đổi số")
        cls.page = make_page(title="Giới thiệu")

    def surfaces(self):
        return [
            "/",
            "/tin-tuc/",
            "/tin-tuc/thoi-su/",
            self.article.get_absolute_url(),
            self.document.get_absolute_url(),
            self.page.get_absolute_url(),
            "/van-ban/",
            f"/tim-kiem/?q={SECRET}",
            "/tin-tuc/rss.xml",
            "/tin-tuc/atom.xml",
            "/van-ban/rss.xml",
            "/sitemap.xml",
            "/sitemap-articles.xml",
            "/sitemap-documents.xml",
            "/sitemap-pages.xml",
            "/van-ban/du-lieu.csv",
            "/van-ban/du-lieu.json",
        ]

    def read_all(self):
        self.client.logout()
        return {url: self.client.get(url).content for url in self.surfaces()}

    def store_revisions(self):
        for item, field in (
            (self.article, "body"),
            (self.document, "summary"),
            (self.page, "body"),
        ):
            self.client.force_login(self.editor)
            data = form_data(self.client.get(admin_url(item)))
            data["title"] = f"{item.title} {SECRET}"
            data[field] = f"<p>{SECRET}</p>" if field == "body" else SECRET
            data["_revision"] = "submit"
            self.assertEqual(self.client.post(admin_url(item), data).status_code, 302)
        self.assertEqual(Revision.objects.count(), 3)

    def test_cached_and_uncached_surfaces_do_not_change(self):
        """Every public answer is byte for byte the same before and after revisions are saved."""
        before = self.read_all()  # warms the page cache too
        self.store_revisions()
        self.assertEqual(self.read_all(), before)  # served from the cache: still valid
        caches["default"].clear()
        after = self.read_all()
        for url in self.surfaces():
            with self.subTest(url=url):
                if "tim-kiem" in url:  # the page repeats the query: it must find nothing
                    self.assertIn("Không tìm thấy kết quả nào".encode(), after[url])
                else:
                    self.assertNotIn(SECRET.encode(), after[url])
                self.assertEqual(after[url], before[url])

    def test_search_columns_of_the_live_row_are_untouched(self):
        """The stored search text is the live row's: a revision never reaches it."""
        self.store_revisions()
        for item in (self.article, self.document, self.page):
            with self.subTest(kind=type(item).__name__):
                stored = type(item).objects.get(pk=item.pk)
                columns = (stored.search_title, stored.search_body, stored.search_plain)
                self.assertFalse(any(SECRET.lower() in c.lower() for c in columns))

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_publication_is_what_makes_it_public(self):
        """The same probes see the revision once the approver publishes it (they can fail)."""
        self.store_revisions()
        for item in (self.article, self.document, self.page):
            self.client.force_login(self.approver)
            url = admin_url(item)[: -len("change/")] + "ban-sua/"
            self.client.post(url, {"action": "publish"})
        after = self.read_all()
        for url in (
            self.article.get_absolute_url(),
            self.page.get_absolute_url(),
            "/tin-tuc/rss.xml",
        ):
            with self.subTest(url=url):
                self.assertIn(SECRET.encode(), after[url])
        self.assertNotIn("Không tìm thấy kết quả nào".encode(), after[f"/tim-kiem/?q={SECRET}"])
