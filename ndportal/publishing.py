"""Publication state shared by articles, documents and conferences: one mechanism, not three.

An item is public when its status is published and its publication time has come.
`published()` is evaluated per request, so a scheduled item appears by itself at
its time without a cron job.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from ndportal.alt_text import alt_text_problems
from ndportal.models import NormalizedTextModel
from ndportal.search.models import Indexed

# Largest value of a PositiveIntegerField on every supported database.
VERSION_LIMIT = 2_147_483_647


class Status(models.TextChoices):
    DRAFT = "draft", "Bản nháp"
    REVIEW = "review", "Chờ duyệt"
    PUBLISHED = "published", "Đã xuất bản"
    ARCHIVED = "archived", "Lưu trữ"


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Items anonymous readers may see: published, with a publication time not in the future."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def scheduled(self):
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())

    def awaiting_review(self):
        return self.filter(status=Status.REVIEW)

    def returned(self):
        """Drafts an approver sent back to their editor, with a comment."""
        return self.filter(status=Status.DRAFT, returned_at__isnull=False)


class Publishable(NormalizedTextModel, Indexed):
    """Abstract base: status, publication time, who created and last changed the item."""

    status = models.CharField(
        "trạng thái", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        "thời điểm xuất bản",
        null=True,
        blank=True,
        db_index=True,
        help_text="Để trống thì lấy thời điểm xuất bản. Chọn một thời điểm trong tương lai "
        "để hẹn giờ: bài tự hiện ra đúng lúc đó.",
    )
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lần cuối", auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tạo",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người sửa cuối",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    review_note = models.TextField(
        "ý kiến người duyệt",
        blank=True,
        help_text="Khi trả lại, người duyệt ghi rõ cần sửa gì; biên tập viên thấy ý kiến này.",
    )
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người trả lại",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    returned_at = models.DateTimeField("thời điểm trả lại", null=True, blank=True, editable=False)
    # Optimistic locking: every save gives the row a new value; the admin refuses a form
    # loaded with an older one, so a second editor never silently overwrites the first.
    # A fresh random value rather than a counter: restoring an old version from history
    # writes back that version's number, which a counter would then hand out again.
    version = models.PositiveIntegerField("phiên bản", default=0, editable=False)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        previous = self.version
        while self.version == previous:
            self.version = secrets.randbelow(VERSION_LIMIT) + 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)

    @property
    def is_returned(self):
        """True when an approver sent this item back to its editor and it is not resubmitted."""
        return self.status == Status.DRAFT and self.returned_at is not None

    def publication_problems(self):
        """Reasons this item cannot be published yet, as messages for the editor.

        The workflow refuses to publish while this list is not empty; models extend it
        (for example: images without alt text).
        """
        return alt_text_problems(self)

    @property
    def is_public(self):
        """True when anonymous readers can see this item now."""
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def was_published(self):
        """True when the stored row has been published (its slug and URL are then frozen)."""
        if self.pk is None:
            return False
        stored = type(self)._default_manager.filter(pk=self.pk).values("status").first()
        return bool(stored) and stored["status"] in {Status.PUBLISHED, Status.ARCHIVED}

    def check_frozen_slug(self, field_name="slug"):
        """Refuse a slug change once the item has been published: its URL is public."""
        if not self.was_published():
            return
        stored = type(self)._default_manager.filter(pk=self.pk).values_list(field_name, flat=True)
        if stored and stored[0] != getattr(self, field_name):
            raise ValidationError(
                {
                    field_name: "Đường dẫn của mục đã xuất bản không được đổi, "
                    "để liên kết cũ không hỏng."
                }
            )
