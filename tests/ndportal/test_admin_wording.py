"""Admin wording, dates and chrome: locale/vi, ndportal/formats/vi, admin/base_site.html."""

import datetime

from django.contrib.auth.models import User
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from reversion import create_revision, set_user

from news.models import Article
from tests.factories import make_article

PUBLISHED = timezone.make_aware(datetime.datetime(2021, 7, 30, 16, 5))


class AdminWordingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_superuser("quantri", "qt@example.vn", "x")
        cls.article = make_article(title="Hội nghị quán triệt", published_at=PUBLISHED)

    def setUp(self):
        self.client.force_login(self.user)

    def test_add_page_says_them_bai_viet(self):
        """The add page is 'Thêm bài viết', not Django's 'Thêm vào bài viết'."""
        response = self.client.get(reverse("admin:news_article_add"))
        self.assertContains(response, "<h1>Thêm bài viết</h1>", html=True)
        self.assertNotContains(response, "Thêm vào")

    def test_index_with_no_recent_actions_says_chua_co(self):
        """An empty 'Thao tác của tôi' box reads 'Chưa có', not 'Không có sẵn'."""
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, "Chưa có")
        self.assertNotContains(response, "Không có sẵn")
        self.assertContains(response, "Thao tác của tôi")

    def test_changelist_dates_read_day_month_year_hour_minute(self):
        """The list shows 30/07/2021 16:05, the format of every admin date."""
        response = self.client.get(reverse("admin:news_article_changelist"))
        self.assertContains(response, "30/07/2021 16:05")
        self.assertNotContains(response, "Ngày 30 tháng 7")

    def test_history_dates_share_the_format(self):
        """The item's history lists its versions as dd/mm/yyyy HH:MM:SS."""
        with create_revision():
            set_user(self.user)
            self.article.save()
        response = self.client.get(reverse("admin:news_article_history", args=[self.article.pk]))
        self.assertRegex(response.content.decode(), r">\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}</a>")

    def test_file_inputs_are_worded_for_editors(self):
        """A stored cover reads 'Tệp hiện tại … Thay bằng tệp khác', not 'Hiện nay … Thay đổi'."""
        Article.objects.filter(pk=self.article.pk).update(cover_image="news/anh.png")
        response = self.client.get(reverse("admin:news_article_change", args=[self.article.pk]))
        self.assertContains(response, "Tệp hiện tại:")
        self.assertContains(response, "Thay bằng tệp khác:")
        self.assertNotContains(response, "Hiện nay:")


@override_settings(PAGE_CACHE_SECONDS=0)
class AdminChromeTests(TestCase):
    def test_every_admin_page_has_the_favicon_and_stylesheet(self):
        """Sign-in page included: the tab shows the portal's icon, the boxes are widened."""
        response = self.client.get(reverse("admin:login"))
        self.assertContains(response, '<link rel="icon" href="/static/favicon.svg"')
        self.assertContains(response, "/static/ndportal/admin.css")
        self.assertContains(response, "Chuyển đến nội dung chính")
