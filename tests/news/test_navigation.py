"""The main navigation (templates/includes/main_nav.html) and its cached categories."""

from django.test import TestCase, override_settings
from django.urls import reverse

from ndportal.publishing import Status
from news.navigation import nav_categories
from tests.factories import make_article, make_category, warm_page_fragments


def nav_html(response):
    html = response.content.decode()
    start = html.index('<nav class="site-nav"')
    return html[start : html.index("</nav>", start)]


@override_settings(PAGE_CACHE_SECONDS=0)
class MainNavigationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.news = make_category(name="Thời sự", slug="thoi-su", order=1)
        cls.party = make_category(name="Xây dựng Đảng", slug="xay-dung-dang", order=2)
        cls.empty = make_category(name="Chưa có bài", slug="chua-co-bai", order=3)
        cls.article = make_article(category=cls.news)
        make_article(category=cls.party)
        make_article(category=cls.empty, status=Status.DRAFT)

    def test_sections_and_categories_with_published_articles(self):
        """Every page lists the sections, then the categories readers can open, in order."""
        nav = nav_html(self.client.get(reverse("resolutions:document-list")))
        for label in ("Trang chủ", "Tin tức", "Văn bản", "Hội nghị"):
            self.assertIn(f">{label}</a>", nav)
        self.assertLess(nav.index("Thời sự"), nav.index("Xây dựng Đảng"))
        self.assertIn(f'href="{self.news.get_absolute_url()}"', nav)
        self.assertNotIn("Chưa có bài", nav)  # only a draft in it

    def test_current_section_and_category_marked(self):
        """On an article, "Tin tức" and its category carry aria-current."""
        nav = nav_html(self.client.get(self.article.get_absolute_url()))
        self.assertIn('href="/tin-tuc/" aria-current="page">Tin tức', nav)
        self.assertIn(f'href="{self.news.get_absolute_url()}" aria-current="true"', nav)
        self.assertNotIn(f'href="{self.party.get_absolute_url()}" aria-current', nav)

    def test_categories_cost_no_query_when_warm(self):
        """Read once per content version: 0 queries from then on."""
        nav_categories()
        with self.assertNumQueries(0):
            self.assertEqual(len(nav_categories()), 2)

    def test_a_write_refreshes_the_categories(self):
        """Publishing the first article of a category shows it in the menu at once."""
        warm_page_fragments()
        make_article(category=self.empty)
        self.assertIn("Chưa có bài", [name for name, _ in nav_categories()])
