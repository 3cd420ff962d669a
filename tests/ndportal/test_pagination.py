"""Deferred-join pagination (ndportal/pagination.py) on the news list and the registry."""

import datetime
from unittest import mock

from django.core.paginator import Paginator
from django.test import TestCase
from django.utils import timezone

from ndportal.pagination import DeferredJoinPaginator
from news.models import Article
from resolutions.models import Document
from tests.factories import make_article, make_document


class DeferredJoinPaginatorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        # Two articles share each publication time: the id breaks the tie.
        for i in range(30):
            make_article(published_at=now - datetime.timedelta(hours=i // 2))
        for i in range(25):
            make_document(issued_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=i % 5))

    def assertSamePages(self, queryset, per_page):
        plain = Paginator(queryset, per_page)
        deferred = DeferredJoinPaginator(queryset, per_page)
        deferred.deferred_from = 0  # every page by id, as deep pages of a long list are
        self.assertEqual(deferred.num_pages, plain.num_pages)
        for number in plain.page_range:
            with self.subTest(page=number):
                self.assertEqual(
                    list(deferred.page(number).object_list), list(plain.page(number).object_list)
                )

    def test_pages_hold_the_same_items_in_the_same_order_as_offset(self):
        """Every page lists what OFFSET pagination lists, ties broken by id the same way."""
        self.assertSamePages(Article.objects.published(), 12)
        self.assertSamePages(Document.objects.published().with_validity(), 7)

    def test_deep_pages_fetch_by_id_shallow_pages_by_offset(self):
        """Past `deferred_from` rows a page is two queries (ids, then rows); before it, one."""
        paginator = DeferredJoinPaginator(Article.objects.published(), 12)
        paginator.deferred_from = 12
        paginator.count  # noqa: B018 (the count query, out of the way)
        with self.assertNumQueries(1):
            list(paginator.page(1).object_list)
        with self.assertNumQueries(2) as context:
            list(paginator.page(2).object_list)
        self.assertIn(" IN (", context.captured_queries[1]["sql"])

    @mock.patch.object(DeferredJoinPaginator, "deferred_from", 0)
    def test_news_list_last_page_and_past_the_end(self):
        """The last news page shows the oldest articles; a page past the end is 404."""
        oldest = Article.objects.published().order_by("published_at", "id")[:6]
        response = self.client.get("/tin-tuc/?page=3")
        self.assertEqual(list(response.context["object_list"]), list(reversed(oldest)))
        self.assertEqual(self.client.get("/tin-tuc/?page=4").status_code, 404)

    @mock.patch.object(DeferredJoinPaginator, "deferred_from", 0)
    def test_registry_deep_page(self):
        """The registry's second page continues where the first stopped."""
        first = list(self.client.get("/van-ban/").context["object_list"])
        second = list(self.client.get("/van-ban/?page=2").context["object_list"])
        self.assertEqual(len(first) + len(second), 25)
        self.assertFalse(set(first) & set(second))
