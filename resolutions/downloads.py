"""Attached files served through Django: publication check, download count, safe headers.

Document files and conference files never go out straight from /media/ (docs/deploy.md
keeps the web server away from their folders), so a draft's file stays private and
every download is counted.
"""

import unicodedata
from urllib.parse import quote

from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.generic import View

from ndportal.views import can_preview

# Downloads can never run as a page of this site, whatever bytes they hold.
ATTACHMENT_CSP = "default-src 'none'; sandbox"
# Browsers refuse to draw a PDF in a sandboxed page, and their viewers need inline styles.
INLINE_PDF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: blob:"


def content_disposition(disposition, filename):
    """RFC 6266: an ASCII fallback name, then the original name in `filename*`."""
    plain = unicodedata.normalize("NFKD", filename.replace("đ", "d").replace("Đ", "D"))
    fallback = plain.encode("ascii", "ignore").decode() or "tep"
    fallback = "".join(c if c.isalnum() or c in "._- " else "_" for c in fallback)
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


class AttachmentView(View):
    """One attached file of a published item, counted; staff also get a draft's files.

    Subclasses name the file model (an `AttachedFile`) and the field that points at its
    item, a `Publishable`. With `inline = True` only a PDF is served, for the browser's
    own viewer.
    """

    model = None
    owner_field = None
    fallback_name = "tep"
    inline = False
    http_method_names = ["get", "head"]

    def get_queryset(self):
        queryset = self.model.objects.select_related(self.owner_field)
        owner_model = self.model._meta.get_field(self.owner_field).related_model
        if can_preview(self.request.user, owner_model):
            return queryset  # a preview, as on the item's own page
        # The same rule as the item's page: a draft's files do not exist for readers.
        owners = owner_model.objects.published()
        return queryset.filter(**{f"{self.owner_field}__in": owners})

    def get(self, request, pk):
        attachment = get_object_or_404(self.get_queryset(), pk=pk)
        if self.inline and not attachment.is_pdf:
            raise Http404
        try:
            handle = attachment.file.open("rb")
        except (FileNotFoundError, ValueError) as error:
            raise Http404 from error
        if request.method == "GET":
            self.model.objects.filter(pk=pk).update(download_count=F("download_count") + 1)
        response = FileResponse(handle, content_type=attachment.content_type)
        name = attachment.original_name or (
            f"{self.fallback_name}.{attachment.extension.lower() or 'bin'}"
        )
        response["Content-Disposition"] = content_disposition(
            "inline" if self.inline else "attachment", name
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = INLINE_PDF_CSP if self.inline else ATTACHMENT_CSP
        if not getattr(attachment, self.owner_field).is_public:
            add_never_cache_headers(response)
        return response
