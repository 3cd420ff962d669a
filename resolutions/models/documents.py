"""The document registry: resolutions, directives, plans and their metadata."""

import uuid
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from ndportal.html import SanitizedHTMLField
from ndportal.publishing import Publishable
from ndportal.text import fold, normalize_text_fields, slugify_vi


class IssuingBody(models.Model):
    """An organ that issues documents: Tỉnh ủy, Ban Thường vụ, HĐND, UBND..."""

    class Kind(models.TextChoices):
        PARTY = "party", "Cơ quan Đảng"
        STATE = "state", "Cơ quan nhà nước"

    name = models.CharField("tên cơ quan", max_length=200, unique=True)
    code = models.CharField(
        "ký hiệu", max_length=30, help_text="Phần ký hiệu cơ quan trong số văn bản, ví dụ TU, HĐND."
    )
    kind = models.CharField("khối", max_length=10, choices=Kind.choices, default=Kind.PARTY)
    sort_key = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        ordering = ["sort_key"]
        verbose_name = "cơ quan ban hành"
        verbose_name_plural = "cơ quan ban hành"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        normalize_text_fields(self)
        self.sort_key = fold(self.name)
        super().save(*args, **kwargs)


class Term(models.Model):
    """A term of the Party committee (khóa XX, nhiệm kỳ 2020-2025)."""

    name = models.CharField("khóa", max_length=20, unique=True, help_text="Ví dụ: XX")
    start_year = models.PositiveSmallIntegerField("năm bắt đầu")
    end_year = models.PositiveSmallIntegerField("năm kết thúc")
    is_current = models.BooleanField("nhiệm kỳ hiện tại", default=False)

    class Meta:
        ordering = ["-start_year"]
        verbose_name = "nhiệm kỳ"
        verbose_name_plural = "nhiệm kỳ"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gt=models.F("start_year")),
                name="term_end_after_start",
                violation_error_message="Năm kết thúc phải sau năm bắt đầu.",
            )
        ]

    def __str__(self):
        return f"Khóa {self.name}, nhiệm kỳ {self.start_year}-{self.end_year}"


class DocumentType(models.Model):
    """A kind of document with the abbreviation used in its number (Nghị quyết, NQ)."""

    name = models.CharField("tên loại", max_length=100, unique=True)
    code = models.CharField("viết tắt", max_length=10, unique=True, help_text="Ví dụ: NQ, CT, KH.")
    slug = models.SlugField("đường dẫn", max_length=100, unique=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "loại văn bản"
        verbose_name_plural = "loại văn bản"

    def __str__(self):
        return self.name


class Field(models.Model):
    """A field a document deals with (lĩnh vực): Party building, economy..."""

    name = models.CharField("tên lĩnh vực", max_length=100, unique=True)
    slug = models.SlugField("đường dẫn", max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"

    def __str__(self):
        return self.name


class Validity(models.TextChoices):
    IN_FORCE = "in_force", "Còn hiệu lực"
    PARTLY_EXPIRED = "partly_expired", "Hết hiệu lực một phần"
    EXPIRED = "expired", "Hết hiệu lực"
    NOT_YET = "not_yet", "Chưa có hiệu lực"
    SUSPENDED = "suspended", "Ngưng hiệu lực"


class Document(Publishable):
    """A document in the registry (văn bản): resolution, directive, plan..."""

    number = models.CharField(
        "số ký hiệu",
        max_length=60,
        help_text="Như trên văn bản, ví dụ 01-NQ/TU hoặc 12/2021/NQ-HĐND.",
    )
    slug = models.SlugField(
        "đường dẫn", max_length=80, editable=False, help_text="Sinh từ số ký hiệu."
    )
    title = models.CharField("trích yếu", max_length=500)
    doc_type = models.ForeignKey(
        DocumentType,
        verbose_name="loại văn bản",
        on_delete=models.PROTECT,
        related_name="documents",
    )
    issuing_body = models.ForeignKey(
        IssuingBody,
        verbose_name="cơ quan ban hành",
        on_delete=models.PROTECT,
        related_name="documents",
    )
    term = models.ForeignKey(
        Term,
        verbose_name="nhiệm kỳ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    signer = models.CharField("người ký", max_length=100, blank=True)
    signer_title = models.CharField(
        "chức vụ người ký", max_length=150, blank=True, help_text="Ví dụ: Bí thư Tỉnh ủy."
    )
    issued_on = models.DateField("ngày ban hành")
    effective_on = models.DateField("ngày có hiệu lực", null=True, blank=True)
    expires_on = models.DateField("ngày hết hiệu lực", null=True, blank=True)
    validity = models.CharField(
        "tình trạng hiệu lực", max_length=20, choices=Validity.choices, default=Validity.IN_FORCE
    )
    fields = models.ManyToManyField(
        Field, verbose_name="lĩnh vực", blank=True, related_name="documents"
    )
    is_thematic = models.BooleanField(
        "nghị quyết chuyên đề toàn khóa",
        default=False,
        help_text="Đánh dấu các nghị quyết chuyên đề định hướng cả nhiệm kỳ.",
    )
    summary = models.TextField("tóm tắt", blank=True)
    body = SanitizedHTMLField("toàn văn", blank=True)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        constraints = [
            models.UniqueConstraint(
                fields=["number", "issuing_body", "issued_on"],
                name="document_unique_number_body_date",
                violation_error_message="Đã có văn bản cùng số ký hiệu, cơ quan và ngày ban hành.",
            ),
        ]

    def __str__(self):
        return f"{self.doc_type.name} {self.number}" if self.doc_type_id else self.number

    def save(self, *args, **kwargs):
        normalize_text_fields(self)
        self.slug = slugify_vi(self.number, max_length=80)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "resolutions:document-detail",
            kwargs={
                "type_slug": self.doc_type.slug,
                "year": self.issued_on.year,
                "slug": self.slug,
            },
        )

    def clean(self):
        if self.effective_on and self.expires_on and self.expires_on < self.effective_on:
            raise ValidationError({"expires_on": "Ngày hết hiệu lực phải sau ngày có hiệu lực."})
        if self.effective_on and self.issued_on and self.effective_on < self.issued_on:
            raise ValidationError(
                {"effective_on": "Ngày có hiệu lực không thể trước ngày ban hành."}
            )


def document_file_path(instance, filename):
    """Server-generated storage name; the editor's file name is kept only for display."""
    suffix = Path(filename).suffix.lower()[:10]
    return f"documents/{uuid.uuid4().hex}{suffix}"


class DocumentFile(models.Model):
    """A file attached to a document: the signed PDF, the Word text."""

    document = models.ForeignKey(
        Document, verbose_name="văn bản", on_delete=models.CASCADE, related_name="files"
    )
    title = models.CharField("tên tệp", max_length=200, blank=True)
    file = models.FileField("tệp", upload_to=document_file_path, max_length=200)
    original_name = models.CharField("tên gốc", max_length=255, editable=False, blank=True)
    size = models.PositiveBigIntegerField("dung lượng (byte)", default=0, editable=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    def __str__(self):
        return self.title or self.original_name

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.original_name = Path(self.file.name).name[:255]
            self.size = self.file.size
        if not self.title:
            self.title = self.original_name
        normalize_text_fields(self)
        super().save(*args, **kwargs)

    @property
    def extension(self):
        return Path(self.file.name).suffix.lstrip(".").upper()


class RelationKind(models.TextChoices):
    BASED_ON = "based_on", "Căn cứ"
    GUIDES = "guides", "Hướng dẫn"
    AMENDS = "amends", "Sửa đổi, bổ sung"
    REPLACES = "replaces", "Thay thế"
    REPEALS = "repeals", "Bãi bỏ"
    CORRECTS = "corrects", "Đính chính"
    CONSOLIDATES = "consolidates", "Hợp nhất"
    REFERS_TO = "refers_to", "Dẫn chiếu"
    IMPLEMENTS = "implements", "Triển khai thực hiện"


class DocumentRelation(models.Model):
    """A typed link between two documents: `source` amends, replaces... `target`."""

    source = models.ForeignKey(
        Document,
        verbose_name="văn bản",
        on_delete=models.CASCADE,
        related_name="outgoing_relations",
    )
    kind = models.CharField("quan hệ", max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        Document,
        verbose_name="văn bản liên quan",
        on_delete=models.PROTECT,
        related_name="incoming_relations",
    )

    class Meta:
        verbose_name = "quan hệ văn bản"
        verbose_name_plural = "quan hệ văn bản"
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "target"], name="document_relation_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")),
                name="document_relation_not_self",
                violation_error_message="Văn bản không thể liên quan đến chính nó.",
            ),
        ]

    def __str__(self):
        return f"{self.source} — {self.get_kind_display().lower()} — {self.target}"
