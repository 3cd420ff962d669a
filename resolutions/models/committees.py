"""Party committees: the tree of each term, its reporters, and the older per-level counts.

The tree belongs to a term (docs in README "Committee tree"): a committee row is one
committee in one term, with its level, its parent in the same term and its number of
party members. Khóa XX has district committees; khóa XXI (after July 2025) has none, so
the levels of a term are simply those its tree uses.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from ndportal.models import NormalizedTextModel
from ndportal.search.models import Searchable
from ndportal.text import fold
from resolutions.models.vocabularies import Term


class ConferenceLevel(models.TextChoices):
    PROVINCE = "province", "Cấp tỉnh"
    DISTRICT = "district", "Cấp huyện"
    COMMUNE = "commune", "Cấp xã"
    GRASSROOTS = "grassroots", "Cơ sở"
    CELL = "cell", "Chi bộ"


# Province first, Party cell last: a lower level has a higher rank.
LEVEL_RANK = {value: rank for rank, value in enumerate(ConferenceLevel.values)}


class CommitteeQuerySet(models.QuerySet):
    def in_term(self, term):
        return self.filter(term=term)

    def for_user(self, user):
        """The committees `user` may report for: all for staff who are not committee
        reporters; a reporter's own committee (and, by their setting, those under it)."""
        scope = reporter_scope(user)
        if scope is None:
            return self if user.is_active and user.is_staff else self.none()
        return self.filter(pk__in=scope)


def reporter_scope(user):
    """The ids of the committees a committee reporter may act for; None for other users.

    A member of the reporters' group not (yet) tied to a committee gets an empty scope,
    not the whole province.
    """
    reporter = reporter_of(user)
    if reporter is not None:
        return reporter.committee_ids()
    if getattr(user, "is_superuser", False) or not getattr(user, "is_authenticated", False):
        return None
    from ndportal.roles import ROLES

    if user.groups.filter(name=ROLES["committee_reporter"].group).exists():
        return set()
    return None


def reporter_of(user):
    """The user's committee-reporter record, or None (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return None
    if not hasattr(user, "_committee_reporter"):
        user._committee_reporter = (
            CommitteeReporter.objects.filter(user=user).select_related("committee").first()
        )
    return user._committee_reporter


class Committee(NormalizedTextModel, Searchable):
    """A Party committee or cell (Tỉnh ủy, Huyện ủy Hải Hậu, Chi bộ xóm 3) in one term."""

    name = models.CharField("tên cấp ủy", max_length=200)
    level = models.CharField("cấp", max_length=20, choices=ConferenceLevel.choices)
    term = models.ForeignKey(
        Term,
        verbose_name="nhiệm kỳ",
        null=True,
        on_delete=models.PROTECT,
        related_name="committees",
        help_text="Cây tổ chức đảng thuộc về một nhiệm kỳ: sau sắp xếp tháng 7/2025 không còn "
        "cấp huyện, nên cây khóa XXI là một cây mới.",
    )
    party_members = models.PositiveIntegerField(
        "số đảng viên",
        null=True,
        blank=True,
        help_text="Số đảng viên của tổ chức đảng trong nhiệm kỳ; mẫu số của tỷ lệ học tập.",
    )
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

    objects = CommitteeQuerySet.as_manager()

    class Meta:
        ordering = ["sort_key"]
        verbose_name = "cấp ủy"
        verbose_name_plural = "cấp ủy"
        indexes = [models.Index(fields=["term", "level"], name="committee_term_level")]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "name", "parent"],
                name="committee_unique_term_name_parent",
                violation_error_message="Đã có cấp ủy cùng tên thuộc cấp trên này.",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_key = fold(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("resolutions:committee-detail", kwargs={"pk": self.pk})

    def search_source(self):
        return [self.name, self.get_level_display()]

    def clean(self):
        if self.parent_id is None or not self.level:
            return
        if self.parent_id == self.pk:
            raise ValidationError({"parent": "Cấp ủy không thể là cấp trên của chính nó."})
        if LEVEL_RANK[self.parent.level] >= LEVEL_RANK[self.level]:
            raise ValidationError({"parent": "Cấp ủy cấp trên phải ở cấp cao hơn."})
        if self.parent.term_id != self.term_id:
            raise ValidationError({"parent": "Cấp ủy cấp trên phải thuộc cùng nhiệm kỳ."})

    def subtree_ids(self):
        """This committee's id and those of every committee under it (one query per level)."""
        ids, frontier = {self.pk}, [self.pk]
        for _ in ConferenceLevel.values:
            frontier = list(
                Committee.objects.filter(parent__in=frontier).values_list("pk", flat=True)
            )
            if not frontier:
                break
            ids.update(frontier)
        return ids


class CommitteeReporter(NormalizedTextModel):
    """A cadre who reports for one committee (cán bộ báo cáo của cấp ủy), and nothing else."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.CASCADE,
        related_name="committee_reporter",
    )
    committee = models.ForeignKey(
        Committee, verbose_name="cấp ủy", on_delete=models.CASCADE, related_name="reporters"
    )
    includes_subtree = models.BooleanField(
        "báo cáo thay cả các cấp ủy trực thuộc",
        default=False,
        help_text="Đánh dấu khi cán bộ này nhập kết quả cho cả các tổ chức đảng cấp dưới.",
    )

    class Meta:
        verbose_name = "cán bộ báo cáo của cấp ủy"
        verbose_name_plural = "cán bộ báo cáo của cấp ủy"

    def __str__(self):
        return f"{self.user}: {self.committee}"

    def committee_ids(self):
        if self.includes_subtree:
            return self.committee.subtree_ids()
        return {self.committee_id}


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
