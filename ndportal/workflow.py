"""The editorial workflow shared by articles, documents and conferences.

Draft → awaiting review → published, with return (back to the editor, with a
comment), unpublish and archive. Who may do what is decided here, on the server,
whatever a form shows: the admin form, the admin buttons and the bulk actions all
ask `refusal()` and apply changes with `apply_action()`.
"""

from dataclasses import dataclass

import reversion
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from ndportal.publishing import Publishable, Status
from ndportal.roles import publish_permission
from ndportal.scopes import scope_refusal


class TransitionRefused(Exception):
    """A workflow step the user may not take, with the reason in Vietnamese."""


@dataclass(frozen=True)
class Action:
    """A step of the workflow: from which states, to which state, and who may take it."""

    name: str
    label: str
    sources: frozenset
    target: str
    needs_publish: bool
    needs_note: bool = False


SUBMIT = Action("submit", "Gửi duyệt", frozenset({Status.DRAFT}), Status.REVIEW, False)
WITHDRAW = Action("withdraw", "Rút về bản nháp", frozenset({Status.REVIEW}), Status.DRAFT, False)
PUBLISH = Action(
    "publish",
    "Xuất bản",
    frozenset({Status.DRAFT, Status.REVIEW, Status.ARCHIVED}),
    Status.PUBLISHED,
    True,
)
RETURN = Action(
    "return", "Trả lại", frozenset({Status.REVIEW}), Status.DRAFT, True, needs_note=True
)
UNPUBLISH = Action(
    "unpublish",
    "Gỡ xuất bản",
    frozenset({Status.PUBLISHED, Status.ARCHIVED}),
    Status.DRAFT,
    True,
)
ARCHIVE = Action(
    "archive",
    "Lưu trữ",
    frozenset({Status.DRAFT, Status.REVIEW, Status.PUBLISHED}),
    Status.ARCHIVED,
    True,
)

ACTIONS = {
    action.name: action for action in (SUBMIT, WITHDRAW, PUBLISH, RETURN, UNPUBLISH, ARCHIVE)
}


def outcome_message(*, item: Publishable, action: Action) -> str:
    """What a step did, in the words an editor expects after pressing its button."""
    if action is PUBLISH and item.published_at and item.published_at > timezone.now():
        when = date_format(timezone.localtime(item.published_at), "SHORT_DATETIME_FORMAT")
        return f"Đã hẹn giờ: “{item}” sẽ tự hiện trên cổng lúc {when}."
    return {
        SUBMIT: f"Đã gửi duyệt “{item}”: mục này nằm trong hàng chờ của người duyệt.",
        WITHDRAW: f"Đã rút “{item}” về bản nháp.",
        PUBLISH: f"Đã xuất bản “{item}”: bạn đọc đã thấy trên cổng.",
        RETURN: f"Đã trả lại “{item}” cho người viết, kèm ý kiến của bạn.",
        UNPUBLISH: f"Đã gỡ “{item}” khỏi cổng; mục này trở về bản nháp.",
        ARCHIVE: f"Đã đưa “{item}” vào lưu trữ.",
    }[action]


def can_publish(user, model) -> bool:
    return user.has_perm(publish_permission(model))


def may_publish_item(user, item) -> bool:
    """True when the user may publish this item: the role's permission and their scope."""
    return can_publish(user, type(item)) and scope_refusal(user=user, item=item) is None


def edits_as_revision(user, item) -> bool:
    """True when the user's changes to this item are stored as a revision awaiting review.

    A published item changed by someone who may not publish it (an editor, an approver
    outside their scope) stays live and unchanged; the change waits in ndportal/revisions.py.
    """
    return (
        item is not None
        and item.pk is not None
        and item.status == Status.PUBLISHED
        and not may_publish_item(user, item)
    )


def action_for_status(source: str, target: str) -> Action | None:
    """The step a change of the status field stands for (never `return`: it needs a note)."""
    for action in (SUBMIT, WITHDRAW, PUBLISH, UNPUBLISH, ARCHIVE):
        if source in action.sources and action.target == target:
            return action
    return None


def refusal(
    *, user, item: Publishable, action: Action, note: str = "", check_content: bool = True
) -> str | None:
    """Why `user` may not take `action` on `item` as stored, or None when allowed.

    With check_content=False only the user's rights and the item's state are checked
    (the admin checks the content of the form it is about to save separately).
    """
    status_label = Status(item.status).label.lower()
    if action.needs_publish and not can_publish(user, type(item)):
        return (
            f"Bạn không có quyền “{action.label.lower()}”: "
            "chỉ người duyệt mới xuất bản, gỡ xuất bản, lưu trữ hoặc trả lại bài."
        )
    if action.needs_publish:
        reason = scope_refusal(user=user, item=item)
        if reason:
            return reason
    if not user.has_perm(f"{item._meta.app_label}.change_{item._meta.model_name}"):
        return "Bạn không có quyền sửa mục này."
    if item.status not in action.sources:
        return f"Không thể “{action.label.lower()}” một mục đang ở trạng thái “{status_label}”."
    if action.needs_note and not note.strip():
        return "Hãy ghi rõ lý do trả lại để biên tập viên biết cần sửa gì."
    if action is PUBLISH and check_content:
        return content_refusal(item)
    return None


def content_refusal(item: Publishable) -> str | None:
    """Why the item's content cannot go public yet, or None."""
    problems = item.publication_problems()
    if problems:
        return "Chưa xuất bản được: " + "; ".join(problems)
    return None


def available_actions(*, user, item: Publishable) -> list[Action]:
    """The buttons to show on a change page: the actions the user may take from here."""
    return [
        action
        for action in (SUBMIT, PUBLISH, RETURN, UNPUBLISH, ARCHIVE)
        if item.status in action.sources
        and refusal(user=user, item=item, action=action, note="-", check_content=False) is None
    ]


def apply_action(*, item: Publishable, action: Action, user, note: str = "") -> None:
    """Change the item's workflow fields for `action`; the caller saves it."""
    item.status = action.target
    item.updated_by = user
    if action is RETURN:
        item.review_note = note.strip()
        item.returned_by = user
        item.returned_at = timezone.now()
    elif action in (SUBMIT, PUBLISH):
        item.review_note = ""
        item.returned_by = None
        item.returned_at = None


@transaction.atomic
def _take(*, item: Publishable, user, action: Action, note: str = "") -> Publishable:
    # Re-read under a row lock: the decision is taken on the stored state, not on
    # whatever copy the caller holds.
    item = type(item)._default_manager.select_for_update().get(pk=item.pk)
    reason = refusal(user=user, item=item, action=action, note=note)
    if reason:
        raise TransitionRefused(reason)
    apply_action(item=item, action=action, user=user, note=note)
    with reversion.create_revision():
        item.save()
        reversion.set_user(user)
        reversion.set_comment(action.label + (f": {note.strip()}" if note.strip() else ""))
    return item


def item_submit(*, item: Publishable, user) -> Publishable:
    return _take(item=item, user=user, action=SUBMIT)


def item_publish(*, item: Publishable, user) -> Publishable:
    return _take(item=item, user=user, action=PUBLISH)


def item_unpublish(*, item: Publishable, user) -> Publishable:
    return _take(item=item, user=user, action=UNPUBLISH)


def item_archive(*, item: Publishable, user) -> Publishable:
    return _take(item=item, user=user, action=ARCHIVE)
