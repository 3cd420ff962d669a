import json

from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
)
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import content_disposition_header
from django.views.generic import DetailView, ListView, View

from ndportal.pagination import DeferredJoinPaginator
from ndportal.preview import PublishedMixin
from ndportal.seo import is_noindex
from resolutions import exports
from resolutions.charts import relation_diagram
from resolutions.downloads import AttachmentView
from resolutions.filters import (
    SORTS,
    active_filters,
    facet_counts,
    facet_options,
    filter_documents,
)
from resolutions.forms import DocumentFilterForm
from resolutions.fulltext import with_table_of_contents
from resolutions.models import (
    REVERSE_RELATION_LABELS,
    Document,
    DocumentAlias,
    DocumentFile,
    RelationKind,
)


class RegistryMixin:
    """Reads the filter form from the query string, for the page and its exports alike.

    On the page a bad value drops only that filter and the status is 400; an export
    with a bad value is refused, since a file with more rows than asked looks right.
    """

    def get_filter_form(self):
        if not hasattr(self, "_filter_form"):
            self._filter_form = DocumentFilterForm(self.request.GET or None)
        return self._filter_form

    def get_filter_values(self):
        form = self.get_filter_form()
        return form.valid_values() if form.is_bound else {}

    def filter_problems(self):
        """The bad values of the query string, as "label: message" lines."""
        form = self.get_filter_form()
        if not form.is_bound:
            return []
        return [
            f"{form.fields[name].label if name in form.fields else 'Điều kiện lọc'}: {error}"
            for name, errors in form.errors.items()
            for error in errors
        ]

    def filter_error_response(self):
        """A 400 in plain Vietnamese when the query string has a bad value, else None."""
        problems = self.filter_problems()
        if not problems:
            return None
        return HttpResponseBadRequest(
            "Điều kiện lọc không hợp lệ, chưa xuất dữ liệu.\n" + "\n".join(problems) + "\n",
            content_type="text/plain; charset=utf-8",
        )

    def filtered_documents(self):
        return filter_documents(self.get_filter_values()).select_related(
            "doc_type", "issuing_body", "term"
        )


class DocumentListView(RegistryMixin, ListView):
    """The public registry at /van-ban/: combinable filters with counts."""

    model = Document
    paginate_by = 20
    paginator_class = DeferredJoinPaginator

    def get_queryset(self):
        return self.filtered_documents()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.get_filter_form()
        values = self.get_filter_values()
        context.update(
            form=form,
            filter_values=values,
            facets=facet_options(facet_counts(values), values),
            active_filters=active_filters(values),
            # The search form resubmits the facets already chosen, with their validated text.
            hidden_filters=[
                (name, self.request.GET[name])
                for name in values
                if name not in {"q", "tu_ngay", "den_ngay", "sap_xep"}
            ],
            sorts=[(key, label) for key, (label, _) in SORTS.items()],
            current_sort=values.get("sap_xep") or "moi-nhat",
            breadcrumbs=[(None, "Văn bản")],
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.filter_problems():
            # The page still shows (with what was valid); the status tells crawlers it was bad.
            response_kwargs["status"] = 400
        response = super().render_to_response(context, **response_kwargs)
        if is_noindex(self.request):
            # Filtered and sorted states are endless: crawlers follow them, never index them.
            response["X-Robots-Tag"] = "noindex, follow"
        return response


class RegistryExportMixin(RegistryMixin):
    """A bounded, cached page of the filtered registry (resolutions/exports.py)."""

    kind = None
    content_type = None

    def get(self, request, *args, **kwargs):
        if refused := self.filter_error_response():
            return refused
        try:
            body, headers = exports.cached(request, self.kind, self.build)
        except exports.BadPage:
            return HttpResponseBadRequest(
                "Số trang (trang) không hợp lệ, chưa xuất dữ liệu.\n",
                content_type="text/plain; charset=utf-8",
            )
        response = HttpResponse(body, content_type=self.content_type)
        for name, value in headers.items():
            response[name] = value
        return response

    def build(self):
        documents = self.filtered_documents().prefetch_related("fields")
        rows, page = exports.export_page(documents, self.request)
        return self.render(rows, page), page.headers()


class RegistryCSVView(RegistryExportMixin, View):
    """The filtered registry as CSV, at most EXPORT_MAX_ROWS rows a page."""

    kind = "csv"
    content_type = "text/csv; charset=utf-8"

    def render(self, rows, page):
        return exports.registry_csv(rows, self.request.build_absolute_uri)

    def build(self):
        body, headers = super().build()
        headers["Content-Disposition"] = content_disposition_header(True, "van-ban.csv")
        return body, headers


class RegistryJSONView(RegistryExportMixin, View):
    """The filtered registry as JSON, at most EXPORT_MAX_ROWS rows a page."""

    kind = "json"
    content_type = "application/json"

    def render(self, rows, page):
        data = exports.registry_json(rows, self.request.build_absolute_uri, page)
        return json.dumps(data, ensure_ascii=False, indent=1)


class DocumentDetailView(PublishedMixin, DetailView):
    model = Document
    preview_allowed = True

    def get_queryset(self):
        # A year Python's date cannot hold would make the year lookup raise, not miss.
        if not 1 <= self.kwargs["year"] <= 9999:
            raise Http404
        return (
            super()
            .get_queryset()
            .filter(doc_type__slug=self.kwargs["type_slug"], issued_on__year=self.kwargs["year"])
            .select_related("doc_type", "issuing_body", "term")
            .prefetch_related("fields", "files")
        )

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            document = self.renamed_document()
            if document is None:
                raise
            suffix = self.request.path.rsplit("/", 1)[-1]  # keeps "du-lieu.json" style tails
            target = document.get_absolute_url() + suffix
            if request.META.get("QUERY_STRING"):
                target += "?" + request.META["QUERY_STRING"]
            return HttpResponsePermanentRedirect(target)

    def renamed_document(self):
        """The document that used to live at this address, if readers may see it."""
        alias = DocumentAlias.objects.filter(
            type_slug=self.kwargs["type_slug"], year=self.kwargs["year"], slug=self.kwargs["slug"]
        ).first()
        if alias is None:
            return None
        documents = (
            Document.objects.all() if self.allows_preview() else Document.objects.published()
        )
        return documents.select_related("doc_type").filter(pk=alias.document_id).first()

    def get_template_names(self):
        if self.request.GET.get("in") == "1":
            return ["resolutions/document_print.html"]
        return super().get_template_names()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document = self.object
        published = Document.objects.published()
        outgoing = list(
            document.outgoing_relations.filter(target__in=published)
            .select_related("target__doc_type")
            .order_by("kind", "-target__issued_on")
        )
        incoming = list(
            document.incoming_relations.filter(source__in=published)
            .select_related("source__doc_type")
            .order_by("kind", "-source__issued_on")
        )
        body, toc = with_table_of_contents(document.body)
        context.update(
            breadcrumbs=[
                (reverse("resolutions:document-list"), "Văn bản"),
                (None, document.number),
            ],
            conferences=document.conferences.published(),
            articles=document.articles.published().select_related("category"),
            relation_groups=_relation_groups(outgoing, incoming),
            outgoing_relations=outgoing,  # for the page's JSON-LD (ndportal/seo.py)
            replaced_by=[r.source for r in incoming if r.kind in _ENDING],
            implementing=published.filter(
                outgoing_relations__kind=RelationKind.IMPLEMENTS,
                outgoing_relations__target=document,
            ).select_related("doc_type", "issuing_body"),
            timeline=_timeline(document, incoming),
            diagram=relation_diagram(document, outgoing, incoming),
            body_html=body,
            toc=toc,
            permalink=self.request.build_absolute_uri(document.get_absolute_url()),
        )
        return context


_ENDING = {RelationKind.REPLACES, RelationKind.REPEALS}


def _relation_groups(outgoing, incoming):
    """[(label, [documents])]: outgoing by kind ("Thay thế"), then incoming ("Bị thay thế bởi")."""
    groups = {}
    for relation in outgoing:
        groups.setdefault(relation.get_kind_display(), []).append(relation.target)
    for relation in incoming:
        groups.setdefault(REVERSE_RELATION_LABELS[relation.kind], []).append(relation.source)
    return list(groups.items())


def _timeline(document, incoming):
    """Dated events in the life of the document, oldest first."""
    events = [(document.issued_on, "Ban hành", None)]
    if document.effective_on:
        events.append((document.effective_on, "Có hiệu lực", None))
    for relation in incoming:
        if relation.kind in (RelationKind.AMENDS, RelationKind.REPLACES, RelationKind.REPEALS):
            source = relation.source
            events.append(
                (
                    source.effective_on or source.issued_on,
                    REVERSE_RELATION_LABELS[relation.kind],
                    source,
                )
            )
    if document.expires_on:
        events.append((document.expires_on, "Hết hiệu lực", None))
    if document.validity_override and document.validity_changed_on:
        label = f"{document.get_validity_display()}: {document.validity_note}"
        events.append((document.validity_changed_on, label, None))
    return sorted(events, key=lambda event: event[0])


class DocumentJSONView(DocumentDetailView):
    """One document as JSON: metadata, validity, relations both ways, file links."""

    def render_to_response(self, context, **response_kwargs):
        document = self.object
        published = Document.objects.published()
        outgoing = document.outgoing_relations.filter(target__in=published).select_related(
            "target__doc_type"
        )
        incoming = document.incoming_relations.filter(source__in=published).select_related(
            "source__doc_type"
        )
        data = exports.document_json(document, outgoing, incoming, self.request.build_absolute_uri)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
        if not document.is_public:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        return {"object": self.object}


class DocumentFileView(AttachmentView):
    """A document's file as a download, or a PDF in the browser's viewer; counted."""

    model = DocumentFile
    owner_field = "document"
    fallback_name = "van-ban"
