"""RSS feed of documents newly published in the registry.

Conferences already have their iCalendar feed (resolutions/ical.py); this one is for documents.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from resolutions.models import Document

FEED_LENGTH = 20


class LatestDocumentsFeed(Feed):
    link = reverse_lazy("resolutions:document-list")

    def title(self):
        return f"Văn bản mới — {settings.SITE_NAME}"

    def description(self):
        return f"Nghị quyết, chỉ thị, kế hoạch và các văn bản mới đăng của {settings.SITE_OWNER}."

    def items(self):
        # Newest on the portal first: the order matches each item's pubDate, so an old
        # resolution entered today is news to the reader today.
        return (
            Document.objects.published()
            .select_related("doc_type", "issuing_body")
            .order_by("-published_at", "-id")[:FEED_LENGTH]
        )

    # Feed readers render titles and descriptions as HTML; escaping keeps an editor's stray
    # markup as text (docs/security.md §10). The summary is plain text; the full text never
    # goes out.
    def item_title(self, item):
        return escape(f"{item.doc_type.name} số {item.number} {item.title}")

    def item_description(self, item):
        return escape(item.summary or item.citation)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.doc_type.name, item.issuing_body.name]


class LatestDocumentsAtomFeed(LatestDocumentsFeed):
    """The same documents as an Atom feed; the summary is the entry's summary."""

    feed_type = Atom1Feed
    subtitle = LatestDocumentsFeed.description
