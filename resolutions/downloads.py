"""Attached files served through Django: publication check, download count, safe headers.

Document files and conference files never go out straight from /media/ (docs/deploy.md
keeps the web server away from their folders), so a draft's file stays private and
every download is counted.
"""

from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.views.generic import View

from ndportal.preview import can_preview

# Downloads can never run as a page of this site, whatever bytes they hold.
ATTACHMENT_CSP = "default-src 'none'; sandbox"
# Browsers refuse to draw a PDF in a sandboxed page, and their viewers need inline styles.
INLINE_PDF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: blob:"


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
        name = attachment.original_name or (
            f"{self.fallback_name}.{attachment.extension.lower() or 'bin'}"
        )
        # Django writes the name as RFC 6266 asks: plain when ASCII, else `filename*=utf-8''…`.
        response = FileResponse(
            handle,
            as_attachment=not self.inline,
            filename=name,
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = INLINE_PDF_CSP if self.inline else ATTACHMENT_CSP
        if not getattr(attachment, self.owner_field).is_public:
            add_never_cache_headers(response)
        return response
