"""Whole public pages from the shared cache, for anonymous readers only.

One middleware rather than per-view decorators: every public surface (pages, feeds,
sitemap, exports) gets the same trust decisions in one place, and a new view cannot be
forgotten. It sits outside the session, CSRF, auth and messages middleware, so it sees
the final response with every cookie those set, and it decides from the request's
cookies alone, before any of them ran (docs/deploy.md shows the order).

A page is stored only when nothing about it can belong to one person: no session or
messages cookie on the request, no cookie set by the response, no CSRF token used,
not authenticated, a 200 to a GET, and no `private`/`no-store`/`no-cache` from the view
(staff previews send those). Keys carry the content version (ndportal/cache.py), so a
publication anywhere makes every stored copy unreachable on every server.
"""

import hashlib
import logging

from django.conf import settings
from django.utils import timezone
from django.utils.cache import (
    add_never_cache_headers,
    cc_delim_re,
    patch_cache_control,
    set_response_etag,
)

from ndportal.cache import content_version, page_cache, page_timeout

# get_token() leaves these in request.META: the page then holds a CSRF token.
CSRF_MARKERS = ("CSRF_COOKIE_NEEDS_UPDATE", "CSRF_COOKIE_USED")
PERSONAL_DIRECTIVES = {"private", "no-store", "no-cache"}

logger = logging.getLogger(__name__)


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.state_cookies = {settings.SESSION_COOKIE_NAME, "messages"}
        # Compressed and plain bodies differ only when Django itself compresses.
        self.vary_encoding = "django.middleware.gzip.GZipMiddleware" in settings.MIDDLEWARE

    def __call__(self, request):
        if not self.may_use_cache(request):
            response = self.get_response(request)
            self.mark_personal(request, response)
            return response
        cache = page_cache()
        try:
            key = self.cache_key(request)
            response = cache.get(key)
        except Exception:  # any cache backend error: serve uncached, loudly (fail open)
            logger.warning("Page cache unavailable: serving uncached.", exc_info=True)
            return self.get_response(request)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and self.may_store(request, response):
            timeout = page_timeout()
            edge = min(timeout, settings.PAGE_EDGE_SECONDS)
            patch_cache_control(response, public=True, max_age=0, s_maxage=edge)
            # nginx's micro-cache keeps exactly what this header allows (docs/deploy.md).
            response["X-Accel-Expires"] = str(edge)
            set_response_etag(response)  # once here, not for every hit
            if timeout > 0:
                try:
                    cache.set(key, response, timeout)
                except Exception:
                    logger.warning("Page cache unavailable: page not stored.", exc_info=True)
            response["X-Page-Cache"] = "miss"
        else:
            self.mark_personal(request, response)
        return response

    def may_use_cache(self, request):
        """A request any reader could have made: same answer for everyone."""
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not request.path_info.startswith("/admin/")
            and not self.state_cookies.intersection(request.COOKIES)
            and "HTTP_AUTHORIZATION" not in request.META
        )

    def may_store(self, request, response):
        cache_control = {
            d.strip().lower() for d in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        user = getattr(request, "user", None)
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(marker in request.META for marker in CSRF_MARKERS)
            and not cache_control & PERSONAL_DIRECTIVES
            and response.get("Vary", "").strip() != "*"
            and len(response.content) <= settings.PAGE_CACHE_MAX_BYTES
            and not (user is not None and user.is_authenticated)
        )

    def cache_key(self, request):
        # The absolute URL: scheme, host (checked against ALLOWED_HOSTS) and query string.
        url = request.build_absolute_uri()
        if self.vary_encoding and "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", ""):
            url += "|gzip"
        digest = hashlib.sha256(url.encode()).hexdigest()
        # The local date too: every page shows it in its header, so at midnight every key
        # changes at once, whatever the precision of the cache's own expiry.
        return f"page:{content_version()}:{timezone.localdate():%Y%m%d}:{digest}"

    def mark_personal(self, request, response):
        """Answers to signed-in users are for their browser only, never a shared cache."""
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
