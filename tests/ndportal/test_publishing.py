"""One publication rule for articles, documents and conferences: published()."""

import datetime

import time_machine
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.utils import timezone

from ndportal.publishing import Status
from news.models import Article
from resolutions.models import Conference, Document
from tests.factories import make_article, make_conference, make_document

HOUR = datetime.timedelta(hours=1)


class PublishedQuerySetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        cls.builders = {
            Article: make_article,
            Document: make_document,
            Conference: make_conference,
        }
        cls.rows = {}
        for model, make in cls.builders.items():
            cls.rows[model] = {
                "published": make(status=Status.PUBLISHED, published_at=now - HOUR),
                "draft": make(status=Status.DRAFT, published_at=now - HOUR),
                "review": make(status=Status.REVIEW, published_at=now - HOUR),
                "archived": make(status=Status.ARCHIVED, published_at=now - HOUR),
                "scheduled": make(status=Status.PUBLISHED, published_at=now + HOUR),
            }

    def test_only_published_and_due_items(self):
        """Drafts, review, archived and future-scheduled items are excluded for every model."""
        for model, rows in self.rows.items():
            with self.subTest(model=model.__name__):
                self.assertQuerySetEqual(
                    model.objects.published(), [rows["published"]], ordered=False
                )

    def test_is_public_agrees_with_published(self):
        """is_public is true exactly for the rows published() returns."""
        for model, rows in self.rows.items():
            public = set(model.objects.published())
            for state, obj in rows.items():
                with self.subTest(model=model.__name__, state=state):
                    self.assertEqual(obj.is_public, obj in public)

    def test_scheduled_item_appears_at_its_time(self):
        """A scheduled item joins published() once its time has come, without a save."""
        scheduled = self.rows[Article]["scheduled"]
        with time_machine.travel(scheduled.published_at - datetime.timedelta(seconds=1)):
            self.assertNotIn(scheduled, Article.objects.published())
            self.assertFalse(scheduled.is_public)
        with time_machine.travel(scheduled.published_at):
            self.assertIn(scheduled, Article.objects.published())
            self.assertTrue(scheduled.is_public)

    def test_scheduled_and_awaiting_review(self):
        """scheduled() and awaiting_review() pick the future and review rows."""
        rows = self.rows[Document]
        self.assertQuerySetEqual(Document.objects.scheduled(), [rows["scheduled"]])
        self.assertQuerySetEqual(Document.objects.awaiting_review(), [rows["review"]])

    def test_published_without_time_is_not_public_when_written_around_save(self):
        """A published row with no time (bulk update) stays hidden instead of leaking."""
        draft = self.rows[Conference]["draft"]
        Conference.objects.filter(pk=draft.pk).update(status=Status.PUBLISHED, published_at=None)
        self.assertNotIn(draft, Conference.objects.published())


class PublishedAtTests(TestCase):
    def test_publishing_without_a_time_stamps_now(self):
        """Saving a published item without published_at sets it to now."""
        before = timezone.now()
        article = make_article(status=Status.PUBLISHED, published_at=None)
        self.assertIsNotNone(article.published_at)
        self.assertGreaterEqual(article.published_at, before)
        self.assertTrue(article.is_public)

    def test_draft_keeps_an_empty_time(self):
        """A draft saved without published_at keeps it empty."""
        document = make_document(status=Status.DRAFT, published_at=None)
        self.assertIsNone(document.published_at)
        self.assertFalse(document.is_public)

    def test_given_time_is_kept(self):
        """An explicit publication time, past or future, is not overwritten."""
        when = timezone.now() + datetime.timedelta(days=3)
        conference = make_conference(status=Status.PUBLISHED, published_at=when)
        conference.refresh_from_db()
        self.assertEqual(conference.published_at, when)
        self.assertFalse(conference.is_public)

    def test_publishing_a_draft_later_stamps_that_moment(self):
        """A draft published later gets the time of publication, not of creation."""
        article = make_article(status=Status.DRAFT, published_at=None)
        moment = timezone.now() + datetime.timedelta(days=1)
        with time_machine.travel(moment, tick=False):
            article.status = Status.PUBLISHED
            article.save()
        self.assertEqual(article.published_at, moment)


class FrozenSlugTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.published = make_article(title="Nam Định ra quân")
        cls.draft = make_article(title="Bản nháp", status=Status.DRAFT, published_at=None)
        cls.conference = make_conference(title="Hội nghị quán triệt")

    def test_was_published(self):
        """was_published reads the stored row: published yes, draft and new no."""
        self.assertTrue(self.published.was_published())
        self.assertFalse(self.draft.was_published())
        self.assertFalse(Article(title="Mới").was_published())

    def test_changed_slug_of_published_item_is_refused(self):
        """check_frozen_slug raises the Vietnamese message on the slug field."""
        for obj in [self.published, self.conference]:
            with self.subTest(model=type(obj).__name__):
                obj.slug = "duong-dan-moi"
                with self.assertRaises(ValidationError) as raised:
                    obj.check_frozen_slug()
                self.assertIn("không được đổi", raised.exception.message_dict["slug"][0])

    def test_draft_slug_may_change(self):
        """Before publication the slug is free to change."""
        self.draft.slug = "ban-nhap-moi"
        self.draft.check_frozen_slug()
