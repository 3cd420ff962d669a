"""The editors' desk on the admin index: what awaits review, what is scheduled, what came back."""

from django import template
from django.urls import reverse

from ndportal.revisions import Revision, RevisionStatus
from ndportal.roles import publishable_models
from ndportal.scopes import within_scope
from ndportal.workflow import can_publish

register = template.Library()

LIST_LIMIT = 10


def _changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def _change(item):
    return reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])


def _revision(item):
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_pending_revision", args=[item.pk])


def _revision_rows(user, model, items, approver):
    """Pending revisions of `model` for this user: (awaiting review, scheduled, returned)."""
    pending = Revision.objects.for_model(model).select_related("author", "reviewed_by")
    by_item = {revision.object_id: revision for revision in pending}
    if not by_item:
        return [], [], []
    live = items.filter(pk__in=by_item)
    if approver:
        live = within_scope(user, live)
    awaiting, scheduled, returned = [], [], []
    for item in live:
        revision = by_item[item.pk]
        row = {"kind": item._meta.verbose_name, "item": item, "revision": revision}
        row["url"] = _revision(item)
        if revision.status == RevisionStatus.REVIEW and approver:
            awaiting.append(row)
        elif revision.status == RevisionStatus.SCHEDULED:
            scheduled.append(row)
        elif revision.status == RevisionStatus.RETURNED and revision.author_id == user.pk:
            returned.append(row)
    return awaiting, scheduled, returned


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
    revisions = {"awaiting": [], "scheduled": [], "returned": []}
    for model in models:
        # Titles read required relations (a document's type): fetch them with the rows.
        required = [f.name for f in model._meta.concrete_fields if f.many_to_one and not f.null]
        items = model._default_manager.select_related(*required)
        approver = can_publish(user, model)
        # Each approver sees what they may approve: their sections only (ndportal/scopes.py).
        to_review = (
            within_scope(user, items.awaiting_review()) if approver else items.awaiting_review()
        )
        pending = _revision_rows(user, model, items, approver)
        for key, rows in zip(("awaiting", "scheduled", "returned"), pending, strict=True):
            revisions[key].extend(rows)
        changelist = _changelist(model)
        counts.append(
            {
                "name": model._meta.verbose_name_plural,
                "awaiting": to_review.count(),
                "revisions": len(pending[0]) if approver else None,
                "awaiting_url": f"{changelist}?status__exact=review",
                "scheduled": items.scheduled().count(),
                "scheduled_url": f"{changelist}?quy-trinh=scheduled",
            }
        )
        kind = model._meta.verbose_name
        if approver:
            for item in to_review.select_related("updated_by")[:LIST_LIMIT]:
                awaiting.append({"kind": kind, "item": item, "url": _change(item)})
        for item in items.scheduled().order_by("published_at")[:LIST_LIMIT]:
            scheduled.append({"kind": kind, "item": item, "url": _change(item)})
        mine = items.returned().filter(created_by=user)
        for item in mine.select_related("returned_by")[:LIST_LIMIT]:
            returned.append({"kind": kind, "item": item, "url": _change(item)})
    awaiting.sort(key=lambda row: row["item"].updated_at)
    scheduled.sort(key=lambda row: row["item"].published_at)
    revisions["awaiting"].sort(
        key=lambda row: row["revision"].submitted_at or row["revision"].updated_at
    )
    revisions["scheduled"].sort(key=lambda row: row["revision"].publish_at)
    return {
        "revisions": revisions,
        "counts": counts,
        "awaiting": awaiting[:LIST_LIMIT],
        "scheduled": scheduled[:LIST_LIMIT],
        "returned": returned,
        "is_approver": any(can_publish(user, model) for model in models),
    }
