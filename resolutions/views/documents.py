from django.urls import reverse
from django.views.generic import DetailView, ListView

from ndportal.views import PublishedMixin
from resolutions.models import Document, DocumentType


class DocumentListView(PublishedMixin, ListView):
    model = Document
    paginate_by = 20

    def get_queryset(self):
        return super().get_queryset().select_related("doc_type", "issuing_body")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["document_types"] = DocumentType.objects.all()
        context["breadcrumbs"] = [(None, "Văn bản")]
        return context


class DocumentDetailView(PublishedMixin, DetailView):
    model = Document
    preview_allowed = True

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(doc_type__slug=self.kwargs["type_slug"], issued_on__year=self.kwargs["year"])
            .select_related("doc_type", "issuing_body", "term")
            .prefetch_related("fields", "files")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.object
        context["breadcrumbs"] = [
            (reverse("resolutions:document-list"), "Văn bản"),
            (None, document.number),
        ]
        context["conferences"] = document.conferences.published()
        context["articles"] = document.articles.published().select_related("category")
        context["relations_out"] = document.outgoing_relations.filter(
            target__in=Document.objects.published()
        ).select_related("target__doc_type")
        context["relations_in"] = document.incoming_relations.filter(
            source__in=Document.objects.published()
        ).select_related("source__doc_type")
        return context
