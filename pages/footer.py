"""The footer on every page (the portal's details, links to its pages), read once per
content version, not per request.

Every public page already runs close to its query budget (README.md, "Query budgets"), so
the footer's links are kept in the page cache's store under the content version: any
write to a page bumps the version (ndportal/cache.py), and the entry lives no longer
than the next scheduled publication.
"""

from ndportal.cache import cached_fragment
from pages.models import Page, SiteDetails

# Kept even when whole pages are not cached (PAGE_CACHE_SECONDS=0): a write bumps the version.
FOOTER_SECONDS = 3600


def details_values(details):
    """Plain values, not the model instance: the cache may outlive a change of the model."""
    values = {field.attname: getattr(details, field.attname) for field in details._meta.fields}
    values["social_links"] = details.social_links
    return values


def read_footer():
    pages = Page.objects.in_footer().only("title", "slug")
    return {
        "details": details_values(SiteDetails.current()),
        "pages": [(page.title, page.get_absolute_url()) for page in pages],
    }


def footer_data():
    """{"details": {field: value}, "pages": [(title, url), ...]}, from the cache when fresh."""
    return cached_fragment("footer", read_footer, seconds=FOOTER_SECONDS)
