"""What every attached file shares, whether it belongs to a document or to a conference."""

from pathlib import Path

from django.db import models

from ndportal.text import normalize_text_fields
from resolutions.attachments import CONTENT_TYPES, FileKind
from resolutions.pdf_active import active_content


class AttachedFile(models.Model):
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
        normalize_text_fields(self)
        super().save(*args, **kwargs)

    def read_new_file(self, fileobj):
        """Hook for subclasses that derive more from a new file's bytes."""

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
