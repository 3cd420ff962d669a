"""Project-wide request and response guards (docs/security-hardening.md).

Each class is one defence, listed in settings.MIDDLEWARE with a comment on its place.
"""


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
        if user is not None and user.is_authenticated and user.is_staff:
            request.session.modified = True
        return response
