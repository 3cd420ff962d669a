"""Malformed URLs and query strings answer 4xx, never 500."""

from django.test import TestCase

from tests.factories import make_article, make_conference, make_document

BAD_URLS = [
    "/van-ban/nghi-quyet/99999/x/",
    "/van-ban/nghi-quyet/0/x/",
    "/van-ban/nghi-quyet/99999/x/du-lieu.json",
    "/van-ban/?co_quan=99999999999999999999",
    "/van-ban/?nam=99999999999999999999999",
    "/van-ban/?tu_ngay=99/99/9999",
    "/van-ban/?q=%00",
    "/van-ban/?nguoi_ky=%00",
    "/van-ban/?page=abc",
    "/van-ban/?page=99999999999999999999",
    "/van-ban/du-lieu.csv?co_quan=abc",
    "/van-ban/du-lieu.json?q=%00",
    "/van-ban/tep/99999999999999999999/",
    "/hoi-nghi/?nam=abc",
    "/hoi-nghi/?van_ban=abc",
    "/hoi-nghi/?van_ban=99999999999999999999",
    "/hoi-nghi/?page=-1",
    "/hoi-nghi/lich/?thang=2024-13",
    "/hoi-nghi/lich/?thang=%00",
    "/hoi-nghi/lich/99999999999999999999/1/",
    "/hoi-nghi/ket-qua-hoc-tap/?khoa=%00",
    "/hoi-nghi/x/anh/99999999999999999999/",
    "/tim-kiem/?q=%00",
    "/tim-kiem/?q=" + "a " * 99,
    "/tin-tuc/?page=abc",
    "/tin-tuc/khong-co/rss.xml",
    "/tin-tuc/khong-co/",
]


class BadInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_document()
        make_conference()
        make_article()

    def test_no_bad_url_gives_a_server_error(self):
        """Each malformed URL answers with a status below 500."""
        self.client.raise_request_exception = False
        for url in BAD_URLS:
            with self.subTest(url=url):
                self.assertLess(self.client.get(url).status_code, 500)
