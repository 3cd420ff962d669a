"""The document registry: resolutions, directives, plans and their metadata."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, Exists, OuterRef, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from ndportal.html import SanitizedHTMLField
from ndportal.models import NormalizedTextModel
from ndportal.publishing import Publishable, PublishableQuerySet, Status
from ndportal.search.models import SearchSource, html_to_text
from ndportal.text import fold, slugify_vi
from ndportal.uploads import UploadTo
from resolutions.attachments import validate_attachment
from resolutions.models.attached_files import ReadableFile
from resolutions.models.vocabularies import DocumentType, Field, IssuingBody, Term
from resolutions.numbers import code_key, number_search_key, parse_number


class Validity(models.TextChoices):
    IN_FORCE = "in_force", "Còn hiệu lực"
    PARTLY_EXPIRED = "partly_expired", "Hết hiệu lực một phần"
    EXPIRED = "expired", "Hết hiệu lực"
    NOT_YET = "not_yet", "Chưa có hiệu lực"
    SUSPENDED = "suspended", "Ngưng hiệu lực"


# Validity in a query string or an export speaks Vietnamese like every other filter; the
# stored values stay English codes.
VALIDITY_SLUGS = {
    Validity.IN_FORCE: "con-hieu-luc",
    Validity.PARTLY_EXPIRED: "het-hieu-luc-mot-phan",
    Validity.EXPIRED: "het-hieu-luc",
    Validity.NOT_YET: "chua-co-hieu-luc",
    Validity.SUSPENDED: "ngung-hieu-luc",
}


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


# How a relation reads from the target's side: "01-NQ/TU bị thay thế bởi 05-NQ/TU".
REVERSE_RELATION_LABELS = {
    RelationKind.BASED_ON: "Là căn cứ của",
    RelationKind.GUIDES: "Được hướng dẫn bởi",
    RelationKind.AMENDS: "Được sửa đổi, bổ sung bởi",
    RelationKind.REPLACES: "Bị thay thế bởi",
    RelationKind.REPEALS: "Bị bãi bỏ bởi",
    RelationKind.CORRECTS: "Được đính chính bởi",
    RelationKind.CONSOLIDATES: "Được hợp nhất bởi",
    RelationKind.REFERS_TO: "Được dẫn chiếu bởi",
    RelationKind.IMPLEMENTS: "Được triển khai thực hiện bởi",
}

# A document replaced or repealed by a published, effective document is no longer in force.
ENDING_KINDS = (RelationKind.REPLACES, RelationKind.REPEALS)


# The fields a document's public address is made of (see Document.address).
ADDRESS_FIELDS = {"doc_type", "doc_type_id", "issued_on", "slug"}


class DocumentQuerySet(PublishableQuerySet):
    def with_validity(self, today=None):
        """Annotate `computed_validity`: the one place where validity is worked out.

        An editor's override wins; then replacement or repeal by a published document
        that has taken effect; then the expiry date; then an effective date to come.
        """
        today = today or timezone.localdate()
        now = timezone.now()
        ended_by_published = DocumentRelation.objects.filter(
            target=OuterRef("pk"),
            kind__in=ENDING_KINDS,
            source__status=Status.PUBLISHED,
            source__published_at__lte=now,
        ).filter(
            Q(source__effective_on__lte=today)
            | Q(source__effective_on__isnull=True, source__issued_on__lte=today)
        )
        return self.annotate(
            computed_validity=Case(
                When(~Q(validity_override=""), then="validity_override"),
                When(Exists(ended_by_published), then=Value(Validity.EXPIRED)),
                When(expires_on__lte=today, then=Value(Validity.EXPIRED)),
                When(effective_on__gt=today, then=Value(Validity.NOT_YET)),
                default=Value(Validity.IN_FORCE),
                output_field=models.CharField(),
            )
        )


class DocumentManager(models.Manager.from_queryset(DocumentQuerySet)):
    def get_queryset(self):
        # Validity is shown wherever a document appears (lists, cards, related managers),
        # so every read carries it rather than asking once per document.
        return super().get_queryset().with_validity()


class Document(Publishable):
    """A document in the registry (văn bản): resolution, directive, plan..."""

    number = models.CharField(
        "số ký hiệu",
        max_length=60,
        help_text="Như trên văn bản, ví dụ 01-NQ/TU, 12/2021/NQ-HĐND hoặc 345/QĐ-UBND.",
    )
    slug = models.SlugField(
        "đường dẫn", max_length=80, editable=False, help_text="Sinh từ số ký hiệu."
    )
    serial = models.PositiveIntegerField("số thứ tự", null=True, editable=False, db_index=True)
    number_key = models.CharField(max_length=80, editable=False, blank=True, db_index=True)
    title = models.CharField("trích yếu", max_length=500)
    title_key = models.CharField(max_length=500, editable=False, blank=True)
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
    validity_override = models.CharField(
        "tình trạng hiệu lực do biên tập viên xác định",
        max_length=20,
        choices=Validity.choices,
        blank=True,
        help_text="Để trống thì hiệu lực được tính từ các ngày và từ các văn bản thay thế, "
        "bãi bỏ. Chỉ chọn khi cần ghi đè (ví dụ hết hiệu lực một phần, ngưng hiệu lực).",
    )
    validity_note = models.CharField(
        "lý do thay đổi hiệu lực",
        max_length=300,
        blank=True,
        help_text="Bắt buộc khi ghi đè tình trạng hiệu lực; hiển thị cho bạn đọc.",
    )
    validity_changed_on = models.DateField(
        "ngày thay đổi hiệu lực",
        null=True,
        blank=True,
        help_text="Để trống thì lấy ngày lưu.",
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

    objects = DocumentManager()

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = "văn bản"
        verbose_name_plural = "văn bản"
        indexes = [
            # The registry's default filter and order (ndportal/pagination.py).
            models.Index(fields=["status", "-issued_on", "-id"], name="document_list_idx"),
            # Every column the registry's facet counts read (resolutions/filters.py), so
            # PostgreSQL counts from the index alone instead of reading the wide rows
            # (bodies, search columns) seven times.
            models.Index(
                fields=[
                    "status",
                    "published_at",
                    "doc_type",
                    "issuing_body",
                    "term",
                    "issued_on",
                    "signer",
                    "validity_override",
                    "expires_on",
                    "effective_on",
                    "id",
                ],
                name="document_facets_idx",
            ),
        ]
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
        self.number = " ".join(self.number.split())
        parsed = parse_number(self.number)
        self.serial = parsed.serial if parsed else None
        self.number_key = number_search_key(self.number)[:80]
        self.title_key = fold(self.title)[:500]
        self.slug = self._free_slug(parsed.slug if parsed else slugify_vi(self.number, 80))
        if self.validity_override and self.validity_changed_on is None:
            self.validity_changed_on = timezone.localdate()
        self.__dict__.pop("computed_validity", None)
        old_address = self._stored_address()
        with transaction.atomic():
            super().save(*args, **kwargs)
            # A renumbering made anywhere (admin, shell, import) keeps the old address
            # answering 301, so links in letters and other sites do not break.
            update_fields = kwargs.get("update_fields")
            moved = update_fields is None or ADDRESS_FIELDS & set(update_fields)
            if moved and old_address and old_address != self.address:
                self._keep_old_address(old_address)

    def search_source(self):
        # Names of the type, issuer, term and fields are copied in: `rebuild_search_text`
        # refreshes them after one of those is renamed.
        source = SearchSource(
            title=[self.doc_type.name if self.doc_type_id else "", self.number, self.title],
            summary=[
                self.summary,
                self.issuing_body.name if self.issuing_body_id else "",
                self.term if self.term_id else "",
                self.signer,
                self.signer_title,
                self.issued_on.year if self.issued_on else "",
            ],
            body=[html_to_text(self.body)],
        )
        if self.pk:
            source.summary += [field.name for field in self.fields.all()]
            # Files go with their document: readable by anyone once the document is public.
            source.body += [f.text for f in self.files.all() if f.text and not f.extraction_failed]
        return source

    def get_absolute_url(self):
        return reverse(
            "resolutions:document-detail",
            kwargs={
                "type_slug": self.doc_type.slug,
                "year": self.issued_on.year,
                "slug": self.slug,
            },
        )

    @property
    def address(self):
        """The parts of the public URL: type slug, year of issue, slug."""
        return (self.doc_type.slug, self.issued_on.year, self.slug)

    def _stored_address(self):
        if self.pk is None:
            return None
        return (
            Document._base_manager.filter(pk=self.pk)
            .values_list("doc_type__slug", "issued_on__year", "slug")
            .first()
        )

    def _keep_old_address(self, old_address):
        type_slug, year, slug = self.address
        # The current address may be an alias of an earlier renumbering: it is the real one now.
        DocumentAlias.objects.filter(type_slug=type_slug, year=year, slug=slug).delete()
        type_slug, year, slug = old_address
        DocumentAlias.objects.update_or_create(
            type_slug=type_slug, year=year, slug=slug, defaults={"document": self}
        )

    def clean(self):
        if self.effective_on and self.expires_on and self.expires_on < self.effective_on:
            raise ValidationError({"expires_on": "Ngày hết hiệu lực phải sau ngày có hiệu lực."})
        if self.effective_on and self.issued_on and self.effective_on < self.issued_on:
            raise ValidationError(
                {"effective_on": "Ngày có hiệu lực không thể trước ngày ban hành."}
            )
        if self.validity_override and not self.validity_note.strip():
            raise ValidationError(
                {"validity_note": "Hãy ghi lý do khi tự xác định tình trạng hiệu lực."}
            )
        self.clean_number()

    def clean_number(self):
        """The number must read as a number, and its codes must match the type and issuer."""
        if not self.number:
            return
        parsed = parse_number(self.number)
        if parsed is None:
            raise ValidationError(
                {
                    "number": "Số ký hiệu không đúng dạng. Ví dụ đúng: 01-NQ/TU, "
                    "12/2021/NQ-HĐND, 345/QĐ-UBND."
                }
            )
        errors = {}
        if self.doc_type_id and code_key(parsed.type_code) != code_key(self.doc_type.code):
            errors["number"] = (
                f"Số ký hiệu mang ký hiệu loại “{parsed.type_code}” nhưng loại văn bản "
                f"đã chọn là “{self.doc_type.name}” ({self.doc_type.code})."
            )
        elif self.issuing_body_id and code_key(parsed.issuer_code) != code_key(
            self.issuing_body.code
        ):
            errors["number"] = (
                f"Số ký hiệu mang ký hiệu cơ quan “{parsed.issuer_code}” nhưng cơ quan ban "
                f"hành đã chọn là “{self.issuing_body.name}” ({self.issuing_body.code})."
            )
        if parsed.year and self.issued_on and parsed.year != self.issued_on.year:
            errors["issued_on"] = (
                f"Số ký hiệu ghi năm {parsed.year} nhưng ngày ban hành thuộc năm "
                f"{self.issued_on.year}."
            )
        if errors:
            raise ValidationError(errors)

    def _free_slug(self, base):
        """`base`, or `base-2`... when another document of the same type and year has it."""
        base = base or "van-ban"
        others = Document.objects.exclude(pk=self.pk).filter(
            doc_type_id=self.doc_type_id, issued_on__year=self.issued_on.year
        )
        candidate, counter = base, 2
        while others.filter(slug=candidate).exists():
            candidate = f"{base}-{counter}"
            counter += 1
        return candidate

    @property
    def validity(self):
        """Validity today, from `with_validity()`; an unannotated instance asks the database."""
        if hasattr(self, "computed_validity"):
            return self.computed_validity
        if self.pk is None:
            return self.validity_override or Validity.IN_FORCE
        self.computed_validity = (
            Document.objects.filter(pk=self.pk).values_list("computed_validity", flat=True).get()
        )
        return self.computed_validity

    def get_validity_display(self):
        return Validity(self.validity).label

    @property
    def autocomplete_label(self):
        """How the admin's document pickers list a document: number and title."""
        return f"{self.number} — {self.title}"[:160]

    @property
    def citation(self):
        """How to cite the document: body, type and number, date, title."""
        return (
            f"{self.issuing_body.name}, {self.doc_type.name} số {self.number} ngày "
            f"{self.issued_on:%d/%m/%Y} {self.title}"
        )


class DocumentFile(ReadableFile):
    """A file attached to a document: the signed PDF, the Word text."""

    document = models.ForeignKey(
        Document, verbose_name="văn bản", on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(
        "tệp",
        upload_to=UploadTo("documents", suffix_field="kind"),
        max_length=200,
        validators=[validate_attachment],
        help_text="PDF, DOC, DOCX, XLSX hoặc ODT. Nội dung tệp được kiểm tra, không chỉ đuôi tên.",
    )

    url_name = "resolutions:document-file"

    class Meta(ReadableFile.Meta):
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"

    def reextract(self):
        """Read the stored file again (after a library upgrade, or for a file added by hand)."""
        self.queue_extraction()

    def search_owner(self):
        return self.document


class DocumentRelation(NormalizedTextModel):
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

    def clean(self):
        if self.source_id and self.target_id and self.source_id == self.target_id:
            raise ValidationError({"target": "Văn bản không thể liên quan đến chính nó."})
        if self.kind in ENDING_KINDS and self.source_id and self.target_id:
            if self.source_id in ending_chain(self.target_id):
                raise ValidationError(
                    {
                        "target": "Không thể ghi nhận: văn bản này đã (trực tiếp hoặc gián "
                        "tiếp) thay thế hoặc bãi bỏ văn bản đang sửa, sẽ tạo vòng thay thế."
                    }
                )

    @property
    def reverse_label(self):
        return REVERSE_RELATION_LABELS[self.kind]


def ending_chain(document_id):
    """Ids of every document that `document_id` replaces or repeals, directly or through others."""
    seen, frontier = set(), {document_id}
    while frontier:
        pairs = DocumentRelation.objects.filter(kind__in=ENDING_KINDS, source_id__in=frontier)
        frontier = set(pairs.values_list("target_id", flat=True)) - seen
        seen |= frontier
    return seen


class DocumentAlias(NormalizedTextModel):
    """An earlier address of a document, kept when an editor corrects its number or type."""

    document = models.ForeignKey(
        Document, verbose_name="văn bản", on_delete=models.CASCADE, related_name="aliases"
    )
    type_slug = models.SlugField(max_length=100)
    year = models.PositiveSmallIntegerField()
    slug = models.SlugField(max_length=80)
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)

    class Meta:
        verbose_name = "đường dẫn cũ"
        verbose_name_plural = "đường dẫn cũ"
        constraints = [
            models.UniqueConstraint(
                fields=["type_slug", "year", "slug"], name="document_alias_unique"
            )
        ]

    def __str__(self):
        return f"/van-ban/{self.type_slug}/{self.year}/{self.slug}/"
