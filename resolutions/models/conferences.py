"""Conferences where resolutions are studied (học tập, quán triệt), level by level."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from ndportal.approval import stamp_approval
from ndportal.html import SanitizedHTMLField
from ndportal.images import CheckedImageField
from ndportal.models import NormalizedTextModel
from ndportal.photos import Photo
from ndportal.publishing import Publishable, PublishableQuerySet
from ndportal.search.models import SearchSource, html_to_text
from ndportal.text import unique_slug
from ndportal.uploads import UploadTo
from resolutions.attachments import validate_attachment
from resolutions.models.attached_files import AttachedFile
from resolutions.models.committees import LEVEL_RANK, Committee, ConferenceLevel
from resolutions.models.documents import Document
from resolutions.models.vocabularies import Term


class ConferenceFormat(models.TextChoices):
    IN_PERSON = "in_person", "Trực tiếp"
    ONLINE = "online", "Trực tuyến"
    HYBRID = "hybrid", "Trực tiếp kết hợp trực tuyến"


class ConferenceQuerySet(PublishableQuerySet):
    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.filter(starts_at__lt=timezone.now()).order_by("-starts_at")


def attendance_error(attendance, invited, confirmed):
    """The message refusing an attendance above the invited count, or None when it is acceptable."""
    if attendance is None or invited is None or confirmed or attendance <= invited:
        return None
    return (
        f"Số người dự ({attendance}) vượt số được triệu tập ({invited}). "
        "Hãy kiểm tra lại, hoặc đánh dấu ô xác nhận nếu số liệu là đúng."
    )


class Conference(Publishable):
    """A conference to study and disseminate resolutions (hội nghị học tập, quán triệt)."""

    title = models.CharField("tên hội nghị", max_length=300)
    slug = models.SlugField("đường dẫn", max_length=200, unique=True, blank=True)
    level = models.CharField("cấp", max_length=20, choices=ConferenceLevel.choices)
    committee = models.ForeignKey(
        Committee,
        verbose_name="cấp ủy tổ chức",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conferences",
        help_text="Cấp ủy đã tổ chức hội nghị; dùng để tính tiến độ học tập theo cấp.",
    )
    format = models.CharField(
        "hình thức",
        max_length=20,
        choices=ConferenceFormat.choices,
        default=ConferenceFormat.IN_PERSON,
    )
    term = models.ForeignKey(
        Term,
        verbose_name="nhiệm kỳ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="conferences",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="hội nghị cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Hội nghị cấp trên mà hội nghị này triển khai tiếp.",
    )
    organiser = models.CharField(
        "đơn vị tổ chức",
        max_length=200,
        blank=True,
        help_text="Ví dụ: Ban Thường vụ Huyện ủy Hải Hậu. Để trống thì hiện tên cấp ủy tổ chức.",
    )
    starts_at = models.DateTimeField("bắt đầu")
    ends_at = models.DateTimeField("kết thúc", null=True, blank=True)
    place = models.CharField("địa điểm", max_length=300)
    chair = models.CharField("chủ trì", max_length=300, blank=True)
    target_group = models.CharField(
        "thành phần", max_length=300, blank=True, help_text="Ví dụ: cán bộ chủ chốt cấp tỉnh."
    )
    invited_count = models.PositiveIntegerField(
        "số đại biểu được triệu tập",
        null=True,
        blank=True,
        help_text="Quy mô đối tượng; dùng để tính tỷ lệ tham dự.",
    )
    attendance = models.PositiveIntegerField(
        "số người tham dự",
        null=True,
        blank=True,
        help_text="Khi có điểm cầu, con số này được tính tự động từ các điểm cầu.",
    )
    attendance_confirmed = models.BooleanField(
        "xác nhận số người dự vượt số triệu tập",
        default=False,
        help_text="Đánh dấu khi số người dự thực sự nhiều hơn số được triệu tập.",
    )
    site_count = models.PositiveIntegerField("số điểm cầu", default=0, editable=False)
    organisations = models.TextField(
        "các cơ quan, đơn vị tham dự", blank=True, help_text="Mỗi dòng một cơ quan, đơn vị."
    )
    documents = models.ManyToManyField(
        Document, verbose_name="văn bản học tập", blank=True, related_name="conferences"
    )
    summary = SanitizedHTMLField("nội dung", blank=True)
    video_url = models.URLField("video", blank=True)

    objects = ConferenceQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = "hội nghị"
        verbose_name_plural = "hội nghị"

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("resolutions:conference-detail", kwargs={"slug": self.slug})

    def search_source(self):
        source = SearchSource(
            title=[self.title],
            summary=[
                self.organiser_name,
                self.place,
                self.chair,
                self.target_group,
                self.term if self.term_id else "",
            ],
            body=[html_to_text(self.summary)],
        )
        if not self.pk:
            return source
        for item in self.agenda.all():
            source.body += [item.title, item.presenter]
        source.body += [f"{document.number} {document.title}" for document in self.documents.all()]
        source.body += [f"{site.name} {site.place}" for site in self.sites.all()]
        # The closing report is kept from readers until it is approved; so is its text.
        try:
            report = self.report
        except ConferenceReport.DoesNotExist:
            report = None
        if report and report.is_approved:
            source.body += [report.minutes, report.conclusions]
        return source

    def clean(self):
        self.check_frozen_slug()
        errors = {}
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            errors["ends_at"] = "Thời gian kết thúc phải sau thời gian bắt đầu."
        if self.parent_id and self.parent_id == self.pk:
            errors["parent"] = "Hội nghị không thể là cấp trên của chính nó."
        elif self.parent_id and self.level and not self.ranks_below(self.parent):
            # A strict order of levels also makes a loop in a series impossible.
            errors["parent"] = "Hội nghị cấp trên phải ở cấp cao hơn hội nghị này."
        if self.committee_id and self.level and self.committee.level != self.level:
            errors["committee"] = "Cấp ủy tổ chức phải cùng cấp với hội nghị."
        # With connected sites the total comes from the sites; the site formset checks it.
        message = None if self.site_count else self.attendance_problem()
        if message:
            errors["attendance_confirmed"] = message
        if errors:
            raise ValidationError(errors)

    def ranks_below(self, other):
        return LEVEL_RANK[self.level] > LEVEL_RANK[other.level]

    def attendance_problem(self):
        return attendance_error(self.attendance, self.invited_count, self.attendance_confirmed)

    def update_attendance_from_sites(self):
        """Make attendance and the number of sites equal the sums over the connected sites.

        Saving or deleting a ConnectedSite calls this; a bulk update of sites must too.
        """
        totals = self.sites.aggregate(total=models.Sum("attendance"), count=models.Count("id"))
        self.site_count = totals["count"]
        changes = {"site_count": self.site_count}
        if self.site_count:
            self.attendance = totals["total"]
            changes["attendance"] = self.attendance
        type(self).objects.filter(pk=self.pk).update(**changes)

    @property
    def organiser_name(self):
        return self.organiser or (self.committee.name if self.committee_id else "")

    @property
    def organisation_list(self):
        return [line.strip() for line in self.organisations.splitlines() if line.strip()]


class AgendaItem(NormalizedTextModel):
    """One item on a conference's agenda: who presented which document, for how long."""

    conference = models.ForeignKey(
        Conference, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="agenda"
    )
    title = models.CharField("nội dung", max_length=300)
    presenter = models.CharField(
        "báo cáo viên", max_length=200, blank=True, help_text="Họ tên và chức vụ."
    )
    document = models.ForeignKey(
        Document,
        verbose_name="văn bản trình bày",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
    )
    duration_minutes = models.PositiveSmallIntegerField("thời lượng (phút)", null=True, blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "mục chương trình"
        verbose_name_plural = "chương trình hội nghị"

    def __str__(self):
        return self.title


class ConnectedSite(NormalizedTextModel):
    """A connected site (điểm cầu) of an online conference, with its own attendance."""

    conference = models.ForeignKey(
        Conference, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="sites"
    )
    name = models.CharField("điểm cầu", max_length=200)
    place = models.CharField("địa điểm", max_length=300, blank=True)
    attendance = models.PositiveIntegerField("số người dự", default=0)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "điểm cầu"
        verbose_name_plural = "điểm cầu"
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "name"],
                name="connected_site_unique_name",
                violation_error_message="Điểm cầu này đã có trong hội nghị.",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.conference.update_attendance_from_sites()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.conference.update_attendance_from_sites()
        return result


class ConferenceReport(NormalizedTextModel):
    """The closing report of a conference (kết quả): kept from readers until it is approved."""

    conference = models.OneToOneField(
        Conference, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="report"
    )
    minutes = models.TextField("biên bản, diễn biến hội nghị", blank=True)
    attendance_reached = models.PositiveIntegerField(
        "số người đã được học tập",
        null=True,
        blank=True,
        help_text="Kể cả học bù sau hội nghị.",
    )
    conclusions = models.TextField("kết luận", blank=True)
    is_approved = models.BooleanField(
        "đã duyệt",
        default=False,
        help_text="Chỉ báo cáo đã duyệt mới hiện trên trang hội nghị (khi hội nghị đã xuất bản).",
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

    class Meta:
        verbose_name = "báo cáo kết quả"
        verbose_name_plural = "báo cáo kết quả"
        permissions = [("approve_conferencereport", "Duyệt báo cáo kết quả hội nghị")]

    def __str__(self):
        return f"Kết quả: {self.conference}"

    def save(self, *args, **kwargs):
        stamp_approval(self)
        super().save(*args, **kwargs)


class ConferencePhoto(Photo):
    """A photo of a conference, with its caption, shown in order."""

    conference = models.ForeignKey(
        Conference, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="photos"
    )
    image = CheckedImageField(
        "ảnh",
        upload_to=UploadTo("conferences"),
        max_length=200,
        width_field="width",
        height_field="height",
        renditions_field="renditions",
    )

    class Meta(Photo.Meta):
        verbose_name = "ảnh hội nghị"
        verbose_name_plural = "ảnh hội nghị"


class ConferenceFileRole(models.TextChoices):
    """What a conference file is for (its format is `kind_code`)."""

    SPEECH = "speech", "Bài phát biểu"
    SLIDES = "slides", "Bài trình chiếu"
    REPORT = "report", "Báo cáo"
    OTHER = "other", "Tài liệu khác"


class ConferenceFile(AttachedFile):
    """A speech, slide deck or report attached to a conference."""

    conference = models.ForeignKey(
        Conference, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="files"
    )
    role = models.CharField(
        "loại", max_length=20, choices=ConferenceFileRole.choices, default=ConferenceFileRole.OTHER
    )
    file = models.FileField(
        "tệp",
        # Not `conferences/`: the web server serves that folder of photos, never this one.
        upload_to=UploadTo("conference-files"),
        max_length=200,
        validators=[validate_attachment],
        help_text="PDF, DOC, DOCX, XLSX hoặc ODT; bài trình chiếu xin lưu thành PDF.",
    )

    url_name = "resolutions:conference-file"

    class Meta(AttachedFile.Meta):
        verbose_name = "tệp hội nghị"
        verbose_name_plural = "tệp hội nghị"
