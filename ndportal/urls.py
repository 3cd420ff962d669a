from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from ndportal.media import PUBLIC_IMAGE_PATTERN, public_image
from ndportal.search.views import LabelledAutocompleteJsonView, SearchView
from ndportal.sitemaps import SITEMAPS, robots_txt
from ndportal.uploads import editor_image_upload
from ndportal.views import HomeView
from news.feeds import (
    CategoryArticlesAtomFeed,
    CategoryArticlesFeed,
    LatestArticlesAtomFeed,
    LatestArticlesFeed,
)
from resolutions.feeds import LatestDocumentsAtomFeed, LatestDocumentsFeed

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("tim-kiem/", SearchView.as_view(), name="search"),
    # Before admin.site.urls, whose catch-all view would otherwise answer this path.
    path("admin/editor/upload/", editor_image_upload, name="editor-image-upload"),
    # Shadows the admin's own autocomplete view (same URL, same checks) to label options.
    path(
        "admin/autocomplete/",
        admin.site.admin_view(LabelledAutocompleteJsonView.as_view(admin_site=admin.site)),
        name="admin-autocomplete",
    ),
    path("admin/", admin.site.urls),
    # "rss.xml" has a dot, which no slug has: a feed can never shadow a category or article.
    path("tin-tuc/rss.xml", LatestArticlesFeed(), name="article-feed"),
    path("tin-tuc/<slug:category>/rss.xml", CategoryArticlesFeed(), name="category-feed"),
    path("van-ban/rss.xml", LatestDocumentsFeed(), name="document-feed"),
    path("tin-tuc/atom.xml", LatestArticlesAtomFeed(), name="article-atom"),
    path("tin-tuc/<slug:category>/atom.xml", CategoryArticlesAtomFeed(), name="category-atom"),
    path("van-ban/atom.xml", LatestDocumentsAtomFeed(), name="document-atom"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("tin-tuc/", include("news.urls")),
    path("", include("resolutions.urls")),
    path("", include("targets.urls")),
    path("hoi-dap/", include("feedback.urls")),
    # Public images only; off unless NDPORTAL_SERVE_MEDIA (or debug) is on.
    re_path(PUBLIC_IMAGE_PATTERN, public_image, name="public-image"),
    # Last: /<slug>/ answers only for a published page; every address above wins.
    path("", include("pages.urls")),
]

if settings.NDPORTAL_BENCH_VIEWS:
    urlpatterns.insert(0, path("_bench/", include(("ndportal.bench_views", "bench"))))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
