from django.views.generic import DetailView

from ndportal.preview import PublishedMixin
from pages.models import Page


class PageDetailView(PublishedMixin, DetailView):
    """A published page; staff may preview one not yet published; otherwise 404."""

    model = Page
    preview_allowed = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [(None, self.object.title)]
        return context
