"""Editorial roles and their permissions, defined once.

Each role is a Django group, created and kept in sync after every `migrate`
(`sync_roles`, connected in ndportal/apps.py). Adding a role, such as a reporting
unit that may only report its own figures, is one more entry in ROLES.
"""

import logging
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

logger = logging.getLogger(__name__)

# The kinds of content that go through review, and the records edited with them.
CONTENT = ("news.article", "resolutions.document", "resolutions.conference", "pages.page")
CHILD_RECORDS = (
    "news.articlephoto",
    "resolutions.documentfile",
    "resolutions.documentrelation",
    "resolutions.connectedsite",
    "resolutions.conferencephoto",
    "resolutions.conferencefile",
    "resolutions.agendaitem",
    "resolutions.conferencereport",
)
VOCABULARIES = (
    "news.category",
    "news.tag",
    "resolutions.documenttype",
    "resolutions.issuingbody",
    "resolutions.term",
    "resolutions.field",
    "resolutions.documentalias",
    "resolutions.committee",
    "resolutions.committeecount",
)

# Figures the site records by itself (news/reads.py): no role edits them.
STATISTICS = ("news.articlereads",)

ALL_PERMISSIONS = "__all__"


def model_permissions(models, *actions):
    """'app.model' labels and actions ('add', 'change'...) as 'app.action_model' strings."""
    result = []
    for label in models:
        app_label, model_name = label.split(".")
        result.extend(f"{app_label}.{action}_{model_name}" for action in actions)
    return tuple(result)


def publish_permission(model):
    """The custom permission that lets a user publish items of a publishable model."""
    return f"{model._meta.app_label}.publish_{model._meta.model_name}"


@dataclass(frozen=True)
class Role:
    """A group of users and what its members may do."""

    group: str
    description: str
    permissions: tuple[str, ...] | str


EDITOR_PERMISSIONS = (
    *model_permissions(CONTENT, "add", "change", "view"),
    *model_permissions(CHILD_RECORDS, "add", "change", "delete", "view"),
    *model_permissions(VOCABULARIES, "view"),
    "news.add_tag",
)

ROLES = {
    "editor": Role(
        group="Biên tập viên",
        description="Viết và sửa bản nháp, gửi duyệt. Không xuất bản được.",
        permissions=EDITOR_PERMISSIONS,
    ),
    "approver": Role(
        group="Người duyệt",
        description="Xuất bản, hẹn giờ, gỡ xuất bản, lưu trữ, trả lại bài kèm ý kiến.",
        permissions=(
            *EDITOR_PERMISSIONS,
            *model_permissions(CONTENT, "delete"),
            *(f"{app}.publish_{model}" for app, model in (m.split(".") for m in CONTENT)),
            *model_permissions(VOCABULARIES, "add", "change"),
            "resolutions.approve_conferencereport",
        ),
    ),
    "admin": Role(
        group="Quản trị",
        description="Tài khoản, phân quyền và mọi nội dung.",
        permissions=ALL_PERMISSIONS,
    ),
    # --- Citizens' questions (feedback/) ---------------------------------------------
    # Handlers receive, assign, approve and publish; a unit's reporters see and answer
    # only what is assigned to their unit (Question.objects.for_user, feedback/admin.py).
    "feedback_handler": Role(
        group="Tiếp nhận hỏi đáp",
        description="Tiếp nhận câu hỏi, góp ý; giao đơn vị trả lời; duyệt, công bố câu trả lời.",
        permissions=(
            *model_permissions(["feedback.question"], "add", "change", "view"),
            "feedback.handle_question",
            # Not documents or conferences: viewing those lets staff preview drafts.
            *model_permissions(["targets.responsibleunit", "resolutions.committee"], "view"),
        ),
    ),
    "feedback_unit": Role(
        group="Đơn vị trả lời hỏi đáp",
        description="Xem và trả lời câu hỏi, góp ý được giao cho đơn vị mình.",
        permissions=model_permissions(["feedback.question"], "change", "view"),
    ),
    # ---------------------------------------------------------------------------------
}

# Following resolutions through (targets/). Approvers define targets and approve the
# figures; a reporting unit reports values and milestones for its own units' targets
# only, a limit targets/services.py applies on every path (the role gives the models'
# permissions, the services narrow them to the user's units).
TARGET_RECORDS = ("targets.targetreport", "targets.milestone", "targets.milestonephoto")
TARGET_DEFINITIONS = ("targets.target", "targets.targetplan", "targets.responsibleunit")

# --- Committee reporters (cán bộ báo cáo của cấp ủy) and committees' study results ------
# Neither content, child record nor vocabulary: what committees report, the campaigns
# asking for it, and which account reports for which committee (administrators only).
STUDY_RECORDS = (
    "resolutions.studyresult",
    "resolutions.studycampaign",
    "resolutions.committeereporter",
)
# A reporter is tied to one committee (resolutions.CommitteeReporter); the admin narrows
# every list, form choice and action to that committee (resolutions/admin/committees.py).
# They record its conferences (draft, submit: an approver publishes) and its results.
ROLES["committee_reporter"] = Role(
    group="Cán bộ báo cáo của cấp ủy",
    description="Nhập hội nghị và kết quả học tập, quán triệt của cấp ủy mình; không thấy "
    "nội dung khác.",
    permissions=(
        *model_permissions(("resolutions.conference",), "add", "change", "view"),
        *model_permissions(
            (
                "resolutions.connectedsite",
                "resolutions.conferencephoto",
                "resolutions.conferencefile",
                "resolutions.agendaitem",
                "resolutions.conferencereport",
            ),
            "add",
            "change",
            "delete",
            "view",
        ),
        *model_permissions(("resolutions.studyresult",), "add", "change", "view"),
        *model_permissions(("resolutions.committee", "resolutions.term"), "view"),
    ),
)
# Approvers approve results, open campaigns and keep the tree (import included).
ROLES["approver"] = Role(
    group=ROLES["approver"].group,
    description=ROLES["approver"].description,
    permissions=(
        *ROLES["approver"].permissions,
        *model_permissions(TARGET_DEFINITIONS, "add", "change", "delete", "view"),
        *model_permissions((*TARGET_RECORDS, "targets.milestonefile"), "add", "change", "view"),
        *model_permissions(("targets.milestonephoto", "targets.milestonefile"), "delete"),
        "targets.approve_targetreport",
        "targets.approve_milestone",
        *model_permissions(("resolutions.studyresult",), "add", "change", "delete", "view"),
        *model_permissions(("resolutions.studycampaign",), "add", "change", "delete", "view"),
        "resolutions.approve_studyresult",
    ),
)
ROLES["reporting_unit"] = Role(
    group="Đơn vị báo cáo",
    description="Báo cáo số liệu và mốc thực hiện các chỉ tiêu của đơn vị mình; "
    "không sửa được chỉ tiêu hay nội dung khác.",
    permissions=(
        "targets.view_target",
        *model_permissions((*TARGET_RECORDS, "targets.milestonefile"), "add", "change", "view"),
        *model_permissions(("targets.milestonephoto", "targets.milestonefile"), "delete"),
    ),
)


def publishable_models():
    from ndportal.publishing import Publishable

    return [model for model in apps.get_models() if issubclass(model, Publishable)]


def ensure_publish_permissions():
    """Create the `publish_<model>` permission of every publishable model.

    Created here rather than in each model's Meta so that the three kinds share one
    definition, the same way they share one publication mechanism.
    """
    for model in publishable_models():
        content_type = ContentType.objects.get_for_model(model)
        Permission.objects.update_or_create(
            content_type=content_type,
            codename=f"publish_{model._meta.model_name}",
            defaults={"name": f"Có thể xuất bản {model._meta.verbose_name}"},
        )


def resolve_permissions(names):
    """Permission rows for 'app.codename' strings; unknown names are logged, not fatal."""
    found = []
    for name in names:
        app_label, codename = name.split(".")
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is None:
            logger.warning("Role permission %s does not exist (yet); skipped.", name)
        else:
            found.append(permission)
    return found


def sync_roles():
    """Create every role's group and make its permissions exactly those listed in ROLES."""
    ensure_publish_permissions()
    for role in ROLES.values():
        group, _ = Group.objects.get_or_create(name=role.group)
        if role.permissions == ALL_PERMISSIONS:
            group.permissions.set(Permission.objects.all())
        else:
            group.permissions.set(resolve_permissions(role.permissions))
