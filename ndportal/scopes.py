"""Approvers by section: an approver may be limited to some news categories and to the
documents of some issuing bodies.

An approver without a scope approves everything their role allows. A scope limits only
the kinds it lists: choosing categories limits articles, choosing issuing bodies limits
documents; conferences and pages stay with every approver. The workflow asks
`scope_refusal()` (ndportal/workflow.py) for every publishing step, on the item as stored
and, for a form or a revision, as it will be saved, so moving an article into one's own
category does not widen the scope.
"""

from django.conf import settings
from django.db import models

from ndportal.models import NormalizedTextModel

# model label → (the item's field naming its section, the scope's field listing sections)
SECTIONS = {
    "news.article": ("category", "categories"),
    "resolutions.document": ("issuing_body", "issuing_bodies"),
}


class ApproverScope(NormalizedTextModel):
    """The sections one approver may publish (phạm vi duyệt)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="người duyệt",
        on_delete=models.CASCADE,
        related_name="approver_scope",
    )
    categories = models.ManyToManyField(
        "news.Category",
        verbose_name="chuyên mục tin được duyệt",
        blank=True,
        related_name="+",
        help_text="Để trống: duyệt mọi chuyên mục. Chọn một vài: chỉ duyệt bài của các "
        "chuyên mục đó.",
    )
    issuing_bodies = models.ManyToManyField(
        "resolutions.IssuingBody",
        verbose_name="cơ quan ban hành được duyệt",
        blank=True,
        related_name="+",
        help_text="Để trống: duyệt văn bản của mọi cơ quan. Chọn một vài: chỉ duyệt văn bản "
        "của các cơ quan đó.",
    )

    class Meta:
        verbose_name = "phạm vi duyệt"
        verbose_name_plural = "phạm vi duyệt"

    def __str__(self):
        return f"Phạm vi duyệt của {self.user.get_full_name() or self.user.get_username()}"


def allowed_sections(user, model):
    """The pks of the sections of `model` the user may approve, or None for no limit."""
    section = SECTIONS.get(model._meta.label_lower)
    if section is None or not getattr(user, "pk", None):
        return None
    cache = user.__dict__.setdefault("_approver_sections", {})
    if model._meta.label_lower not in cache:
        scope = ApproverScope.objects.filter(user=user).first()
        pks = set(getattr(scope, section[1]).values_list("pk", flat=True)) if scope else set()
        cache[model._meta.label_lower] = pks or None
    return cache[model._meta.label_lower]


def scope_refusal(*, user, item) -> str | None:
    """Why `user` may not approve `item` (outside their sections), or None."""
    allowed = allowed_sections(user, type(item))
    if allowed is None:
        return None
    field = SECTIONS[item._meta.label_lower][0]
    if getattr(item, f"{field}_id") in allowed:
        return None
    section = getattr(item, field) if getattr(item, f"{field}_id") else "(chưa chọn)"
    label = item._meta.get_field(field).verbose_name
    return (
        f"Bạn chỉ được duyệt trong phạm vi được giao: {label} “{section}” không thuộc phạm vi "
        "duyệt của bạn. Hãy nhờ người duyệt phụ trách."
    )


def within_scope(user, queryset):
    """The rows of `queryset` the user may approve."""
    allowed = allowed_sections(user, queryset.model)
    if allowed is None:
        return queryset
    field = SECTIONS[queryset.model._meta.label_lower][0]
    return queryset.filter(**{f"{field}__in": allowed})
