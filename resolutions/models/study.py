"""What each committee reports after studying a resolution, and the campaigns that ask for it.

A result (báo cáo kết quả học tập, quán triệt) is one committee's figures for one
document: party members who studied out of all members, the absent and why, learning
reports written and their grades. Readers see a result only once it is approved.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from ndportal.approval import stamp_approval
from ndportal.models import NormalizedTextModel
from resolutions.models.committees import Committee, ConferenceLevel
from resolutions.models.conferences import Conference
from resolutions.models.documents import Document
from resolutions.models.vocabularies import Term

# The grades of learning reports (bài thu hoạch), best first: (field, label).
GRADES = [
    ("grade_good", "Tốt"),
    ("grade_fair", "Khá"),
    ("grade_average", "Trung bình"),
    ("grade_poor", "Chưa đạt"),
]
ABSENCES = [
    ("absent_sick", "Ốm đau"),
    ("absent_work", "Đi công tác, làm ăn xa"),
    ("absent_other", "Lý do khác"),
]


class StudyResultQuerySet(models.QuerySet):
    def published(self):
        """Results readers may see: approved ones."""
        return self.filter(is_approved=True)


def count_field(label, **kwargs):
    return models.PositiveIntegerField(label, default=0, **kwargs)


class StudyResult(NormalizedTextModel):
    """A committee's result of studying one resolution (kết quả học tập, quán triệt)."""

    committee = models.ForeignKey(
        Committee, verbose_name="cấp ủy", on_delete=models.PROTECT, related_name="study_results"
    )
    document = models.ForeignKey(
        Document,
        verbose_name="văn bản học tập",
        on_delete=models.PROTECT,
        related_name="study_results",
    )
    conference = models.ForeignKey(
        Conference,
        verbose_name="hội nghị",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="study_results",
        help_text="Hội nghị của cấp ủy này đã học tập văn bản (nếu đã nhập).",
    )
    members = models.PositiveIntegerField(
        "số đảng viên", help_text="Tổng số đảng viên của tổ chức đảng khi học tập."
    )
    members_studied = models.PositiveIntegerField(
        "số đảng viên đã học tập", help_text="Kể cả học bù sau hội nghị."
    )
    absent_sick = count_field("vắng: ốm đau")
    absent_work = count_field("vắng: đi công tác, làm ăn xa")
    absent_other = count_field("vắng: lý do khác")
    reports_written = count_field("số bài thu hoạch")
    grade_good = count_field("bài loại tốt")
    grade_fair = count_field("bài loại khá")
    grade_average = count_field("bài loại trung bình")
    grade_poor = count_field("bài chưa đạt")
    assessment = models.TextField(
        "đánh giá chung", blank=True, max_length=2000, help_text="Ngắn gọn, vài câu."
    )
    is_approved = models.BooleanField(
        "đã duyệt", default=False, help_text="Chỉ kết quả đã duyệt mới hiện trên cổng."
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
    reported_at = models.DateTimeField("ngày báo cáo", default=timezone.now, editable=False)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người báo cáo",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = StudyResultQuerySet.as_manager()

    class Meta:
        ordering = ["committee__sort_key", "document"]
        verbose_name = "kết quả học tập của cấp ủy"
        verbose_name_plural = "kết quả học tập của cấp ủy"
        permissions = [("approve_studyresult", "Duyệt kết quả học tập của cấp ủy")]
        indexes = [models.Index(fields=["document", "is_approved"], name="study_doc_approved")]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "document"],
                name="study_result_unique_committee_document",
                violation_error_message="Cấp ủy này đã báo cáo kết quả học tập văn bản này.",
            )
        ]

    def __str__(self):
        return f"{self.committee}: {self.document}"

    def save(self, *args, **kwargs):
        stamp_approval(self)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        members, studied = self.members, self.members_studied
        if members is not None and studied is not None:
            if studied > members:
                errors["members_studied"] = (
                    f"Số đã học tập ({studied}) lớn hơn số đảng viên ({members})."
                )
            elif self.absent_total > members - studied:
                errors["absent_other"] = (
                    f"Tổng số vắng ({self.absent_total}) lớn hơn số chưa học tập "
                    f"({members - studied})."
                )
        if studied is not None and self.reports_written > studied:
            errors["reports_written"] = (
                f"Số bài thu hoạch ({self.reports_written}) lớn hơn số đã học tập ({studied})."
            )
        if self.graded_total > self.reports_written:
            errors["grade_poor"] = (
                f"Tổng số bài đã xếp loại ({self.graded_total}) lớn hơn số bài thu hoạch "
                f"({self.reports_written})."
            )
        if self.conference_id and self.committee_id:
            if self.conference.committee_id != self.committee_id:
                errors["conference"] = "Hội nghị phải do chính cấp ủy này tổ chức."
        if errors:
            raise ValidationError(errors)

    @property
    def absent_total(self):
        return sum(getattr(self, name) or 0 for name, _ in ABSENCES)

    @property
    def graded_total(self):
        return sum(getattr(self, name) or 0 for name, _ in GRADES)

    @property
    def studied_share(self):
        return self.members_studied / self.members if self.members else None

    @property
    def grades(self):
        return [(label, getattr(self, name)) for name, label in GRADES]

    @property
    def absences(self):
        return [(label, getattr(self, name)) for name, label in ABSENCES]


class StudyCampaign(NormalizedTextModel):
    """A call to study resolutions and report by a deadline (đợt học tập, quán triệt)."""

    name = models.CharField(
        "tên đợt", max_length=300, help_text="Ví dụ: Học tập 5 nghị quyết chuyên đề khóa XXI."
    )
    term = models.ForeignKey(
        Term,
        verbose_name="nhiệm kỳ",
        on_delete=models.PROTECT,
        related_name="study_campaigns",
        help_text="Cấp ủy phải báo cáo là cấp ủy trong cây tổ chức của nhiệm kỳ này.",
    )
    documents = models.ManyToManyField(
        Document, verbose_name="văn bản học tập", related_name="study_campaigns"
    )
    levels = models.JSONField(
        "các cấp phải báo cáo",
        default=list,
        help_text="Mọi cấp ủy thuộc các cấp này trong nhiệm kỳ phải báo cáo.",
    )
    deadline = models.DateField("hạn báo cáo")
    is_open = models.BooleanField(
        "đang theo dõi", default=True, help_text="Bỏ đánh dấu khi đợt đã kết thúc: thôi nhắc."
    )
    last_reminded_at = models.DateTimeField(
        "lần nhắc gần nhất", null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-deadline"]
        verbose_name = "đợt học tập, quán triệt"
        verbose_name_plural = "đợt học tập, quán triệt"

    def __str__(self):
        return self.name

    def clean(self):
        unknown = [level for level in self.levels or [] if level not in ConferenceLevel.values]
        if unknown or not self.levels:
            raise ValidationError({"levels": "Hãy chọn ít nhất một cấp trong danh sách."})

    @property
    def level_labels(self):
        return ", ".join(ConferenceLevel(level).label for level in self.levels)

    def is_overdue(self, today=None):
        return (today or timezone.localdate()) > self.deadline
