from django.urls import path

from resolutions.views import conferences, documents

app_name = "resolutions"

urlpatterns = [
    path("van-ban/", documents.DocumentListView.as_view(), name="document-list"),
    path(
        "van-ban/<slug:type_slug>/<int:year>/<slug:slug>/",
        documents.DocumentDetailView.as_view(),
        name="document-detail",
    ),
    path("hoi-nghi/", conferences.ConferenceListView.as_view(), name="conference-list"),
    path(
        "hoi-nghi/<slug:slug>/",
        conferences.ConferenceDetailView.as_view(),
        name="conference-detail",
    ),
]
