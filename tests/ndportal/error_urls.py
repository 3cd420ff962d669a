"""The site's URLs plus views that fail on purpose, for the error page tests."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import include, path


def suspicious(request):
    """A request the portal refuses as malformed (Django answers 400)."""
    raise SuspiciousOperation("bad input")


def forbidden(request):
    """A page the reader may not see."""
    raise PermissionDenied


def broken(request):
    """A bug."""
    raise RuntimeError("a bug")


urlpatterns = [
    path("_loi/400/", suspicious),
    path("_loi/403/", forbidden),
    path("_loi/500/", broken),
    path("", include("ndportal.urls")),
]
