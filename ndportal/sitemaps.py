"""The sitemap registry: every public page a search engine should find, and robots.txt.

Only published items are listed, through the same `published()` querysets the pages use,
so a draft, an item awaiting review, an archived one or one scheduled for later never
appears, and a scheduled item appears by itself at its time. Previews, the admin and
file downloads are never listed.

`/sitemap.xml` is an index of sections, each paginated at `limit` URLs (`?p=2`): a page reads
only the columns its URLs and dates need, so a worker's memory stays bounded whatever the
number of articles. The index's dates come from one `Max()` per section.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, OuterRef, Subquery
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from feedback.models import Question
from news.models import Article, Category
from pages.models import Page
from resolutions.models import Conference, Document
from targets.sitemaps import ProgressSitemap


def latest_change(*models):
    """The newest `updated_at` among the published items of these models, or None."""
    dates = [
        model.objects.published().aggregate(latest=Max("updated_at"))["latest"] for model in models
    ]
    return max((date for date in dates if date is not None), default=None)


class SectionSitemap(Sitemap):
    """The home page and the list pages of each section, dated by their newest item."""

    pages = [
        ("home", (Article, Document, Conference)),
        ("news:article-list", (Article,)),
        ("resolutions:document-list", (Document,)),
        ("resolutions:conference-list", (Conference,)),
        ("resolutions:conference-reach", (Conference,)),
        ("feedback:question-list", (Question,)),
    ]

    def items(self):
        return self.pages

    def location(self, item):
        return reverse(item[0])

    def lastmod(self, item):
        return latest_change(*item[1])


class CategorySitemap(Sitemap):
    """News categories that have at least one published article."""

    def items(self):
        latest_change = (
            Article.objects.published()
            .filter(category=OuterRef("pk"))
            .order_by("-updated_at")
            .values("updated_at")[:1]
        )
        return (
            Category.objects.annotate(last_article_change=Subquery(latest_change))
            .filter(last_article_change__isnull=False)
            .order_by("order", "name")
        )

    def lastmod(self, item):
        return item.last_article_change


class ItemSitemap(Sitemap):
    """Published items, newest first, `limit` to a page, dated by their last change."""

    limit = 5000

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every item: all rows in memory for the index.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class ArticleSitemap(ItemSitemap):
    def items(self):
        return (
            Article.objects.published()
            .select_related("category")
            .only("slug", "updated_at", "category__slug")
            .order_by("-id")
        )


class DocumentSitemap(ItemSitemap):
    def items(self):
        return (
            Document.objects.published()
            .select_related("doc_type")
            .only("slug", "issued_on", "updated_at", "doc_type__slug")
            .order_by("-id")
        )


class ConferenceSitemap(ItemSitemap):
    def items(self):
        return Conference.objects.published().only("slug", "updated_at").order_by("-id")


class PageSitemap(ItemSitemap):
    """The site's own pages (giới thiệu, liên hệ...)."""

    def items(self):
        return Page.objects.published().only("slug", "updated_at").order_by("order", "id")


class QuestionSitemap(ItemSitemap):
    """Published questions and answers (never who asked: the URL is the question's number)."""

    def items(self):
        return Question.objects.published().only("pk", "updated_at").order_by("-id")


SITEMAPS = {
    "sections": SectionSitemap,
    "categories": CategorySitemap,
    "articles": ArticleSitemap,
    "documents": DocumentSitemap,
    "conferences": ConferenceSitemap,
    "pages": PageSitemap,
    "progress": ProgressSitemap,
    "questions": QuestionSitemap,
}


@require_safe
def robots_txt(request):
    """Point crawlers at the sitemap; keep them out of the admin and the endless search pages."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Disallow: {reverse('search')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
