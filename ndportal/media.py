"""Public images under MEDIA_ROOT, for a server with no nginx in front (`make serve`).

In production nginx serves these folders (docs/deploy.md); this view sends the same
headers so an uploaded image can never run as a page. Only the image folders are reachable:
attachments (documents/, conference-files/) exist only through the counting download views,
which check publication. Off unless NDPORTAL_SERVE_MEDIA is set (or debug is on).
"""

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

# The folders nginx serves: article and conference photos, images in rich text.
PUBLIC_IMAGE_FOLDERS = ("news", "conferences", "editor", "milestones")
_FOLDERS = "|".join(PUBLIC_IMAGE_FOLDERS)
_EXTENSIONS = "jpg|jpeg|png|gif|webp"
PUBLIC_IMAGE_PATTERN = rf"^media/(?P<path>(?:{_FOLDERS})/[A-Za-z0-9/_-]+\.(?:{_EXTENSIONS}))$"
# One week, as nginx's `expires 7d`: stored names are UUIDs, a new upload gets a new name.
MAX_AGE = 7 * 24 * 3600


@require_safe
def public_image(request, path):
    """Serve one public image with nosniff and a sandboxing CSP, or 404."""
    if not (settings.DEBUG or settings.NDPORTAL_SERVE_MEDIA):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response
