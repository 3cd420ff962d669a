"""Pages of the project package: the home page (the site search is ndportal/search/)."""

from django.views.generic import TemplateView

from news.models import Article
from news.reads import most_read
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
        context["most_read"] = most_read()
        return context
