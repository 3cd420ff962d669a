import json

from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
)
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView, View

from ndportal.text import fold
from ndportal.views import PublishedMixin
from resolutions import exports
from resolutions.downloads import AttachmentView
from resolutions.filters import (
    SORTS,
    VALIDITY_SLUGS,
    DocumentFilterForm,
    facet_counts,
    filter_documents,
)
from resolutions.fulltext import with_table_of_contents
from resolutions.models import (
    REVERSE_RELATION_LABELS,
    Document,
    DocumentAlias,
    DocumentFile,
    RelationKind,
    Validity,
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

    def get_queryset(self):
        return self.filtered_documents()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.get_filter_form()
        values = self.get_filter_values()
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            form=form,
            filter_values=values,
            facets=_facet_links(facet_counts(values), values, query),
            active_filters=_active_filters(values, query),
            filter_query=query.urlencode(),
            # The search form resubmits the facets already chosen, with their validated text.
            hidden_filters=[
                (name, self.request.GET[name])
                for name in values
                if name not in {"q", "tu_ngay", "den_ngay", "sap_xep"}
            ],
            sorts=[(key, label, _with(query, "sap_xep", key)) for key, (label, _) in SORTS.items()],
            current_sort=values.get("sap_xep") or "moi-nhat",
            breadcrumbs=[(None, "Văn bản")],
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        if self.filter_problems():
            # The page still shows (with what was valid); the status tells crawlers it was bad.
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)


FACET_TITLES = [
    ("loai", "Loại văn bản"),
    ("hieu_luc", "Tình trạng hiệu lực"),
    ("co_quan", "Cơ quan ban hành"),
    ("nhiem_ky", "Nhiệm kỳ"),
    ("linh_vuc", "Lĩnh vực"),
    ("nam", "Năm ban hành"),
    ("nguoi_ky", "Người ký"),
]


def _facet_option(name, item):
    """(query value, label, comparable value) of one facet option."""
    if name == "loai" or name == "linh_vuc":
        return item.slug, item.name, item
    if name == "co_quan":
        return str(item.pk), item.name, item
    if name == "nhiem_ky":
        return item.name, str(item), item
    if name == "hieu_luc":
        return VALIDITY_SLUGS[item], item.label, item
    return str(item), str(item), item  # year, signer


def _facet_links(facets, values, query):
    """Each facet as a list of options with their count, link and whether it is chosen."""
    result = []
    for name, title in FACET_TITLES:
        options = []
        for item, count in facets[name]:
            value, label, comparable = _facet_option(name, item)
            chosen = values.get(name) == comparable or (
                name == "nguoi_ky" and fold(values.get(name, "")) == fold(label)
            )
            url = _without(query, name, "page") if chosen else _with(query, name, value)
            options.append({"label": label, "count": count, "url": url, "chosen": chosen})
        if options:
            result.append({"name": name, "title": title, "options": options})
    return result


def _with(query, name, value):
    changed = query.copy()
    changed[name] = value
    changed.pop("page", None)
    return "?" + changed.urlencode()


def _without(query, *names):
    changed = query.copy()
    for name in names:
        changed.pop(name, None)
    return "?" + changed.urlencode() if changed else "?"


def _active_filters(values, query):
    """Chips for the filters in force, each with a link that removes it."""
    labels = {
        "q": "Từ khóa",
        "loai": "Loại",
        "co_quan": "Cơ quan",
        "nhiem_ky": "Nhiệm kỳ",
        "linh_vuc": "Lĩnh vực",
        "hieu_luc": "Hiệu lực",
        "nam": "Năm",
        "tu_ngay": "Từ ngày",
        "den_ngay": "Đến ngày",
        "nguoi_ky": "Người ký",
    }
    chips = []
    for name, label in labels.items():
        if name not in values:
            continue
        value = values[name]
        if name == "hieu_luc":
            value = Validity(value).label
        elif name in ("tu_ngay", "den_ngay"):
            value = value.strftime("%d/%m/%Y")
        chips.append((f"{label}: {value}", _without(query, name, "page")))
    return chips


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
        headers["Content-Disposition"] = 'attachment; filename="van-ban.csv"'
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


def relation_diagram(document, outgoing, incoming, width=480):
    """Boxes and arrows for the SVG on the document page, laid out here, not in the browser.

    Documents acting on this one sit on the left, documents it acts on on the right.
    """
    if not outgoing and not incoming:
        return None
    row, box_w, box_h, top = 52, 150, 40, 12
    rows = max(len(outgoing), len(incoming), 1)
    height = top * 2 + rows * row
    centre = {"x": (width - box_w) // 2, "y": top + (rows * row - box_h) // 2}

    def node(doc, x, index, label):
        y = top + index * row + (row - box_h) // 2
        return {
            "x": x,
            "y": y,
            "text": doc.number,
            "title": str(doc),
            "url": doc.get_absolute_url(),
            "label": label,
            "mid_y": y + box_h // 2,
        }

    left = [node(r.source, 0, i, REVERSE_RELATION_LABELS[r.kind]) for i, r in enumerate(incoming)]
    right = [node(r.target, width - box_w, i, r.get_kind_display()) for i, r in enumerate(outgoing)]
    centre_mid = centre["y"] + box_h // 2
    for item in left:
        item["line"] = (box_w, item["mid_y"], centre["x"], centre_mid)
    for item in right:
        item["line"] = (centre["x"] + box_w, centre_mid, item["x"], item["mid_y"])
    return {
        "width": width,
        "height": height,
        "box_w": box_w,
        "box_h": box_h,
        "half_w": box_w // 2,
        "centre": {**centre, "text": document.number},
        "nodes": left + right,
    }


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
