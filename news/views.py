from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import DetailView, ListView

from ndportal.pagination import DeferredJoinPaginator
from ndportal.preview import PublishedMixin
from news.models import Article, Category, Tag
from news.reads import most_read


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


class TagArticleListView(ArticleListView):
    """A tag's published articles; a tag none of them carries yet answers 404."""

    # A tag typed for a draft stays unseen (its name included) until the draft is published.
    allow_empty = False

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["tag"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tag"] = self.tag
        context["breadcrumbs"] = [
            (reverse("news:article-list"), "Tin tức"),
            (None, f"Từ khóa: {self.tag.name}"),
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
        context["related_articles"] = article.related_articles()
        context["most_read"] = most_read()
        return context
