from django.urls import path

from news import views

app_name = "news"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="article-list"),
    path("<slug:category>/", views.CategoryArticleListView.as_view(), name="category"),
    path("<slug:category>/<slug:slug>/", views.ArticleDetailView.as_view(), name="article-detail"),
]
