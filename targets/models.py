"""Following resolutions through: the units responsible for carrying them out.

A responsible unit (đơn vị chủ trì: a department, a district committee, the
provincial People's Committee...) is who a target belongs to and who reports its
figures; citizens' questions are assigned to units too. Users tied to a unit (its
reporters) may act for that unit only.
"""

from django.conf import settings
from django.db import models

from ndportal.models import NormalizedTextModel
from ndportal.text import fold


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
