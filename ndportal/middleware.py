"""Project-wide request and response guards (docs/security.md §14).

Each class is one defence, listed in settings.MIDDLEWARE with a comment on its place.
"""

import logging

from csp.constants import NONE
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)


def _pairs(query):
    for key, values in query.lists():
        for value in values:
            yield key, value


class StaffIdleTimeoutMiddleware:
    """Staff sessions end after SESSION_COOKIE_AGE seconds without a request.

    Django counts the age from the last save; saving a staff session on every request
    turns that into an idle timeout. Readers never get a session, so nothing is saved
    for them (SESSION_SAVE_EVERY_REQUEST would write one row per anonymous visit).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        # Not on an error: with the database gone (a 503) saving the session would fail too.
        if response.status_code >= 500:
            return response
        if user is not None and user.is_authenticated and user.is_staff:
            request.session.modified = True
        return response


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp with one policy per kind of response, chosen by path.

    Public pages get CONTENT_SECURITY_POLICY (no inline script at all); the admin gets
    CONTENT_SECURITY_POLICY_ADMIN, the least CKEditor 4 needs; media files served by Django
    get MEDIA_CSP. A response that already carries a policy (file downloads,
    resolutions/downloads.py) keeps its own.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        path = request.path_info
        if path.startswith(settings.MEDIA_URL):
            parts.config = default_config({"default-src": [NONE], "sandbox": [""]})
        elif path.startswith("/admin/"):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts


class PermissionsPolicyMiddleware:
    """Turns off the browser features the portal never uses, for every response.

    A script that slips past every other defence still cannot open the camera, the
    microphone or a payment sheet, nor can a page that frames the portal.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_OFF)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.value)
        return response


class RejectNullCharactersMiddleware:
    """A query string with a NUL character is refused with a 400, on every page.

    PostgreSQL cannot store or compare text holding NUL: `?status=%00` on an admin list
    reached the database and came back as a 500. No word, number or slug of the portal
    contains one, so it can only be a probe.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or "\x00" in value for key, value in _pairs(request.GET)):
            return HttpResponseBadRequest(
                "Yêu cầu không hợp lệ: địa chỉ chứa ký tự NUL (%00).\n",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """A view that loses the database answers a Vietnamese 503, not a 500.

    The page says nothing was saved and to go back: the browser's Back button returns to
    the filled form, so an editor's text is not lost. It is rendered from a template that
    needs no database (no menus, no session), and never cached.
    """

    retry_after = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable for %s %s", request.method, request.path, exc_info=True)
        response = HttpResponse(
            render_to_string(
                "503.html",
                {"retry_after": self.retry_after, "saving": request.method not in ("GET", "HEAD")},
            ),
            status=503,
        )
        response["Retry-After"] = str(self.retry_after)
        add_never_cache_headers(response)
        return response
