"""The sitemap registry: every public page a search engine should find, and robots.txt.

Only published items are listed, through the same `published()` querysets the pages use,
so a draft, an item awaiting review, an archived one or one scheduled for later never
appears, and a scheduled item appears by itself at its time. Previews, the admin and
file downloads are never listed.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_safe

from news.models import Article, Category
from resolutions.models import Conference, Document


class SectionSitemap(Sitemap):
    """The home page and the list pages of each section."""

    pages = [
        reverse_lazy("home"),
        reverse_lazy("news:article-list"),
        reverse_lazy("resolutions:document-list"),
        reverse_lazy("resolutions:conference-list"),
        reverse_lazy("resolutions:conference-reach"),
    ]

    def items(self):
        return self.pages

    def location(self, item):
        return str(item)


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


class ArticleSitemap(Sitemap):
    def items(self):
        return Article.objects.published().select_related("category").order_by("-id")

    def lastmod(self, item):
        return item.updated_at


class DocumentSitemap(Sitemap):
    def items(self):
        return Document.objects.published().select_related("doc_type").order_by("-id")

    def lastmod(self, item):
        return item.updated_at


class ConferenceSitemap(Sitemap):
    def items(self):
        return Conference.objects.published().order_by("-id")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "sections": SectionSitemap,
    "categories": CategorySitemap,
    "articles": ArticleSitemap,
    "documents": DocumentSitemap,
    "conferences": ConferenceSitemap,
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
