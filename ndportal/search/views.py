"""/tim-kiem/: the public search page, and the admin's autocomplete labels."""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.views.generic import TemplateView

from ndportal.search.engine import run_search
from ndportal.search.forms import SearchForm


class SearchView(TemplateView):
    """Every public kind, ranked, with snippets, counts per kind and year, and pages.

    Every word must be found, with or without diacritics, in either tone-mark style, and
    a document number in any spelling ("01-NQ/TU", "01 NQ TU", "nq 01").
    """

    template_name = "search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET)
        values = form.valid_values()
        query = values.get("q", "")
        context.update(form=form, query=query, breadcrumbs=[(None, "Tìm kiếm")])
        if query:
            results = run_search(
                query,
                kinds=[values["loai"]] if "loai" in values else None,
                year=values.get("nam"),
                doc_type=values.get("loai_van_ban"),
                page=self.request.GET.get("trang") or 1,
            )
            filtered = any(name in values for name in ("loai", "nam", "loai_van_ban"))
            page = results.page
            context.update(
                results=results,
                page_obj=page,
                filtered=filtered,
            )
        return context


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    """The admin's autocomplete, with an option label a model may give (number and title)."""

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(obj, "autocomplete_label", None)
        if label:
            result["text"] = str(label)
        return result
