"""The database's own index serves the search: GIN on PostgreSQL, plain columns on SQLite."""

import unittest

from django.db import connection
from django.test import TestCase
from django.utils import timezone

from ndportal.publishing import Status
from ndportal.search import match_condition
from news.models import Article
from tests.factories import make_category

ROWS = 2000
WORDS = "tỉnh ủy chỉ đạo các cấp ủy đảng triển khai nghị quyết về phát triển kinh tế xã hội".split()


def bulk_articles():
    """2,000 published articles with ~300-character bodies; three hold a rare word."""
    category = make_category()
    now = timezone.now()
    articles = []
    for n in range(ROWS):
        words = [WORDS[(n + i) % len(WORDS)] for i in range(60)]
        if n % 700 == 0:
            words.append("Quỳnh Côi")
        article = Article(
            title=f"Bài số {n}",
            slug=f"bai-{n}",
            category=category,
            lead="Sapo.",
            body=f"<p>{' '.join(words)}</p>",
            status=Status.PUBLISHED,
            published_at=now,
        )
        article.fill_search_columns()
        articles.append(article)
    Article.objects.bulk_create(articles, batch_size=500)


def explain(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


class SearchIndexTests(TestCase):
    @unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL only: CI's PostgreSQL pass")
    def test_postgres_query_uses_the_gin_index(self):
        """On 2,000 analysed rows, a rare word is looked up in the GIN index, not by a scan."""
        bulk_articles()
        with connection.cursor() as cursor:
            # What autovacuum does after a bulk load: move the GIN's pending entries into the
            # index proper (VACUUM cannot run inside the test's transaction), then analyse.
            cursor.execute("SELECT gin_clean_pending_list('news_article_search_gin'::regclass)")
            cursor.execute("ANALYZE news_article")
        found = Article.objects.published().filter(match_condition(Article, "quynh coi"))
        self.assertEqual(found.count(), 3)
        plan = explain(found)
        self.assertIn("news_article_search_gin", plan, plan)
        self.assertNotIn("Seq Scan on news_article", plan, plan)

    def test_postgres_vector_follows_bulk_updates(self):
        """PostgreSQL recomputes the generated vector on update(); SQLite has no vector at all."""
        bulk_articles()
        columns = [
            c.name
            for c in connection.introspection.get_table_description(
                connection.cursor(), "news_article"
            )
        ]
        Article.objects.filter(slug="bai-1").update(search_body=" dong ho chuong ")
        found = list(Article.objects.filter(match_condition(Article, "dong ho chuong")))
        self.assertEqual([a.slug for a in found], ["bai-1"])
        if connection.vendor == "postgresql":
            self.assertIn("search_vector", columns)
        else:
            # The SQLite path: substring tests on the folded columns, no vector column.
            self.assertNotIn("search_vector", columns)
            sql = str(Article.objects.filter(match_condition(Article, "dong ho")).query)
            self.assertIn('"search_body" LIKE', sql)
