from django.utils.cache import add_never_cache_headers
from django.views.generic import TemplateView

from news.models import Article
from resolutions.models import Conference, Document


def can_preview(user, model):
    """Staff who may view items of `model` in the admin may also preview them unpublished."""
    opts = model._meta
    return user.is_staff and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


class PublishedMixin:
    """List and detail views show published items; staff may also preview the rest.

    A staff request for an unpublished item is a preview: it renders in the real
    template with a banner and is never cached. Anonymous readers get a 404.
    """

    preview_allowed = False

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.allows_preview():
            return queryset
        return queryset.published()

    def allows_preview(self):
        return self.preview_allowed and can_preview(self.request.user, self.model)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = getattr(self, "object", None)
        context["is_preview"] = obj is not None and not obj.is_public
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("is_preview"):
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response


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
