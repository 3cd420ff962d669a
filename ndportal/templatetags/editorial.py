"""The editors' desk on the admin index: what awaits review, what is scheduled, what came back."""

from django import template
from django.urls import reverse

from ndportal.roles import publishable_models
from ndportal.workflow import can_publish

register = template.Library()

LIST_LIMIT = 10


def _changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def _change(item):
    return reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])


@register.inclusion_tag("admin/ndportal/review_queue.html", takes_context=True)
def review_queue(context):
    user = context["request"].user
    if hasattr(user, "committee_reporter"):
        # A committee reporter sees their own committee's items in its lists; counts and
        # titles across the site would show other committees' drafts.
        return {"counts": [], "awaiting": [], "scheduled": [], "returned": []}
    models = [
        model
        for model in publishable_models()
        if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
    ]
    counts, awaiting, scheduled, returned = [], [], [], []
    for model in models:
        # Titles read required relations (a document's type): fetch them with the rows.
        required = [f.name for f in model._meta.concrete_fields if f.many_to_one and not f.null]
        items = model._default_manager.select_related(*required)
        changelist = _changelist(model)
        counts.append(
            {
                "name": model._meta.verbose_name_plural,
                "awaiting": items.awaiting_review().count(),
                "awaiting_url": f"{changelist}?status__exact=review",
                "scheduled": items.scheduled().count(),
                "scheduled_url": f"{changelist}?quy-trinh=scheduled",
            }
        )
        kind = model._meta.verbose_name
        if can_publish(user, model):
            for item in items.awaiting_review().select_related("updated_by")[:LIST_LIMIT]:
                awaiting.append({"kind": kind, "item": item, "url": _change(item)})
        for item in items.scheduled().order_by("published_at")[:LIST_LIMIT]:
            scheduled.append({"kind": kind, "item": item, "url": _change(item)})
        mine = items.returned().filter(created_by=user)
        for item in mine.select_related("returned_by")[:LIST_LIMIT]:
            returned.append({"kind": kind, "item": item, "url": _change(item)})
    awaiting.sort(key=lambda row: row["item"].updated_at)
    scheduled.sort(key=lambda row: row["item"].published_at)
    return {
        "counts": counts,
        "awaiting": awaiting[:LIST_LIMIT],
        "scheduled": scheduled[:LIST_LIMIT],
        "returned": returned,
        "is_approver": any(can_publish(user, model) for model in models),
    }
