from django.urls import path

from resolutions import views

app_name = "resolutions"

urlpatterns = [
    path("van-ban/", views.DocumentListView.as_view(), name="document-list"),
    path(
        "van-ban/<slug:type_slug>/<int:year>/<slug:slug>/",
        views.DocumentDetailView.as_view(),
        name="document-detail",
    ),
    path("hoi-nghi/", views.ConferenceListView.as_view(), name="conference-list"),
    path("hoi-nghi/<slug:slug>/", views.ConferenceDetailView.as_view(), name="conference-detail"),
]
