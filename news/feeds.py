"""RSS feeds of published news: all articles, and one feed per category."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from news.models import Article, Category

FEED_LENGTH = 20


class LatestArticlesFeed(Feed):
    link = reverse_lazy("news:article-list")

    def title(self):
        return f"Tin tức — {settings.SITE_NAME}"

    def description(self):
        return f"Tin tức mới nhất của {settings.SITE_OWNER}."

    def items(self):
        return Article.objects.published().select_related("category")[:FEED_LENGTH]

    # Feed readers render titles and descriptions as HTML. Both are escaped, so a
    # `<script>` an editor typed shows as text and never runs in a reader (docs/security.md §10).
    # The description is the lead, which is plain text: the rich-text body never goes out.
    def item_title(self, item):
        return escape(item.title)

    def item_description(self, item):
        return escape(item.lead)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [item.category.name]


class CategoryArticlesFeed(LatestArticlesFeed):
    def get_object(self, request, category):
        # An unknown slug raises DoesNotExist, which the Feed view turns into a 404.
        return Category.objects.get(slug=category)

    def title(self, obj):
        return f"{obj.name} — {settings.SITE_NAME}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.description or f"Tin tức chuyên mục {obj.name} của {settings.SITE_OWNER}."

    def items(self, obj):
        return (
            Article.objects.published()
            .filter(category=obj)
            .select_related("category")[:FEED_LENGTH]
        )


class LatestArticlesAtomFeed(LatestArticlesFeed):
    """The same articles as an Atom feed; the lead is the entry's summary."""

    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class CategoryArticlesAtomFeed(CategoryArticlesFeed):
    feed_type = Atom1Feed
    subtitle = CategoryArticlesFeed.description
