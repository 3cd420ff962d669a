from django.urls import path

from targets import views

app_name = "targets"

RESOLUTION = "tien-do/<slug:type_slug>/<int:year>/<slug:slug>/"

urlpatterns = [
    path("tien-do/", views.DashboardView.as_view(), name="dashboard"),
    path(
        "tien-do/du-lieu.csv", views.DashboardExportView.as_view(kind="csv"), name="dashboard-csv"
    ),
    path(
        "tien-do/du-lieu.json",
        views.DashboardExportView.as_view(kind="json"),
        name="dashboard-json",
    ),
    path("tien-do/tep/<int:pk>/", views.MilestoneFileView.as_view(), name="milestone-file"),
    path(
        "tien-do/tep/<int:pk>/xem/",
        views.MilestoneFileView.as_view(inline=True),
        name="milestone-file-view",
    ),
    path(RESOLUTION, views.ResolutionProgressView.as_view(), name="resolution-progress"),
    path(
        f"{RESOLUTION}du-lieu.csv",
        views.ResolutionExportView.as_view(kind="csv"),
        name="resolution-progress-csv",
    ),
    path(
        f"{RESOLUTION}du-lieu.json",
        views.ResolutionExportView.as_view(kind="json"),
        name="resolution-progress-json",
    ),
]
