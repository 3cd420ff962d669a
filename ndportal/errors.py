"""The CSRF failure page: Django's own is bare English; ours is in the site's layout."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    """Settings.CSRF_FAILURE_VIEW: tells the reader to go back and send the form again."""
    return render(request, "403_csrf.html", status=403)
