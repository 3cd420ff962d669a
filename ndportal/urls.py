from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from ndportal.uploads import editor_image_upload
from ndportal.views import HomeView, SearchView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("tim-kiem/", SearchView.as_view(), name="search"),
    # Before admin.site.urls, whose catch-all view would otherwise answer this path.
    path("admin/editor/upload/", editor_image_upload, name="editor-image-upload"),
    path("admin/", admin.site.urls),
    path("tin-tuc/", include("news.urls")),
    path("", include("resolutions.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
