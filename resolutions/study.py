"""Writes around committees' study results: recording one, approving, campaigns and reminders.

The admin, the spreadsheet import and the reminder command call these, so a result is
approved (or not) by the same rule whichever way it arrives.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from resolutions.models import Committee, StudyCampaign, StudyResult

APPROVE_RESULT = "resolutions.approve_studyresult"


def study_result_record(*, result: StudyResult, user, approve: bool = False) -> StudyResult:
    """Save a result entered by `user`: approved when they may approve and ask to, or when
    results are set to be public at once (NDPORTAL_STUDY_RESULTS_PUBLIC_AT_ONCE).

    A result edited by someone who may not approve goes back to review, like the
    conference report: the approved figures were not the ones now stored.
    """
    may_approve = user.has_perm(APPROVE_RESULT)
    if settings.STUDY_RESULTS_PUBLIC_AT_ONCE:
        approve = True
    elif not may_approve:
        approve = False
    # Judged on the stored row: a form has already copied its checkbox onto `result`.
    was_approved = bool(
        result.pk and StudyResult.objects.filter(pk=result.pk, is_approved=True).exists()
    )
    if approve and not was_approved:
        result.approved_by = user
        result.approved_at = None
    result.is_approved = approve
    if result.pk is None:
        result.reported_by = user
    else:
        result.reported_at = timezone.now()
    result.save()
    return result


@transaction.atomic
def study_results_approve(*, results, user) -> int:
    """Approve the given results; only for users with the approve permission."""
    if not user.has_perm(APPROVE_RESULT):
        return 0
    count = 0
    for result in results.select_for_update().filter(is_approved=False):
        result.is_approved = True
        result.approved_by = user
        result.save()
        count += 1
    return count


@dataclass
class CommitteeStatus:
    """Where one committee stands in a campaign: which documents it has not reported."""

    committee: Committee
    missing: list = field(default_factory=list)
    late: list = field(default_factory=list)
    overdue: bool = False

    @property
    def label(self):
        if self.missing and self.overdue:
            return "Quá hạn, chưa báo cáo"
        if self.missing:
            return "Chưa báo cáo"
        if self.late:
            return "Báo cáo muộn"
        return "Đã báo cáo"


def campaign_status(campaign: StudyCampaign, today=None) -> list[CommitteeStatus]:
    """Every committee that must report, overdue ones first, then not yet reported, then
    those that reported late; on time last. Three queries whatever the tree's size."""
    today = today or timezone.localdate()
    documents = list(campaign.documents.order_by("issued_on", "number"))
    committees = list(
        Committee.objects.filter(term=campaign.term_id, level__in=campaign.levels).select_related(
            "parent"
        )
    )
    reported = {
        (row["committee"], row["document"]): row["reported_at"]
        for row in StudyResult.objects.filter(
            committee__term=campaign.term_id,
            committee__level__in=campaign.levels,
            document__in=documents,
        ).values("committee", "document", "reported_at")
    }
    overdue = campaign.is_overdue(today)
    statuses = []
    for committee in committees:
        status = CommitteeStatus(committee=committee, overdue=overdue)
        for document in documents:
            when = reported.get((committee.pk, document.pk))
            if when is None:
                status.missing.append(document)
            elif timezone.localdate(when) > campaign.deadline:
                status.late.append(document)
        statuses.append(status)

    def order(status):
        group = 0 if status.missing and status.overdue else 1 if status.missing else 2
        if group == 2 and not status.late:
            group = 3
        return (group, -len(status.missing), status.committee.sort_key)

    return sorted(statuses, key=order)


def reminder_recipients(statuses) -> dict:
    """{user: [statuses]} of the reporters to remind: each committee's own reporters and
    those of a committee above it who report for their whole subtree."""
    from resolutions.models import CommitteeReporter

    reporters = list(CommitteeReporter.objects.select_related("user", "committee"))
    parents = dict(Committee.objects.values_list("pk", "parent"))
    by_committee = {}
    for reporter in reporters:
        by_committee.setdefault(reporter.committee_id, []).append(reporter)
    recipients = {}
    for status in statuses:
        if not status.missing:
            continue
        node, own = status.committee.pk, True
        seen = set()
        while node is not None and node not in seen:
            seen.add(node)
            for reporter in by_committee.get(node, []):
                if (own or reporter.includes_subtree) and reporter.user.email:
                    if reporter.user.is_active:
                        recipients.setdefault(reporter.user, []).append(status)
            node, own = parents.get(node), False
    return recipients


def campaign_send_reminders(*, campaign: StudyCampaign, today=None) -> int:
    """E-mail each reporter whose committees have not reported; returns the e-mails sent."""
    statuses = campaign_status(campaign, today=today)
    deadline = date_format(campaign.deadline, "d/m/Y")
    sent = 0
    for user, pending in reminder_recipients(statuses).items():
        lines = [
            f"- {status.committee}: " + ", ".join(doc.number for doc in status.missing)
            for status in pending
        ]
        body = (
            f"Kính gửi đồng chí {user.get_full_name() or user.username},\n\n"
            f"Đợt “{campaign}” có hạn báo cáo ngày {deadline}. "
            "Các tổ chức đảng sau chưa báo cáo kết quả học tập, quán triệt:\n"
            + "\n".join(lines)
            + "\n\nĐề nghị đồng chí nhập kết quả trên trang quản trị của cổng thông tin."
        )
        overdue = " (đã quá hạn)" if campaign.is_overdue(today) else ""
        sent += send_mail(
            f"Nhắc báo cáo kết quả học tập: {campaign}{overdue}",
            body,
            None,
            [user.email],
        )
    campaign.last_reminded_at = timezone.now()
    campaign.save(update_fields=["last_reminded_at"])
    return sent
