"""Citizens' feedback and questions (góp ý, hỏi đáp), their handling and published answers.

A question is received (đã tiếp nhận), assigned to a responsible unit or a committee
(đang xử lý), answered by that unit and approved by a handler (đã trả lời), or closed
without publication (không công bố) with a reason kept internal. Only an approved answer
to a question whose sender agreed to publication is ever public (`published()`).

The sender's contact details (name, phone, e-mail) are personal data (Decree 13/2023):
shown only in the admin to the people handling the item, never in a public template,
search column or history version, and erased a retention period after closing
(`manage.py delete_feedback_contacts`).
"""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinLengthValidator, RegexValidator
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone

from ndportal.models import NormalizedTextModel
from ndportal.search.models import Indexed, SearchSource

# No 0/O, 1/I/L: a code read over the phone or copied by hand cannot be misread.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_PREFIX = "GY-"
CODE_LENGTH = 6  # 31**6, about 887 million codes: not guessable at the lookup's rate limit
MESSAGE_MAX_LENGTH = 4000
MESSAGE_MIN_LENGTH = 20


def new_code():
    return CODE_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Kind(models.TextChoices):
    QUESTION = "question", "Câu hỏi"
    FEEDBACK = "feedback", "Góp ý"


class QuestionStatus(models.TextChoices):
    RECEIVED = "received", "Đã tiếp nhận"
    IN_PROGRESS = "in_progress", "Đang xử lý"
    ANSWERED = "answered", "Đã trả lời"
    WITHHELD = "withheld", "Không công bố"


CLOSED_STATUSES = (QuestionStatus.ANSWERED, QuestionStatus.WITHHELD)


class QuestionQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: an approved answer, and the sender agreed to publication."""
        return self.filter(
            status=QuestionStatus.ANSWERED,
            consent_to_publish=True,
            answered_at__lte=timezone.now(),
        )

    def awaiting_assignment(self):
        return self.filter(status=QuestionStatus.RECEIVED)

    def awaiting_approval(self):
        """Answers a unit has written and a handler has not yet approved."""
        return self.filter(status=QuestionStatus.IN_PROGRESS, answer_submitted_at__isnull=False)

    def for_user(self, user):
        """Everything for a handler; for a unit's reporter, only what is assigned to their units."""
        if user.has_perm("feedback.handle_question"):
            return self
        from targets.models import ResponsibleUnit

        return self.filter(unit__in=ResponsibleUnit.for_user(user))

    def contacts_expired(self, now=None):
        """Closed longer ago than the retention period, contact details still stored."""
        now = now or timezone.now()
        limit = now - datetime.timedelta(days=settings.FEEDBACK_CONTACT_RETENTION_DAYS)
        return self.filter(closed_at__lt=limit).exclude(
            sender_name="", sender_phone="", sender_email=""
        )


class Question(NormalizedTextModel, Indexed):
    """A question or a piece of feedback a reader sent about a resolution or a conference."""

    code = models.CharField("mã tra cứu", max_length=12, unique=True, editable=False)
    kind = models.CharField("loại", max_length=20, choices=Kind.choices, default=Kind.QUESTION)
    subject = models.CharField("tiêu đề", max_length=200)
    message = models.TextField(
        "nội dung",
        validators=[MinLengthValidator(MESSAGE_MIN_LENGTH), MaxLengthValidator(MESSAGE_MAX_LENGTH)],
        help_text="Nội dung bạn đọc gửi. Người tiếp nhận có thể biên tập (bỏ thông tin cá nhân, "
        "lời lẽ không phù hợp) trước khi công bố; bản gốc còn trong lịch sử.",
    )
    # Related item: a nullable foreign key per kind of page that carries the form (simpler
    # than a generic relation, and filterable and joinable). A target or programme is one
    # more field here and one more line in feedback/related.py.
    document = models.ForeignKey(
        "resolutions.Document",
        verbose_name="văn bản liên quan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    conference = models.ForeignKey(
        "resolutions.Conference",
        verbose_name="hội nghị liên quan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    consent_to_publish = models.BooleanField(
        "đồng ý công bố",
        default=False,
        help_text="Người gửi đồng ý công bố câu hỏi (không kèm liên hệ) cùng câu trả lời.",
    )
    # Personal data: never shown publicly, excluded from history, erased after retention.
    sender_name = models.CharField("họ tên người gửi", max_length=100, blank=True)
    sender_phone = models.CharField(
        "điện thoại",
        max_length=20,
        blank=True,
        validators=[RegexValidator(r"^\+?[0-9 .()-]{8,20}$", "Số điện thoại không hợp lệ.")],
    )
    sender_email = models.EmailField("thư điện tử", blank=True)
    contact_deleted_at = models.DateTimeField(
        "đã xóa thông tin liên hệ lúc", null=True, blank=True, editable=False
    )

    status = models.CharField(
        "trạng thái",
        max_length=20,
        choices=QuestionStatus.choices,
        default=QuestionStatus.RECEIVED,
        db_index=True,
    )
    unit = models.ForeignKey(
        "targets.ResponsibleUnit",
        verbose_name="đơn vị trả lời",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
        help_text="Đơn vị chủ trì được giao trả lời. Chọn đơn vị hoặc cấp ủy, không chọn cả hai.",
    )
    committee = models.ForeignKey(
        "resolutions.Committee",
        verbose_name="cấp ủy trả lời",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
    )
    withheld_reason = models.TextField(
        "lý do không công bố",
        blank=True,
        help_text="Chỉ lưu nội bộ, không bao giờ hiện trên cổng hay cho người gửi.",
    )
    answer = models.TextField(
        "câu trả lời",
        blank=True,
        validators=[MaxLengthValidator(10000)],
        help_text="Đơn vị được giao viết câu trả lời; câu trả lời chỉ công bố sau khi được duyệt.",
    )
    answer_submitted_at = models.DateTimeField(
        "đơn vị gửi câu trả lời lúc", null=True, blank=True, editable=False
    )
    answer_submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người viết câu trả lời",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField("ngày trả lời", null=True, blank=True, editable=False)
    answer_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt câu trả lời",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    days_to_answer = models.PositiveIntegerField(
        "số ngày trả lời", null=True, blank=True, editable=False
    )
    received_at = models.DateTimeField("ngày tiếp nhận", default=timezone.now, db_index=True)
    assigned_at = models.DateTimeField("ngày giao", null=True, blank=True, editable=False)
    closed_at = models.DateTimeField("ngày kết thúc", null=True, blank=True, editable=False)
    updated_at = models.DateTimeField("cập nhật lần cuối", auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = "câu hỏi, góp ý"
        verbose_name_plural = "câu hỏi, góp ý"
        permissions = [
            ("handle_question", "Có thể tiếp nhận, giao, duyệt và công bố câu hỏi, góp ý"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(unit__isnull=True) | models.Q(committee__isnull=True),
                name="question_one_assignee",
                violation_error_message="Chỉ giao cho một đơn vị hoặc một cấp ủy.",
            ),
        ]
        indexes = [models.Index(fields=["status", "-answered_at"], name="question_public_idx")]

    def __str__(self):
        # The code and subject only: this string goes into history and log entries.
        return f"{self.code}: {self.subject}"

    def save(self, *args, **kwargs):
        if self.answered_at and self.received_at:
            self.days_to_answer = max((self.answered_at - self.received_at).days, 0)
        else:
            self.days_to_answer = None
        if self.code or kwargs.get("update_fields") is not None:
            return super().save(*args, **kwargs)
        # A fresh code until one is free (a clash is about one in a billion per try).
        for _ in range(5):
            self.code = new_code()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not Question.objects.filter(code=self.code).exists():
                    raise
        raise IntegrityError("No free reference code after 5 tries.")

    def get_absolute_url(self):
        return reverse("feedback:question-detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.unit_id and self.committee_id:
            raise ValidationError(
                {"committee": "Chỉ giao cho một đơn vị hoặc một cấp ủy, không chọn cả hai."}
            )
        if self.document_id and self.conference_id:
            raise ValidationError(
                {"conference": "Chọn một văn bản hoặc một hội nghị liên quan, không chọn cả hai."}
            )

    def search_source(self):
        # Only what a published question shows; never a contact detail or an internal reason.
        return SearchSource(title=[self.subject], summary=[self.message], body=[self.answer])

    @property
    def is_public(self):
        return (
            self.status == QuestionStatus.ANSWERED
            and self.consent_to_publish
            and self.answered_at is not None
            and self.answered_at <= timezone.now()
        )

    @property
    def is_closed(self):
        return self.status in CLOSED_STATUSES

    @property
    def assignee(self):
        """The unit or committee that answers, or None."""
        return self.unit or self.committee

    @property
    def related(self):
        return self.document or self.conference

    @property
    def has_contact(self):
        return bool(self.sender_name or self.sender_phone or self.sender_email)
