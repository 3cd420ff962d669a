"""What every attached file shares, whether it belongs to a document or to a conference.

`ReadableFile` adds the text read from the file for search. Reading happens in the
background (resolutions/tasks.py): a save stores the file and queues the reading, so it
is quick whatever the file holds, and a file that cannot be read never blocks publishing.
"""

from pathlib import Path

from django.db import models, transaction
from django.urls import reverse

from ndportal.models import NormalizedTextModel
from resolutions.attachments import (
    CONTENT_TYPES,
    FLAGGED_EXTRACTIONS,
    Extraction,
    FileKind,
    detect_kind,
)
from resolutions.pdf_active import active_content


class AttachedFile(NormalizedTextModel):
    """Abstract base: a validated file with its original name, size and download count.

    Subclasses add the `file` field (its folder differs) and the link to their item;
    resolutions/downloads.py serves any subclass.
    """

    title = models.CharField("tên tệp", max_length=200, blank=True)
    original_name = models.CharField("tên gốc", max_length=255, editable=False, blank=True)
    size = models.PositiveBigIntegerField("dung lượng (byte)", default=0, editable=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    download_count = models.PositiveIntegerField("lượt tải", default=0, editable=False)
    has_active_content = models.BooleanField(
        "PDF có mã chủ động",
        default=False,
        editable=False,
        help_text="JavaScript, lệnh tự chạy khi mở hoặc tệp nhúng trong PDF: người duyệt "
        "cần kiểm tra trước khi xuất bản (resolutions/pdf_active.py).",
    )

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def __str__(self):
        return self.title or self.original_name

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            # A new file: note what the editor called it before storage renames it.
            self.original_name = Path(self.file.name).name[:255]
            self.size = self.file.size
            self.has_active_content = self.kind_code == FileKind.PDF and bool(
                active_content(self.file)
            )
            self.read_new_file(self.file)
        if not self.title:
            self.title = Path(self.original_name).stem or self.original_name
        super().save(*args, **kwargs)

    def read_new_file(self, fileobj):
        """Hook for subclasses that derive more from a new file's bytes."""

    def get_absolute_url(self):
        """The counting download view; `url_name` is set by each subclass."""
        return reverse(self.url_name, kwargs={"pk": self.pk})

    def get_view_url(self):
        """The same file shown in the browser (PDF), counted too."""
        return reverse(f"{self.url_name}-view", kwargs={"pk": self.pk})

    @property
    def kind_code(self):
        # validate_attachment made sure the extension tells what the bytes are.
        return Path(self.file.name).suffix.lstrip(".").lower()

    @property
    def extension(self):
        return self.kind_code.upper()

    @property
    def content_type(self):
        return CONTENT_TYPES.get(self.kind_code, "application/octet-stream")

    @property
    def is_pdf(self):
        return self.kind_code == FileKind.PDF


class ReadableFile(AttachedFile):
    """Abstract base: an attached file whose text is read in the background for search.

    Subclasses say which item searches their text with `search_owner()`.
    """

    kind = models.CharField(
        "định dạng", max_length=10, choices=FileKind.choices, blank=True, editable=False
    )
    text = models.TextField("văn bản trích xuất", blank=True, editable=False)
    extraction = models.CharField(
        "đọc nội dung",
        max_length=20,
        choices=Extraction.choices,
        default=Extraction.PENDING,
        editable=False,
    )
    extracted_at = models.DateTimeField("đọc lúc", null=True, blank=True, editable=False)

    class Meta(AttachedFile.Meta):
        abstract = True

    def save(self, *args, **kwargs):
        new_file = bool(self.file) and not self.file._committed
        super().save(*args, **kwargs)
        if new_file:
            self.queue_extraction()

    def delete(self, *args, **kwargs):
        owner = self.search_owner()
        result = super().delete(*args, **kwargs)
        if owner is not None:
            from resolutions.tasks import refresh_search_text

            refresh_search_text(owner)  # the file's words leave the item's search text
        return result

    def read_new_file(self, fileobj):
        # Only the kind now (a look at the bytes' header and the zip directory): the text
        # is read by the worker once the file is stored.
        fileobj.open("rb")
        self.kind = detect_kind(fileobj) or ""
        fileobj.seek(0)
        self.text, self.extraction, self.extracted_at = "", Extraction.PENDING, None

    def queue_extraction(self):
        """Have the worker read this file's text once the current transaction commits.

        The stored name goes with the task: a file replaced meanwhile is not overwritten
        with the old file's text. `robust`: a queue that cannot be reached must not turn a
        saved upload into an error page; `reextract_files --pending` queues it again.
        """
        from resolutions.tasks import extract_file_text

        label, pk, name = self._meta.label, self.pk, self.file.name
        transaction.on_commit(lambda: extract_file_text.enqueue(label, pk, name), robust=True)

    def search_owner(self):
        """The item whose search text includes this file's text, or None."""
        return None

    @property
    def kind_code(self):
        # The kind detected from the bytes, for files stored before validation existed too.
        return self.kind or super().kind_code

    @property
    def extraction_failed(self):
        return self.extraction in FLAGGED_EXTRACTIONS
