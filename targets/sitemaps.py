"""The sitemap section of the follow-up: the dashboard and each resolution's progress page.

Listed only for resolutions with public targets (published resolution and programme).
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from resolutions.models import Document
from targets.models import Target
from targets.views import progress_url


class ProgressSitemap(Sitemap):
    def items(self):
        public = Target.objects.public().values("resolution")
        resolutions = (
            Document.objects.published()
            .filter(pk__in=public)
            .select_related("doc_type")
            .only("slug", "issued_on", "doc_type__slug")
            .order_by("issued_on", "id")
        )
        return ["dashboard", *resolutions]

    def location(self, item):
        if item == "dashboard":
            return reverse("targets:dashboard")
        return progress_url(item)
