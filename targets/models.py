"""Following resolutions through: responsible units, targets, their plans and reports.

A resolution (a registry `Document`) is carried out by action programmes and plans,
which are registry documents too (types CTr, KH) linked to it by the "triển khai thực
hiện" relation; a department's plan implements the province's programme the same way.
A target (chỉ tiêu) belongs to one resolution and one programme, and to the unit
responsible for it. Units report actual values per period; a correction is a new
report that supersedes the earlier one, so history is kept. Progress, whether a year's
plan was met and the status are computed (targets/progress.py), never stored.

A responsible unit (đơn vị chủ trì: a department, a district committee, the
provincial People's Committee...) is who a target belongs to and who reports its
figures; citizens' questions are assigned to units too. Users tied to a unit (its
reporters) may act for that unit only.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from ndportal.approval import stamp_approval
from ndportal.images import CheckedImageField
from ndportal.models import NormalizedTextModel
from ndportal.photos import Photo
from ndportal.publishing import Status
from ndportal.search.models import Indexed, SearchSource
from ndportal.text import fold
from ndportal.uploads import UploadTo
from resolutions.attachments import validate_attachment
from resolutions.models import Document
from resolutions.models.attached_files import AttachedFile


class ResponsibleUnit(NormalizedTextModel):
    """A unit that carries out part of a resolution and reports on it."""

    name = models.CharField("tên đơn vị", max_length=200, unique=True)
    short_name = models.CharField(
        "tên viết tắt", max_length=60, blank=True, help_text="Ví dụ: Sở NN&MT, UBND tỉnh."
    )
    reporters = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="người báo cáo",
        blank=True,
        related_name="reporting_units",
        help_text="Tài khoản được báo cáo số liệu và trả lời câu hỏi thay mặt đơn vị.",
    )
    sort_key = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        ordering = ["sort_key"]
        verbose_name = "đơn vị chủ trì"
        verbose_name_plural = "đơn vị chủ trì"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_key = fold(self.name)
        super().save(*args, **kwargs)

    @classmethod
    def for_user(cls, user):
        """The units a user may act for: every unit for a superuser, else their own."""
        if user.is_superuser:
            return cls.objects.all()
        return cls.objects.filter(reporters=user)


class Direction(models.TextChoices):
    HIGHER = "higher", "Càng cao càng tốt"
    LOWER = "lower", "Càng thấp càng tốt"
    EXACT = "exact", "Đạt đúng giá trị"
    MILESTONE = "milestone", "Có/không (mốc việc)"


class Period(models.TextChoices):
    YEAR = "year", "Năm"
    MIDTERM = "midterm", "Sơ kết giữa nhiệm kỳ"
    FINAL = "final", "Tổng kết nhiệm kỳ"


class TargetQuerySet(models.QuerySet):
    def public(self):
        """Targets of published resolutions and published programmes: the only ones readers see."""
        now = timezone.now()
        return self.filter(
            resolution__status=Status.PUBLISHED,
            resolution__published_at__lte=now,
            programme__status=Status.PUBLISHED,
            programme__published_at__lte=now,
        )

    def published(self):
        """What the site search finds and counts (`ndportal.search`): the public targets."""
        return self.public()

    def for_user(self, user):
        """The targets a reporting unit's account may report on."""
        return self.filter(unit__in=ResponsibleUnit.for_user(user))


class Target(NormalizedTextModel, Indexed):
    """A target (chỉ tiêu) of a resolution, carried by a programme and a responsible unit."""

    resolution = models.ForeignKey(
        Document,
        verbose_name="nghị quyết",
        on_delete=models.PROTECT,
        related_name="targets",
        help_text="Nghị quyết đặt ra chỉ tiêu.",
    )
    programme = models.ForeignKey(
        Document,
        verbose_name="chương trình, kế hoạch",
        on_delete=models.PROTECT,
        related_name="programme_targets",
        help_text="Chương trình hành động hoặc kế hoạch thực hiện (văn bản loại CTr, KH).",
    )
    unit = models.ForeignKey(
        ResponsibleUnit,
        verbose_name="đơn vị chủ trì",
        on_delete=models.PROTECT,
        related_name="targets",
    )
    sharing_units = models.ManyToManyField(
        ResponsibleUnit,
        verbose_name="đơn vị phối hợp",
        blank=True,
        related_name="shared_targets",
    )
    code = models.CharField(
        "số thứ tự", max_length=20, blank=True, help_text="Như trong chương trình, ví dụ 1.2."
    )
    name = models.CharField("tên chỉ tiêu", max_length=300)
    unit_of_measure = models.CharField(
        "đơn vị tính", max_length=40, blank=True, help_text="Ví dụ: %, triệu đồng/người, km."
    )
    direction = models.CharField(
        "chiều đánh giá", max_length=10, choices=Direction.choices, default=Direction.HIGHER
    )
    baseline_value = models.DecimalField(
        "giá trị đầu kỳ", max_digits=16, decimal_places=4, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField("năm đầu kỳ", null=True, blank=True)
    goal_value = models.DecimalField(
        "mục tiêu cuối nhiệm kỳ",
        max_digits=16,
        decimal_places=4,
        help_text="Với chỉ tiêu có/không: 1 là hoàn thành.",
    )
    weight = models.PositiveSmallIntegerField(
        "trọng số", default=1, help_text="Dùng khi tổng hợp; mặc định các chỉ tiêu như nhau."
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    objects = TargetQuerySet.as_manager()

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"

    def __str__(self):
        return f"{self.code} {self.name}".strip()

    def clean(self):
        if self.direction == Direction.MILESTONE and self.goal_value not in (None, 1):
            raise ValidationError({"goal_value": "Chỉ tiêu có/không có mục tiêu là 1."})
        if self.resolution_id and self.resolution.term_id is None:
            raise ValidationError(
                {"resolution": "Nghị quyết cần có nhiệm kỳ để theo dõi chỉ tiêu."}
            )
        if self.resolution_id and self.programme_id and self.resolution_id == self.programme_id:
            raise ValidationError({"programme": "Chương trình phải là văn bản khác nghị quyết."})

    def search_source(self):
        # Only what the progress page shows of the target itself; never a report's figures.
        # Units' names are refreshed on a rename (targets/search.py); the documents' numbers
        # by `rebuild_search_text` after a renumbering.
        sharing = list(self.sharing_units.all()) if self.pk else []
        names = [part for u in (self.unit, *sharing) for part in (u.name, u.short_name) if part]
        # The numbers alone: "nghị quyết" typed is not every target of every resolution.
        documents = [self.resolution.number, self.programme.number]
        return SearchSource(
            title=[self.code, self.name],
            summary=[self.unit_of_measure, *names, *documents],
            # Sentences, as the snippet quotes them on one line.
            body=[
                f"Đơn vị chủ trì: {self.unit.name}.",
                f"Đơn vị phối hợp: {', '.join(u.name for u in sharing)}." if sharing else "",
                f"Đơn vị tính: {self.unit_of_measure}." if self.unit_of_measure else "",
                f"Theo {documents[0]}, {documents[1]}.",
                f"Chiều đánh giá: {self.get_direction_display().lower()}.",
            ],
        )

    def get_absolute_url(self):
        from targets.views import target_anchor_url

        return target_anchor_url(self)


class TargetPlan(NormalizedTextModel):
    """The value a target should reach by the end of one year of the term."""

    target = models.ForeignKey(
        Target, verbose_name="chỉ tiêu", on_delete=models.CASCADE, related_name="plans"
    )
    year = models.PositiveSmallIntegerField("năm")
    value = models.DecimalField("kế hoạch", max_digits=16, decimal_places=4)

    class Meta:
        ordering = ["year"]
        verbose_name = "kế hoạch năm"
        verbose_name_plural = "kế hoạch từng năm"
        constraints = [
            models.UniqueConstraint(
                fields=["target", "year"],
                name="target_plan_unique_year",
                violation_error_message="Năm này đã có kế hoạch.",
            )
        ]

    def __str__(self):
        return f"{self.year}: {self.value}"


class Approval(models.Model):
    """Abstract base: kept from readers until an approver approves it (or at once, by setting)."""

    is_approved = models.BooleanField(
        "đã duyệt",
        default=False,
        help_text="Chỉ số liệu đã duyệt mới hiện trên cổng.",
    )
    approved_at = models.DateTimeField("thời điểm duyệt", null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người báo cáo",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("ngày nhập", auto_now_add=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        stamp_approval(self, public_at_once=settings.TARGET_REPORTS_PUBLIC_AT_ONCE)
        super().save(*args, **kwargs)


class TargetReportQuerySet(models.QuerySet):
    def public(self):
        """Approved reports of public targets."""
        return self.filter(is_approved=True, target__in=Target.objects.public())

    def awaiting_approval(self):
        return self.filter(is_approved=False)


class TargetReport(Approval, NormalizedTextModel):
    """An actual value a unit reports for a target and a period, with its source."""

    target = models.ForeignKey(
        Target, verbose_name="chỉ tiêu", on_delete=models.CASCADE, related_name="reports"
    )
    period = models.CharField("kỳ báo cáo", max_length=10, choices=Period.choices)
    year = models.PositiveSmallIntegerField(
        "năm", help_text="Năm của số liệu; với sơ kết, tổng kết là năm đánh giá."
    )
    value = models.DecimalField(
        "giá trị thực hiện",
        max_digits=16,
        decimal_places=4,
        help_text="Với chỉ tiêu có/không: 1 là đã hoàn thành, 0 là chưa.",
    )
    reported_on = models.DateField("ngày báo cáo", default=timezone.localdate)
    source_document = models.ForeignKey(
        Document,
        verbose_name="văn bản nguồn",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="target_reports",
        help_text="Báo cáo sơ kết, tổng kết hoặc văn bản công bố số liệu.",
    )
    note = models.CharField("ghi chú", max_length=500, blank=True)
    supersedes = models.OneToOneField(
        "self",
        verbose_name="thay cho báo cáo",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
        help_text="Báo cáo đính chính không ghi đè: báo cáo cũ vẫn được giữ và hiển thị.",
    )

    objects = TargetReportQuerySet.as_manager()

    class Meta:
        ordering = ["target", "year", "period", "reported_on", "id"]
        verbose_name = "báo cáo số liệu"
        verbose_name_plural = "báo cáo số liệu"
        permissions = [("approve_targetreport", "Duyệt báo cáo số liệu chỉ tiêu")]

    def __str__(self):
        return f"{self.target}: {self.get_period_display()} {self.year}"

    def clean(self):
        if not self.target_id:
            return
        term = self.target.resolution.term
        if term and self.year and not term.start_year <= self.year <= term.end_year:
            raise ValidationError(
                {"year": f"Năm phải trong nhiệm kỳ {term.start_year}-{term.end_year}."}
            )
        if self.target.direction == Direction.MILESTONE and self.value not in (None, 0, 1):
            raise ValidationError({"value": "Chỉ tiêu có/không: nhập 1 (đã xong) hoặc 0."})
        if self.supersedes_id and (
            self.supersedes.target_id != self.target_id
            or self.supersedes.period != self.period
            or self.supersedes.year != self.year
        ):
            raise ValidationError(
                {"supersedes": "Báo cáo đính chính phải cùng chỉ tiêu, kỳ và năm."}
            )

    def previous(self):
        """The latest earlier report of the same target, period and year: what this one corrects."""
        return (
            TargetReport.objects.filter(
                target_id=self.target_id, period=self.period, year=self.year
            )
            .exclude(pk=self.pk)
            .filter(superseded_by__isnull=True)
            .order_by("-reported_on", "-id")
            .first()
        )


class MilestoneQuerySet(models.QuerySet):
    def public(self):
        now = timezone.now()
        return self.filter(
            is_approved=True,
            programme__status=Status.PUBLISHED,
            programme__published_at__lte=now,
        )


class Milestone(Approval, NormalizedTextModel):
    """A dated entry on a programme's timeline: a review, an inspection, a work opened."""

    programme = models.ForeignKey(
        Document,
        verbose_name="chương trình, kế hoạch",
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    unit = models.ForeignKey(
        ResponsibleUnit,
        verbose_name="đơn vị",
        on_delete=models.PROTECT,
        related_name="milestones",
    )
    happened_on = models.DateField("ngày")
    title = models.CharField("nội dung", max_length=300)
    description = models.TextField("mô tả", blank=True)

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        ordering = ["happened_on", "id"]
        verbose_name = "mốc thực hiện"
        verbose_name_plural = "mốc thực hiện"
        permissions = [("approve_milestone", "Duyệt mốc thực hiện")]

    def __str__(self):
        return f"{self.happened_on:%d/%m/%Y} {self.title}"

    @property
    def is_public(self):
        return self.is_approved and self.programme.is_public


class MilestonePhoto(Photo):
    """A photo of a milestone, with its caption."""

    milestone = models.ForeignKey(
        Milestone, verbose_name="mốc", on_delete=models.CASCADE, related_name="photos"
    )
    image = CheckedImageField(
        "ảnh",
        upload_to=UploadTo("milestones"),
        max_length=200,
        width_field="width",
        height_field="height",
        renditions_field="renditions",
    )

    class Meta(Photo.Meta):
        verbose_name = "ảnh mốc thực hiện"
        verbose_name_plural = "ảnh mốc thực hiện"


class MilestoneFile(AttachedFile):
    """A report, review or inspection record attached to a milestone."""

    milestone = models.ForeignKey(
        Milestone, verbose_name="mốc", on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(
        "tệp",
        upload_to=UploadTo("milestone-files"),
        max_length=200,
        validators=[validate_attachment],
        help_text="PDF, DOC, DOCX, XLSX hoặc ODT.",
    )

    url_name = "targets:milestone-file"

    class Meta(AttachedFile.Meta):
        verbose_name = "tệp mốc thực hiện"
        verbose_name_plural = "tệp mốc thực hiện"
