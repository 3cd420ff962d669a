"""Pages of the project package: the home page and the site-wide search."""

from django.views.generic import TemplateView

from ndportal.forms import SearchForm
from ndportal.search import search
from news.models import Article
from resolutions.models import Conference, Document


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        articles = Article.objects.published().select_related("category")
        featured = list(articles.filter(is_featured=True)[:3])
        context["featured_articles"] = featured
        context["latest_articles"] = articles.exclude(pk__in=[a.pk for a in featured])[:8]
        context["latest_documents"] = (
            Document.objects.published()
            .select_related("doc_type", "issuing_body")
            .with_validity()[:6]
        )
        conferences = Conference.objects.published()
        context["upcoming_conferences"] = conferences.upcoming()[:4]
        context["recent_conferences"] = conferences.past()[:4]
        return context


class SearchView(TemplateView):
    """Accent-blind search over published documents, articles and conferences.

    Every word of the query must be found, with or without diacritics, in either tone-mark
    style, and a document number in any spelling ("01-NQ/TU", "01 NQ TU", "nq 01").
    """

    template_name = "search.html"
    results_per_kind = 20

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SearchForm(self.request.GET)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        limit = self.results_per_kind
        context.update(form=form, query=query, limit=limit, breadcrumbs=[(None, "Tìm kiếm")])
        if query:
            documents = Document.objects.published().select_related("doc_type", "issuing_body")
            context["documents"] = search(documents, query).numbered_first(query)[:limit]
            context["articles"] = search(
                Article.objects.published().select_related("category"), query
            )[:limit]
            context["conferences"] = search(Conference.objects.published(), query)[:limit]
        return context
