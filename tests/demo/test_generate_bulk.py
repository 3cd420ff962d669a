"""generate_bulk: many generated items, unique, searchable, the same for the same seed."""

import io

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase

from ndportal.publishing import Status
from ndportal.search import rebuild, search
from ndportal.search.models import SEARCH_COLUMNS
from news.models import Article
from resolutions.models import Conference, Document
from resolutions.numbers import parse_number


def generate(seed=1, articles=20, documents=10, conferences=5):
    call_command(
        "generate_bulk",
        articles=articles,
        documents=documents,
        conferences=conferences,
        seed=seed,
        batch=7,
        stdout=io.StringIO(),
    )


class GenerateBulkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        generate()

    def test_rows_are_created(self):
        """The requested numbers of articles, documents and conferences exist."""
        self.assertEqual(Article.objects.count(), 20)
        self.assertEqual(Document.objects.count(), 10)
        self.assertEqual(Conference.objects.count(), 5)

    def test_slugs_and_numbers_are_unique(self):
        """No two articles or conferences share a slug; no two documents an address or number."""
        for model in (Article, Conference):
            slugs = list(model.objects.values_list("slug", flat=True))
            self.assertEqual(len(slugs), len(set(slugs)))
        keys = list(Document.objects.values_list("doc_type", "issued_on__year", "slug"))
        self.assertEqual(len(keys), len(set(keys)))
        numbers = list(Document.objects.values_list("number", "issuing_body", "issued_on"))
        self.assertEqual(len(numbers), len(set(numbers)))

    def test_documents_read_as_registry_numbers(self):
        """Every number parses as the registry writes it, and its derived fields are filled."""
        for document in Document.objects.all():
            parsed = parse_number(document.number)
            self.assertIsNotNone(parsed, document.number)
            self.assertEqual(document.slug, parsed.slug)
            self.assertEqual(document.serial, parsed.serial)
            self.assertTrue(document.number_key)

    def test_items_are_searchable_like_saved_ones(self):
        """The stored search columns equal what save() computes, so search finds the rows."""
        for model in (Article, Document, Conference):
            for item in model.objects.all()[:3]:
                stored = [getattr(item, name) for name in SEARCH_COLUMNS]
                item.save()
                item.refresh_from_db()
                self.assertEqual(stored, [getattr(item, name) for name in SEARCH_COLUMNS], item)
        article = Article.objects.published().first()
        self.assertIn(article, search(Article.objects.published(), article.title))
        document = Document.objects.published().first()
        found = search(Document.objects.published(), document.number)
        self.assertIn(document, found)

    def test_relations_are_in_the_columns_without_a_second_pass(self):
        """Recomputing every row's columns from the database changes none: tags, fields and
        studied documents were folded in before the insert."""
        tagged = Article.objects.published().filter(tags__isnull=False).distinct()
        self.assertTrue(tagged.exists())
        self.assertTrue(Conference.objects.filter(documents__isnull=False).exists())
        self.assertEqual(rebuild(Article), (0, 20))
        self.assertEqual(rebuild(Document), (0, 10))
        self.assertEqual(rebuild(Conference), (0, 5))
        tag = tagged.first().tags.first()
        self.assertIn(tagged.first(), search(Article.objects.published(), tag.name))

    def test_mostly_published_with_some_drafts_over_more_rows(self):
        """Published items are the majority; nothing is left without a publication time."""
        published = Article.objects.filter(status=Status.PUBLISHED)
        self.assertGreater(published.count(), 10)
        self.assertFalse(published.filter(published_at__isnull=True).exists())
        self.assertFalse(
            Article.objects.filter(status=Status.DRAFT, published_at__isnull=False).exists()
        )

    def test_articles_are_about_three_kilobytes(self):
        """Bodies are Vietnamese text of about 3 KB."""
        body = Article.objects.first().body
        self.assertGreater(len(body.encode()), 2000)
        self.assertIn("ệ", body + Article.objects.last().body + Article.objects.all()[1].body)

    def test_same_seed_same_content_and_a_second_run_adds(self):
        """A second run with the same seed writes the same titles, under new unique slugs."""
        titles = list(Article.objects.order_by("pk").values_list("title", flat=True))
        generate()
        self.assertEqual(Article.objects.count(), 40)
        again = list(Article.objects.order_by("pk").values_list("title", flat=True))[20:]
        self.assertEqual(titles, again)
        slugs = list(Article.objects.values_list("slug", flat=True))
        self.assertEqual(len(slugs), len(set(slugs)))

    def test_negative_counts_are_refused(self):
        """A negative number is a clear error, not a traceback."""
        with self.assertRaises(CommandError):
            generate(articles=-1)


class GenerateCommitteesTests(TestCase):
    def test_tree_and_results(self):
        """--committees builds one khóa XX tree in proportion; --study-results adds results of
        its committees, one per committee and document, whose figures pass the model checks."""
        from resolutions.models import Committee, StudyResult

        call_command(
            "generate_bulk",
            articles=0,
            documents=40,
            conferences=0,
            committees=100,
            study_results=300,
            stdout=io.StringIO(),
        )
        committees = Committee.objects.filter(term__name="XX")
        self.assertEqual(committees.count(), 100)
        self.assertEqual(committees.filter(parent=None).count(), 1)
        for committee in committees.exclude(parent=None).select_related("parent")[:50]:
            committee.full_clean()
        self.assertLessEqual(StudyResult.objects.count(), 300)
        self.assertGreater(StudyResult.objects.count(), 100)
        for result in StudyResult.objects.select_related("committee")[:50]:
            result.full_clean()
