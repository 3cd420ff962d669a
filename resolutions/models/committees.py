"""Party committees that hold study conferences, and how many exist at each level per term."""

from django.core.exceptions import ValidationError
from django.db import models

from ndportal.models import NormalizedTextModel
from ndportal.search.models import Searchable
from ndportal.text import fold
from resolutions.models.vocabularies import Term


class ConferenceLevel(models.TextChoices):
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện"
    COMMUNE = "commune", "Cấp xã"
    CELL = "cell", "Chi bộ"


# Province first, Party cell last: a lower level has a higher rank.
LEVEL_RANK = {value: rank for rank, value in enumerate(ConferenceLevel.values)}


class Committee(NormalizedTextModel, Searchable):
    """A Party committee or cell (Tỉnh ủy, Huyện ủy Hải Hậu, Chi bộ xóm 3) that holds meetings."""

    name = models.CharField("tên cấp ủy", max_length=200)
    level = models.CharField("cấp", max_length=20, choices=ConferenceLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="cấp ủy cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Ví dụ: Đảng ủy xã Hải Anh thuộc Huyện ủy Hải Hậu.",
    )
    sort_key = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        ordering = ["sort_key"]
        verbose_name = "cấp ủy"
        verbose_name_plural = "cấp ủy"
        constraints = [
            models.UniqueConstraint(
                fields=["name", "parent"],
                name="committee_unique_name_parent",
                violation_error_message="Đã có cấp ủy cùng tên thuộc cấp trên này.",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_key = fold(self.name)
        super().save(*args, **kwargs)

    def search_source(self):
        return [self.name, self.get_level_display()]

    def clean(self):
        if self.parent_id is None or not self.level:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": "Cấp ủy không thể là cấp trên của chính nó."})
        if LEVEL_RANK[self.parent.level] >= LEVEL_RANK[self.level]:
            raise ValidationError({"parent": "Cấp ủy cấp trên phải ở cấp cao hơn."})


class CommitteeCount(NormalizedTextModel):
    """How many committees exist at one level in one term: the denominator of the reach figures."""

    term = models.ForeignKey(
        Term, verbose_name="nhiệm kỳ", on_delete=models.CASCADE, related_name="committee_counts"
    )
    level = models.CharField("cấp", max_length=20, choices=ConferenceLevel.choices)
    count = models.PositiveIntegerField(
        "số cấp ủy",
        help_text="Số cấp ủy, tổ chức đảng ở cấp này trong nhiệm kỳ, theo số liệu của Ban Tổ chức.",
    )

    class Meta:
        ordering = ["term", "level"]
        verbose_name = "số cấp ủy theo cấp"
        verbose_name_plural = "số cấp ủy theo cấp"
        constraints = [
            models.UniqueConstraint(
                fields=["term", "level"],
                name="committee_count_unique_term_level",
                violation_error_message="Nhiệm kỳ này đã có số cấp ủy của cấp này.",
            )
        ]

    def __str__(self):
        return f"{self.get_level_display()}: {self.count}"
