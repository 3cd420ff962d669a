"""The registry's vocabularies: issuing bodies, terms, document types and fields."""

from django.db import models

from ndportal.models import NormalizedTextModel
from ndportal.search.models import Searchable
from ndportal.text import fold


class IssuingBody(NormalizedTextModel, Searchable):
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
        self.sort_key = fold(self.name)
        super().save(*args, **kwargs)

    def search_source(self):
        return [self.name, self.code]


class Term(NormalizedTextModel, Searchable):
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


class DocumentType(NormalizedTextModel, Searchable):
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

    def search_source(self):
        return [self.name, self.code]


class Field(NormalizedTextModel, Searchable):
    """A field a document deals with (lĩnh vực): Party building, economy..."""

    name = models.CharField("tên lĩnh vực", max_length=100, unique=True)
    slug = models.SlugField("đường dẫn", max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"

    def __str__(self):
        return self.name
