from django.urls import reverse
from django.views.generic import DetailView, ListView

from ndportal.views import PublishedMixin
from resolutions.models import Conference
from resolutions.models.conferences import ConferenceLevel


class ConferenceListView(PublishedMixin, ListView):
    model = Conference
    paginate_by = 12

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["upcoming"] = Conference.objects.published().upcoming()[:6]
        context["levels"] = ConferenceLevel.choices
        context["breadcrumbs"] = [(None, "Hội nghị")]
        return context


class ConferenceDetailView(PublishedMixin, DetailView):
    model = Conference
    preview_allowed = True

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("term", "parent")
            .prefetch_related("sites", "photos", "files")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        conference = self.object
        context["breadcrumbs"] = [(reverse("resolutions:conference-list"), "Hội nghị")]
        context["documents"] = conference.documents.published().select_related("doc_type")
        context["articles"] = conference.articles.published().select_related("category")
        context["children"] = conference.children.published()
        context["parent"] = (
            conference.parent if conference.parent and conference.parent.is_public else None
        )
        return context
