"""Conferences where resolutions are studied (học tập, quán triệt), level by level."""

import uuid
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from ndportal.html import SanitizedHTMLField
from ndportal.publishing import Publishable, PublishableQuerySet
from ndportal.text import normalize_text_fields, unique_slug
from resolutions.models.documents import Document, Term


class ConferenceLevel(models.TextChoices):
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện"
    COMMUNE = "commune", "Cấp xã"
    CELL = "cell", "Chi bộ"


class ConferenceFormat(models.TextChoices):
    IN_PERSON = "in_person", "Trực tiếp"
    ONLINE = "online", "Trực tuyến"
    HYBRID = "hybrid", "Trực tiếp kết hợp trực tuyến"


class ConferenceQuerySet(PublishableQuerySet):
    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.filter(starts_at__lt=timezone.now()).order_by("-starts_at")


class Conference(Publishable):
    """A conference to study and disseminate resolutions (hội nghị học tập, quán triệt)."""

    title = models.CharField("tên hội nghị", max_length=300)
    slug = models.SlugField("đường dẫn", max_length=200, unique=True, blank=True)
    level = models.CharField("cấp", max_length=20, choices=ConferenceLevel.choices)
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
        "đơn vị tổ chức", max_length=200, help_text="Ví dụ: Ban Thường vụ Huyện ủy Hải Hậu."
    )
    starts_at = models.DateTimeField("bắt đầu")
    ends_at = models.DateTimeField("kết thúc", null=True, blank=True)
    place = models.CharField("địa điểm", max_length=300)
    chair = models.CharField("chủ trì", max_length=300, blank=True)
    target_group = models.CharField(
        "thành phần", max_length=300, blank=True, help_text="Ví dụ: cán bộ chủ chốt cấp tỉnh."
    )
    invited_count = models.PositiveIntegerField("số đại biểu được triệu tập", null=True, blank=True)
    attendance = models.PositiveIntegerField(
        "số người tham dự",
        null=True,
        blank=True,
        help_text="Khi có điểm cầu, con số này được tính tự động từ các điểm cầu.",
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
        normalize_text_fields(self)
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("resolutions:conference-detail", kwargs={"slug": self.slug})

    def clean(self):
        self.check_frozen_slug()
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": "Thời gian kết thúc phải sau thời gian bắt đầu."})
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "Hội nghị không thể là cấp trên của chính nó."})

    def update_attendance_from_sites(self):
        """Make the total attendance equal the sum over the connected sites, if any."""
        total = self.sites.aggregate(total=models.Sum("attendance"))["total"]
        if total is not None:
            type(self).objects.filter(pk=self.pk).update(attendance=total)
            self.attendance = total


class ConnectedSite(models.Model):
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


def conference_media_path(instance, filename):
    suffix = Path(filename).suffix.lower()[:10]
    return f"conferences/{uuid.uuid4().hex}{suffix}"


class ConferencePhoto(models.Model):
    """A photo of a conference, with its caption, shown in order."""

    conference = models.ForeignKey(
        Conference, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField("ảnh", upload_to=conference_media_path, max_length=200)
    caption = models.CharField("chú thích", max_length=300, blank=True)
    alt_text = models.CharField(
        "mô tả ảnh (alt)", max_length=200, help_text="Mô tả ngắn cho người khiếm thị."
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "ảnh hội nghị"
        verbose_name_plural = "ảnh hội nghị"

    def __str__(self):
        return self.caption or self.alt_text


class ConferenceFile(models.Model):
    """A speech, slide deck or report attached to a conference."""

    conference = models.ForeignKey(
        Conference, verbose_name="hội nghị", on_delete=models.CASCADE, related_name="files"
    )
    title = models.CharField("tên tệp", max_length=200, blank=True)
    file = models.FileField("tệp", upload_to=conference_media_path, max_length=200)
    original_name = models.CharField("tên gốc", max_length=255, editable=False, blank=True)
    size = models.PositiveBigIntegerField("dung lượng (byte)", default=0, editable=False)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "tệp hội nghị"
        verbose_name_plural = "tệp hội nghị"

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
