"""The news categories in the main navigation, read once per content version, not per page."""

from ndportal.cache import cached_fragment
from news.models import Article, Category

# Kept even when whole pages are not cached (PAGE_CACHE_SECONDS=0): a write bumps the version.
NAVIGATION_SECONDS = 3600


def read_nav_categories():
    # Only categories a reader can open something in: a new, empty one waits for its first article.
    categories = Category.objects.filter(
        pk__in=Article.objects.published().values("category")
    ).only("name", "slug")
    return [(category.name, category.get_absolute_url()) for category in categories]


def nav_categories():
    """[(name, url)] of the categories with published articles, in the editors' order."""
    return cached_fragment("nav-categories", read_nav_categories, seconds=NAVIGATION_SECONDS)
