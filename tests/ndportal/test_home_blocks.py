"""The home page's blocks: each ends with a link to its full list, in the list's words."""

import datetime
import re

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_conference, make_document


class HomeBlocksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_article()
        make_document()
        make_conference(starts_at=timezone.now() - datetime.timedelta(days=3))
        make_conference(starts_at=timezone.now() + datetime.timedelta(days=3))

    def test_every_block_links_to_its_full_list(self):
        """A "Xem thêm" link to the news, the registry, the conferences and their calendar."""
        html = self.client.get(reverse("home")).content.decode()
        more = {
            re.sub(r"<[^>]+>", "", text).strip(): href
            for href, text in re.findall(r'<a class="more-link" href="([^"]+)">(.*?)</a>', html)
        }
        self.assertEqual(
            more,
            {
                "Xem thêm tin tức›": reverse("news:article-list"),
                "Xem thêm văn bản›": reverse("resolutions:document-list"),
                "Xem thêm hội nghị›": reverse("resolutions:conference-list"),
                "Lịch hội nghị›": reverse("resolutions:conference-month"),
            },
        )

    def test_past_conferences_are_called_as_in_the_list(self):
        """The home page says "Đã diễn ra", like /hoi-nghi/, never "Đã tổ chức"."""
        response = self.client.get(reverse("home"))
        self.assertContains(response, '<h3 class="subsection">Đã diễn ra</h3>', html=True)
        self.assertContains(response, '<h3 class="subsection">Sắp diễn ra</h3>', html=True)
        self.assertNotContains(response, "Đã tổ chức")
        self.assertContains(self.client.get(reverse("resolutions:conference-list")), "Đã diễn ra")
