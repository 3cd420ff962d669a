from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from ndportal.views import HomeView, SearchView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("tim-kiem/", SearchView.as_view(), name="search"),
    path("admin/", admin.site.urls),
    path("tin-tuc/", include("news.urls")),
    path("", include("resolutions.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
