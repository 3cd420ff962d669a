"""Who may report on a target, and the writes that cross models: reporting and approving.

The rule is stated once here and called from every path: the admin's forms, its bulk
action, and the spreadsheet import (docs/security.md §7: permissions are checked on the server).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from targets.models import ResponsibleUnit, Target, TargetReport

APPROVE_REPORT = "targets.approve_targetreport"
APPROVE_MILESTONE = "targets.approve_milestone"


def may_manage_all(user) -> bool:
    """Approvers and administrators act for every unit; a reporting unit only for its own."""
    return user.is_superuser or user.has_perm(APPROVE_REPORT)


def reportable_targets(user):
    """The targets `user` may report values on."""
    if may_manage_all(user):
        return Target.objects.all()
    return Target.objects.filter(unit__in=ResponsibleUnit.for_user(user))


def reportable_units(user):
    if may_manage_all(user):
        return ResponsibleUnit.objects.all()
    return ResponsibleUnit.for_user(user)


def may_report_on(user, target) -> bool:
    return reportable_targets(user).filter(pk=target.pk).exists()


def report_submit(
    *,
    user,
    target: Target,
    period: str,
    year: int,
    value,
    reported_on=None,
    source_document=None,
    note: str = "",
) -> TargetReport:
    """Record a value; an earlier report of the same period is superseded, never changed."""
    if not may_report_on(user, target):
        raise PermissionDenied(f"Tài khoản không được báo cáo chỉ tiêu “{target}”.")
    report = TargetReport(
        target=target,
        period=period,
        year=year,
        value=value,
        reported_on=reported_on or timezone.localdate(),
        source_document=source_document,
        note=note,
        reporter=user,
    )
    report.supersedes = report.previous()
    report.full_clean()
    report.save()
    return report


@transaction.atomic
def reports_approve(*, user, reports) -> tuple[int, int]:
    """Approve the reports `user` may approve; returns (approved, refused)."""
    if not user.has_perm(APPROVE_REPORT):
        return 0, len(reports)
    approved = 0
    for report in reports:
        if not report.is_approved:
            report.is_approved = True
            report.approved_by = user
            report.save()
            approved += 1
    return approved, 0
