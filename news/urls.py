from django.urls import path

from news import views
from news.models import TAG_PREFIX

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    # Before the categories: "the" is kept out of category slugs (Category.clean).
    path(f"{TAG_PREFIX}/<slug:tag>/", views.TagArticleListView.as_view(), name="tag"),
    path("<slug:category>/", views.CategoryArticleListView.as_view(), name="category"),
    path("<slug:category>/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
]
