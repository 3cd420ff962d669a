from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import DetailView, ListView

from ndportal.pagination import DeferredJoinPaginator
from ndportal.preview import PublishedMixin
from news.models import Article, Category


class ArticleListView(PublishedMixin, ListView):
    model = Article
    paginate_by = 12
    paginator_class = DeferredJoinPaginator

    def get_queryset(self):
        return super().get_queryset().select_related("category")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = Category.objects.all()
        context["breadcrumbs"] = [(None, "Tin tức")]
        return context


class CategoryArticleListView(ArticleListView):
    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["category"])
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["breadcrumbs"] = [
            (reverse("news:article-list"), "Tin tức"),
            (None, self.category.name),
        ]
        return context


class ArticleDetailView(PublishedMixin, DetailView):
    model = Article
    preview_allowed = True

    def get_queryset(self):
        return super().get_queryset().select_related("category").prefetch_related("tags", "photos")

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        # The slug identifies the article; a stale category in the URL redirects to the right one.
        if self.object.category.slug != kwargs["category"]:
            return redirect(self.object, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        context["breadcrumbs"] = [
            (reverse("news:article-list"), "Tin tức"),
            (article.category.get_absolute_url(), article.category.name),
        ]
        context["documents"] = (
            article.documents.published().select_related("doc_type", "issuing_body").with_validity()
        )
        context["conferences"] = article.conferences.published()
        context["related_articles"] = (
            Article.objects.published()
            .filter(category=article.category)
            .exclude(pk=article.pk)
            .select_related("category")[:4]
        )
        return context
