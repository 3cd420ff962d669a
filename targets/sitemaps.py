"""The sitemap section of the follow-up: the dashboard and each resolution's progress page.

Listed only for resolutions with public targets (published resolution and programme),
dated by the latest approval of a report on them (else the resolution's last change).
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse

from resolutions.models import Document
from targets.models import Target
from targets.views import progress_url


class ProgressSitemap(Sitemap):
    def items(self):
        public = Target.objects.public().values("resolution")
        approved = Q(targets__reports__is_approved=True)
        resolutions = list(
            Document.objects.published()
            .filter(pk__in=public)
            .select_related("doc_type")
            .only("slug", "issued_on", "updated_at", "doc_type__slug")
            .annotate(last_report=Max("targets__reports__approved_at", filter=approved))
            .order_by("issued_on", "id")
        )
        if not resolutions:
            return []
        dashboard = ("dashboard", max(self.lastmod(item) for item in resolutions))
        return [dashboard, *resolutions]

    def location(self, item):
        if isinstance(item, tuple):
            return reverse("targets:dashboard")
        return progress_url(item)

    def lastmod(self, item):
        if isinstance(item, tuple):
            return item[1]
        return max(filter(None, (item.last_report, item.updated_at)))
