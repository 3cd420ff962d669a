"""A scheduled item appears by itself at its publication time on every public surface."""

import datetime

import time_machine
from django.test import TestCase
from django.urls import reverse

from ndportal.publishing import Status
from tests.factories import make_article, make_conference, make_document

PUBLICATION = datetime.datetime(2026, 3, 8, 7, 0, tzinfo=datetime.UTC)
BEFORE = PUBLICATION - datetime.timedelta(minutes=1)
AFTER = PUBLICATION + datetime.timedelta(minutes=1)


class SchedulingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with time_machine.travel(PUBLICATION - datetime.timedelta(days=1), tick=False):
            cls.article = make_article(
                title="Khai mạc hội nghị hẹn giờ",
                status=Status.PUBLISHED,
                published_at=PUBLICATION,
                is_featured=True,
            )
            cls.document = make_document(
                title="về chương trình hẹn giờ", status=Status.PUBLISHED, published_at=PUBLICATION
            )
            cls.conference = make_conference(
                title="Hội nghị hẹn giờ quán triệt",
                status=Status.PUBLISHED,
                published_at=PUBLICATION,
                starts_at=PUBLICATION + datetime.timedelta(days=3),
            )

    def surfaces(self):
        """(name, url, text that shows the item) for every public page that lists it."""
        return [
            ("article list", reverse("news:article-list"), self.article.title),
            ("article detail", self.article.get_absolute_url(), self.article.title),
            ("document list", reverse("resolutions:document-list"), self.document.title),
            ("document detail", self.document.get_absolute_url(), self.document.title),
            ("conference list", reverse("resolutions:conference-list"), self.conference.title),
            ("conference detail", self.conference.get_absolute_url(), self.conference.title),
            ("home", reverse("home"), self.article.title),
            ("search", reverse("search") + "?q=hẹn+giờ", self.article.title),
            ("search documents", reverse("search") + "?q=hẹn+giờ", self.document.title),
        ]

    def test_hidden_before_publication_time(self):
        """A minute before its time the item is on no public page; its own page is a 404."""
        with time_machine.travel(BEFORE, tick=False):
            for name, url, text in self.surfaces():
                with self.subTest(surface=name):
                    response = self.client.get(url)
                    if "detail" in name:
                        self.assertEqual(response.status_code, 404)
                    else:
                        self.assertNotContains(response, text)

    def test_visible_after_publication_time(self):
        """A minute after its time the item is on every public page, with no job having run."""
        with time_machine.travel(AFTER, tick=False):
            for name, url, text in self.surfaces():
                with self.subTest(surface=name):
                    self.assertContains(self.client.get(url), text)

    def test_scheduled_shows_as_such_in_admin(self):
        """Before its time the admin list calls the item 'Hẹn giờ'; after, 'Đã xuất bản'."""
        from django.contrib.auth.models import User

        admin = User.objects.create_superuser("quantri", password="x")
        self.client.force_login(admin)
        url = reverse("admin:news_article_changelist")
        with time_machine.travel(BEFORE, tick=False):
            self.assertContains(self.client.get(url), "Hẹn giờ</strong>")
        with time_machine.travel(AFTER, tick=False):
            response = self.client.get(url)
            self.assertNotContains(response, "Hẹn giờ</strong>")
            self.assertContains(response, "Đã xuất bản</strong>")
