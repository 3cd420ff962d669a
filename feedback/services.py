"""The steps of handling a question, each a small service the admin (or a shell) calls.

Each step checks who is acting and the question as stored, re-read under a row lock, so
what the admin form shows or hides is convenience, not protection (docs/security.md §7).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from feedback.models import CLOSED_STATUSES, Question, QuestionStatus


def can_handle(user):
    return user.has_perm("feedback.handle_question")


def can_answer(user, question):
    """Handlers, and reporters of the unit the question is assigned to."""
    if can_handle(user):
        return True
    return question.unit_id is not None and question.unit.reporters.filter(pk=user.pk).exists()


def _locked(question):
    return Question.objects.select_for_update().get(pk=question.pk)


@transaction.atomic
def question_assign(*, question: Question, user, unit=None, committee=None) -> Question:
    """Give the question to one unit or committee: it is then đang xử lý."""
    if not can_handle(user):
        raise PermissionDenied("Chỉ người tiếp nhận được giao câu hỏi.")
    if bool(unit) == bool(committee):
        raise ValidationError("Chọn đúng một đơn vị hoặc một cấp ủy để giao.")
    question = _locked(question)
    if question.status in CLOSED_STATUSES:
        raise ValidationError("Câu hỏi đã kết thúc; mở lại trước khi giao.")
    question.unit, question.committee = unit, committee
    question.status = QuestionStatus.IN_PROGRESS
    question.assigned_at = timezone.now()
    question.save()
    return question


@transaction.atomic
def answer_submit(*, question: Question, user, answer: str) -> Question:
    """The assigned unit sends its answer for approval; it is not public yet."""
    question = _locked(question)
    if not can_answer(user, question):
        raise PermissionDenied("Câu hỏi này không được giao cho đơn vị của bạn.")
    if question.status != QuestionStatus.IN_PROGRESS:
        raise ValidationError("Chỉ trả lời được câu hỏi đang xử lý.")
    if not answer.strip():
        raise ValidationError("Câu trả lời đang trống.")
    question.answer = answer
    question.answer_submitted_at = timezone.now()
    question.answer_submitted_by = user
    question.save()
    return question


@transaction.atomic
def answer_approve(*, question: Question, user) -> Question:
    """A handler approves the unit's answer: đã trả lời, and public if the sender consented."""
    if not can_handle(user):
        raise PermissionDenied("Chỉ người tiếp nhận được duyệt câu trả lời.")
    question = _locked(question)
    if question.status != QuestionStatus.IN_PROGRESS or not question.answer.strip():
        raise ValidationError("Chưa có câu trả lời để duyệt.")
    if question.assignee is None:
        raise ValidationError("Câu hỏi chưa được giao cho đơn vị nào.")
    now = timezone.now()
    question.status = QuestionStatus.ANSWERED
    question.answered_at = now
    question.answer_approved_by = user
    question.closed_at = now
    question.save()
    return question


@transaction.atomic
def question_withhold(*, question: Question, user, reason: str) -> Question:
    """Close without publication; the reason stays internal."""
    if not can_handle(user):
        raise PermissionDenied("Chỉ người tiếp nhận được quyết định không công bố.")
    if not reason.strip():
        raise ValidationError("Ghi lý do không công bố (chỉ lưu nội bộ).")
    question = _locked(question)
    question.status = QuestionStatus.WITHHELD
    question.withheld_reason = reason
    question.closed_at = timezone.now()
    question.save()
    return question


@transaction.atomic
def question_reopen(*, question: Question, user) -> Question:
    """Take a closed question back into handling (an answer to correct): no longer public."""
    if not can_handle(user):
        raise PermissionDenied("Chỉ người tiếp nhận được mở lại câu hỏi.")
    question = _locked(question)
    question.status = (
        QuestionStatus.IN_PROGRESS if question.assignee is not None else QuestionStatus.RECEIVED
    )
    question.answered_at = question.answer_approved_by = question.closed_at = None
    question.save()
    return question


@transaction.atomic
def contacts_delete(*, now=None) -> int:
    """Erase the contact details of questions closed longer ago than the retention period."""
    now = now or timezone.now()
    return Question.objects.contacts_expired(now).update(
        sender_name="", sender_phone="", sender_email="", contact_deleted_at=now
    )
