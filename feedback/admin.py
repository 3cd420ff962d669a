"""The handling desk: a queue of new questions, assignment, the unit's answer, approval.

Who sees what is decided on the server on every path: the changelist, the change page,
history and revert, bulk actions and direct POSTs all start from
`Question.objects.for_user()`, and each step goes through feedback/services.py, which
checks the acting user again (docs/security.md §22).
"""

import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from reversion.admin import VersionAdmin

from feedback import services
from feedback.models import CLOSED_STATUSES, Question, QuestionStatus
from ndportal.admin import SearchTextAdminMixin
from resolutions.models import Conference, Document

CONTACT_FIELDS = ("sender_name", "sender_phone", "sender_email")

# Contact details are personal data with a retention period: history never copies them,
# so erasing them from the row erases them everywhere.
reversion.register(Question, exclude=CONTACT_FIELDS)

APPROVE, WITHHOLD, REOPEN = "approve", "withhold", "reopen"


class QueueFilter(admin.SimpleListFilter):
    title = "hàng chờ"
    parameter_name = "hang_cho"

    def lookups(self, request, model_admin):
        return [
            ("moi", "Mới nhận, chưa giao"),
            ("cho-duyet", "Câu trả lời chờ duyệt"),
            ("chua-tra-loi", "Đã giao, chưa có câu trả lời"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "moi":
            return queryset.awaiting_assignment()
        if self.value() == "cho-duyet":
            return queryset.awaiting_approval()
        if self.value() == "chua-tra-loi":
            return queryset.filter(
                status=QuestionStatus.IN_PROGRESS, answer_submitted_at__isnull=True
            )
        return queryset


class HandlerForm(forms.ModelForm):
    """A handler's form: moderation, assignment, the answer, and one decision."""

    decision = forms.ChoiceField(
        label="Quyết định",
        required=False,
        choices=[
            ("", "— Chỉ lưu —"),
            (APPROVE, "Duyệt câu trả lời (đã trả lời; công bố nếu người gửi đồng ý)"),
            (WITHHOLD, "Không công bố (ghi lý do nội bộ)"),
            (REOPEN, "Mở lại để xử lý tiếp"),
        ],
        help_text="Giao đơn vị: chọn đơn vị hoặc cấp ủy rồi lưu.",
    )

    def clean(self):
        cleaned = super().clean()
        stored = self.instance
        closed = stored.pk is not None and stored.status in CLOSED_STATUSES
        decision = cleaned.get("decision")
        unit, committee = cleaned.get("unit"), cleaned.get("committee")
        reassigned = {"unit", "committee"} & set(self.changed_data)
        if reassigned and closed and decision != REOPEN:
            raise ValidationError("Câu hỏi đã kết thúc: chọn “Mở lại” để giao lại.")
        if decision == APPROVE:
            if closed:
                raise ValidationError("Câu hỏi đã kết thúc; mở lại trước khi duyệt lại.")
            if not (unit or committee):
                raise ValidationError("Giao câu hỏi cho một đơn vị hoặc cấp ủy trước khi duyệt.")
            if not (cleaned.get("answer") or "").strip():
                raise ValidationError({"answer": "Chưa có câu trả lời để duyệt."})
        if decision == WITHHOLD and not (cleaned.get("withheld_reason") or "").strip():
            raise ValidationError({"withheld_reason": "Ghi lý do không công bố (chỉ lưu nội bộ)."})
        if decision == REOPEN and not closed:
            raise ValidationError("Chỉ mở lại được câu hỏi đã kết thúc.")
        return cleaned


class UnitForm(forms.ModelForm):
    """A unit reporter's form: the answer only (every other field is read-only)."""


@admin.register(Question)
class QuestionAdmin(SearchTextAdminMixin, VersionAdmin):
    list_display = (
        "code",
        "subject",
        "kind",
        "status",
        "assignee_column",
        "answer_state",
        "received_at",
    )
    list_display_links = ("code", "subject")
    list_filter = (
        QueueFilter,
        "status",
        "kind",
        ("unit", admin.RelatedOnlyFieldListFilter),
        "consent_to_publish",
        "received_at",
    )
    search_fields = ("code", "subject", "message")
    search_help_text = "Tìm theo mã tra cứu, tiêu đề hoặc nội dung."
    date_hierarchy = "received_at"
    list_select_related = ("unit", "committee")
    list_per_page = 50
    history_latest_first = True
    actions = ["approve_selected"]

    def view_on_site(self, obj):
        # Only a published question has a public page; the others would be a 404.
        return obj.get_absolute_url() if obj.is_public else None

    # --- Who sees what ------------------------------------------------------------

    def is_handler(self, request):
        return services.can_handle(request.user)

    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user)

    def in_scope(self, request, obj):
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_change_permission(self, request, obj=None):
        if obj is not None and not self.in_scope(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_view_permission(self, request, obj=None):
        if obj is not None and not self.in_scope(request, obj):
            return False
        return super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        # Questions received by letter or phone are entered by handlers, never by units.
        return self.is_handler(request) and super().has_add_permission(request)

    def has_handle_permission(self, request):
        return self.is_handler(request)

    def history_view(self, request, object_id, extra_context=None):
        # django-reversion's history view does not ask get_queryset(): a unit could read
        # the history of a question assigned to someone else.
        if self.get_object(request, unquote(object_id)) is None:
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Reverting writes every field back, before any permission check: handlers only.
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.is_handler(request):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    # --- The form -------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = HandlerForm if self.is_handler(request) else UnitForm
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        question = ("code", "kind", "subject", "message", ("document", "conference"))
        question += ("consent_to_publish", "received_at")
        contact = (*CONTACT_FIELDS, "contact_deleted_at")
        handling = ["status", ("unit", "committee"), "assigned_at", "withheld_reason"]
        answer = ["answer", ("answer_submitted_by", "answer_submitted_at")]
        answer += [("answer_approved_by", "answered_at"), "closed_at"]
        if self.is_handler(request):
            handling.append("decision")
        return (
            ("Câu hỏi, góp ý", {"fields": question}),
            (
                "Người gửi",
                {
                    "fields": contact,
                    "description": "Chỉ người xử lý câu hỏi được xem. Không bao giờ công bố; "
                    "tự xóa sau khi câu hỏi kết thúc một thời gian.",
                },
            ),
            ("Xử lý", {"fields": handling}),
            ("Trả lời", {"fields": answer}),
        )

    def get_readonly_fields(self, request, obj=None):
        always = [
            "code",
            "status",
            "assigned_at",
            "contact_deleted_at",
            "answer_submitted_by",
            "answer_submitted_at",
            "answer_approved_by",
            "answered_at",
            "closed_at",
        ]
        if not self.is_handler(request):
            editable = {"answer"} if obj and obj.status == QuestionStatus.IN_PROGRESS else set()
            every = [f.name for f in Question._meta.fields if f.name != "id"]
            return [name for name in every if name not in editable]
        if obj is not None:
            # What the sender said about themselves and their consent is theirs, not ours.
            always += [*CONTACT_FIELDS, "consent_to_publish", "received_at"]
        return always

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "document":
            kwargs["queryset"] = Document.objects.published().select_related("doc_type")
        if db_field.name == "conference":
            kwargs["queryset"] = Conference.objects.published()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # --- Saving: each step through its service ----------------------------------------

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        user = request.user
        if not self.is_handler(request):
            if "answer" in form.changed_data:
                services.answer_submit(question=obj, user=user, answer=obj.answer)
                self.message_user(request, "Đã gửi câu trả lời để người tiếp nhận duyệt.")
            return
        decision = form.cleaned_data.get("decision")
        if decision == REOPEN:
            obj = services.question_reopen(question=obj, user=user)
        if {"unit", "committee"} & set(form.changed_data) and (obj.unit or obj.committee):
            obj = services.question_assign(
                question=obj, user=user, unit=obj.unit, committee=obj.committee
            )
        if "answer" in form.changed_data and obj.answer.strip():
            if obj.status == QuestionStatus.IN_PROGRESS:
                obj = services.answer_submit(question=obj, user=user, answer=obj.answer)
        if decision == APPROVE:
            obj = services.answer_approve(question=obj, user=user)
            published = "và đã công bố" if obj.is_public else "(người gửi không đồng ý công bố)"
            self.message_user(request, f"Đã duyệt câu trả lời {published}.", messages.SUCCESS)
        if decision == WITHHOLD:
            services.question_withhold(question=obj, user=user, reason=obj.withheld_reason)

    # --- Columns and actions -------------------------------------------------------------

    @admin.display(description="đơn vị trả lời")
    def assignee_column(self, obj):
        return obj.assignee or "—"

    @admin.display(description="câu trả lời")
    def answer_state(self, obj):
        if obj.status == QuestionStatus.ANSWERED:
            return "Đã duyệt, công bố" if obj.is_public else "Đã duyệt, không công bố"
        if obj.answer_submitted_at:
            return "Chờ duyệt"
        return "—"

    @admin.action(description="Duyệt câu trả lời của các mục đã chọn", permissions=["handle"])
    def approve_selected(self, request, queryset):
        done, refused = 0, []
        for question in queryset:
            try:
                services.answer_approve(question=question, user=request.user)
            except (ValidationError, PermissionDenied) as error:
                refused.append(
                    f"{question.code}: {' '.join(getattr(error, 'messages', [str(error)]))}"
                )
            else:
                done += 1
        if done:
            self.message_user(request, f"Đã duyệt {done} câu trả lời.", messages.SUCCESS)
        if refused:
            self.message_user(
                request, f"Không duyệt được: {'; '.join(refused[:10])}.", messages.WARNING
            )
