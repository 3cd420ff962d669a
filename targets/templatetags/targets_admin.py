"""The admin index's queue of target reports and milestones waiting for approval."""

from django import template
from django.urls import reverse

from targets import services
from targets.models import Milestone, TargetReport

register = template.Library()

LIST_LIMIT = 10


@register.inclusion_tag("admin/targets/review_queue.html", takes_context=True)
def target_review_queue(context):
    user = context["request"].user
    if not user.has_perm("targets.view_targetreport"):
        return {"show": False}
    units = services.reportable_units(user)
    reports = TargetReport.objects.awaiting_approval().filter(target__unit__in=units)
    milestones = Milestone.objects.filter(is_approved=False, unit__in=units)
    changelist = reverse("admin:targets_targetreport_changelist")
    return {
        "show": True,
        "may_approve": user.has_perm(services.APPROVE_REPORT),
        "reports_count": reports.count(),
        "reports_url": f"{changelist}?is_approved__exact=0",
        "milestones_count": milestones.count(),
        "milestones_url": f"{reverse('admin:targets_milestone_changelist')}?is_approved__exact=0",
        "reports": reports.select_related("target", "reporter").order_by("created_at")[:LIST_LIMIT],
        "import_url": reverse("admin:targets_targetreport_import"),
    }
