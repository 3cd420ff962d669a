from django.urls import path

from resolutions.views import committees, conferences, documents

app_name = "resolutions"

urlpatterns = [
    path("van-ban/", documents.DocumentListView.as_view(), name="document-list"),
    path("van-ban/du-lieu.csv", documents.RegistryCSVView.as_view(), name="document-list-csv"),
    path("van-ban/du-lieu.json", documents.RegistryJSONView.as_view(), name="document-list-json"),
    path("van-ban/tep/<int:pk>/", documents.DocumentFileView.as_view(), name="document-file"),
    path(
        "van-ban/tep/<int:pk>/xem/",
        documents.DocumentFileView.as_view(inline=True),
        name="document-file-view",
    ),
    path(
        "van-ban/<slug:type_slug>/<int:year>/<slug:slug>/",
        documents.DocumentDetailView.as_view(),
        name="document-detail",
    ),
    path(
        "van-ban/<slug:type_slug>/<int:year>/<slug:slug>/du-lieu.json",
        documents.DocumentJSONView.as_view(),
        name="document-json",
    ),
    path("hoi-nghi/", conferences.ConferenceListView.as_view(), name="conference-list"),
    path("hoi-nghi/lich/", conferences.ConferenceMonthView.as_view(), name="conference-month"),
    path(
        "hoi-nghi/lich/<int:year>/<int:month>/",
        conferences.ConferenceCalendarView.as_view(),
        name="conference-calendar",
    ),
    path("hoi-nghi/lich.ics", conferences.ConferenceFeedView.as_view(), name="conference-feed"),
    path("hoi-nghi/ket-qua-hoc-tap/", conferences.ReachView.as_view(), name="conference-reach"),
    path(
        "hoi-nghi/ket-qua-hoc-tap/du-lieu.csv",
        committees.ReachCSVView.as_view(),
        name="conference-reach-csv",
    ),
    path(
        "hoi-nghi/ket-qua-hoc-tap/du-lieu.json",
        committees.ReachJSONView.as_view(),
        name="conference-reach-json",
    ),
    path(
        "hoi-nghi/cap-uy/<int:pk>/",
        committees.CommitteeDetailView.as_view(),
        name="committee-detail",
    ),
    path(
        "hoi-nghi/tep/<int:pk>/", conferences.ConferenceFileView.as_view(), name="conference-file"
    ),
    path(
        "hoi-nghi/tep/<int:pk>/xem/",
        conferences.ConferenceFileView.as_view(inline=True),
        name="conference-file-view",
    ),
    path(
        "hoi-nghi/<slug:slug>/",
        conferences.ConferenceDetailView.as_view(),
        name="conference-detail",
    ),
    path(
        "hoi-nghi/<slug:slug>/anh/<int:number>/",
        conferences.ConferencePhotoView.as_view(),
        name="conference-photo",
    ),
    path(
        "hoi-nghi/<slug:slug>/lich.ics",
        conferences.ConferenceEventView.as_view(),
        name="conference-ics",
    ),
]
