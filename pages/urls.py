from django.urls import path

from pages.views import PageDetailView

app_name = "pages"

urlpatterns = [
    # Included last in ndportal/urls.py: every other address wins; unknown slugs are 404.
    path("<slug:slug>/", PageDetailView.as_view(), name="page"),
]
