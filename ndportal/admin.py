"""Admin behaviour shared by every publishable model: editor widget, stamps, columns,
the review workflow, history, optimistic locking and protection against deletion."""

import copy
import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.forms.models import construct_instance
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django_tasks_db.models import DBTaskResult
from reversion.admin import VersionAdmin
from reversion.models import Version

from ndportal import workflow
from ndportal.admin_revisions import RevisionAdminMixin
from ndportal.editor import rich_text_widget
from ndportal.history import diff_versions, referring_items
from ndportal.html import SanitizedHTMLField
from ndportal.kept_uploads import KeptFileInput
from ndportal.pasted_images import store_pasted_images
from ndportal.publishing import Status
from ndportal.scopes import ApproverScope
from ndportal.search import match_condition, rank_expression

admin.site.site_header = "Quản trị Cổng thông tin Nghị quyết"
# The task queue's own admin is English and for developers; editors see each file's
# reading status beside the file instead (resolutions/admin/documents.py).
admin.site.unregister(DBTaskResult)
admin.site.site_title = "Quản trị cổng thông tin"
admin.site.index_title = "Bàn làm việc của biên tập viên"
# The index already lists every model; the sidebar would take a quarter of a laptop
# screen from the changelists' columns.
admin.site.enable_nav_sidebar = False

STATUS_COLOURS = {
    Status.DRAFT: "#6b7280",
    Status.REVIEW: "#b45309",
    Status.PUBLISHED: "#15803d",
    Status.ARCHIVED: "#374151",
}


class PublishableAdminForm(forms.ModelForm):
    """Checks the workflow step and the edited version before anything is saved.

    `user` is set per request by PublishableAdmin.get_form.
    """

    # Not a model field on the form: the version the editor loaded, posted back
    # from a hidden input so a stale save can be detected.
    # A CharField: a malformed value must reach check_version and be refused there as
    # stale, not become a hidden-field error the page never shows.
    version = forms.CharField(widget=forms.HiddenInput, required=False)

    user = None
    workflow_action = None
    # Set per request by RevisionAdminMixin.get_form (ndportal/admin_revisions.py).
    revision_mode = False
    revision = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        if self.revision_mode and self.revision is not None:
            # The pending revision's choices, not the live row's (model_to_dict reads those).
            for name, pks in self.revision.m2m_initial().items():
                if name in self.fields:
                    self.initial[name] = pks
        status = self.fields.get("status")
        if status is not None and not workflow.can_publish(self.user, self._meta.model):
            # Editors only see the states they may choose; the server check below is
            # what enforces it.
            allowed = {Status.DRAFT, Status.REVIEW, self.instance.status}
            status.choices = [c for c in status.choices if c[0] in allowed]
            status.error_messages["invalid_choice"] = (
                "Bạn không có quyền chọn trạng thái này: chỉ người duyệt mới xuất bản, "
                "gỡ xuất bản hoặc lưu trữ."
            )

    def clean(self):
        cleaned_data = super().clean()
        self.check_version()
        self.workflow_action = self.resolve_action(cleaned_data)
        # With the other errors, so the editor learns about every image at the first try.
        self.store_pasted_images(cleaned_data)
        if not self.errors:
            self.check_content(cleaned_data)
        return cleaned_data

    def store_pasted_images(self, cleaned_data):
        """Images pasted from Word as data URIs become uploads; local files are refused."""
        for field in self._meta.model._meta.concrete_fields:
            if isinstance(field, SanitizedHTMLField) and cleaned_data.get(field.name):
                try:
                    cleaned_data[field.name] = store_pasted_images(
                        cleaned_data[field.name], user=self.user
                    )
                except ValidationError as error:
                    self.add_error(field.name, error)

    def check_version(self):
        if self.instance.pk is None:
            return
        posted = (self.cleaned_data.get("version") or "").strip()
        # A POST without the hidden field (another template, a script, a replayed request)
        # cannot show it started from the stored version: refused, like a stale one.
        if not posted.isascii() or not posted.isdigit():
            raise ValidationError(
                "Không xác định được phiên bản bạn đã mở (trang sửa thiếu dấu phiên bản hoặc "
                "dấu không hợp lệ), nên thay đổi của bạn CHƯA được lưu để không ghi đè công "
                "việc của người khác. Hãy mở lại trang để xem bản mới nhất rồi sửa tiếp.",
                code="stale",
            )
        posted = int(posted)
        stored = self.stored_version()
        if stored is None or stored["version"] == posted:
            return
        who = (
            " ".join(
                filter(None, (stored["updated_by__last_name"], stored["updated_by__first_name"]))
            )
            or stored["updated_by__username"]
            or "một người khác"
        )
        when = date_format(timezone.localtime(stored["updated_at"]), "SHORT_DATETIME_FORMAT")
        raise ValidationError(
            f"Mục này vừa được {who} lưu lúc {when}, sau khi bạn mở trang. Để không ghi đè "
            "công việc của họ, thay đổi của bạn CHƯA được lưu. Hãy sao chép phần bạn vừa sửa, "
            "mở lại trang để xem bản mới nhất rồi sửa tiếp.",
            code="stale",
        )

    def stored_version(self):
        """The version, time and author of what this form would overwrite, read under a lock."""
        if self.revision_mode:
            # A change to a published item overwrites its pending revision, if any.
            from ndportal.revisions import Revision

            pending = (
                Revision.objects.for_item(self.instance)
                .select_for_update(of=("self",))
                .values(
                    "version",
                    "updated_at",
                    updated_by__username=models.F("author__username"),
                    updated_by__first_name=models.F("author__first_name"),
                    updated_by__last_name=models.F("author__last_name"),
                )
                .first()
            )
            if pending is not None:
                return pending
        return (
            type(self.instance)
            # of=("self",): PostgreSQL cannot lock the nullable side of the join to updated_by.
            ._default_manager.select_for_update(of=("self",))
            .filter(pk=self.instance.pk)
            .values(
                "version",
                "updated_at",
                "updated_by__username",
                "updated_by__first_name",
                "updated_by__last_name",
            )
            .first()
        )

    def resolve_action(self, cleaned_data):
        """The workflow step this POST asks for: a button, or a change of the status field."""
        stored_status = self.instance.status
        button = self.data.get("_workflow")
        if button:
            action = workflow.ACTIONS.get(button)
            if action is None:
                raise ValidationError("Thao tác không hợp lệ.")
            field = None
        elif cleaned_data.get("status", stored_status) != stored_status:
            target = cleaned_data["status"]
            action = workflow.action_for_status(stored_status, target)
            field = "status"
            if action is None:
                self.add_error(
                    field,
                    f"Không chuyển được từ “{Status(stored_status).label}” "
                    f"sang “{Status(target).label}”.",
                )
                return None
        else:
            return None
        note = cleaned_data.get("review_note") or ""
        reason = workflow.refusal(
            user=self.user, item=self.instance, action=action, note=note, check_content=False
        )
        if reason:
            if action.needs_note and not note.strip() and "review_note" in self.fields:
                field = "review_note"  # show the request for a reason next to its box
            self.add_error(field, reason)
            return None
        if "status" in cleaned_data:
            cleaned_data["status"] = action.target
        return action

    def check_content(self, cleaned_data):
        """Refuse to save content that cannot be public (e.g. an image without alt text)."""
        if cleaned_data.get("status", self.instance.status) != Status.PUBLISHED:
            return
        # Judge the content as it will be saved, not as it was stored.
        candidate = construct_instance(self, copy.copy(self.instance), self._meta.fields)
        reason = workflow.content_refusal(candidate)
        if not reason and not self.revision_mode:
            # An approver may not move a published item out of their sections (scopes.py).
            reason = workflow.scope_refusal(user=self.user, item=candidate)
        if reason:
            raise ValidationError(reason)


class WorkflowFilter(admin.SimpleListFilter):
    """Where items stand for the people working on them."""

    title = "quy trình"
    parameter_name = "quy-trinh"

    def lookups(self, request, model_admin):
        return [
            ("returned", "Bị trả lại"),
            ("returned-to-me", "Bị trả lại cho tôi"),
            ("scheduled", "Hẹn giờ xuất bản"),
            ("mine", "Do tôi tạo"),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "returned":
                return queryset.returned()
            case "returned-to-me":
                return queryset.returned().filter(created_by=request.user)
            case "scheduled":
                return queryset.scheduled()
            case "mine":
                return queryset.filter(created_by=request.user)
        return queryset


class SearchTextAdminMixin:
    """Changelist search and autocomplete also match the stored folded text, word by word.

    Django's own search (search_fields, icontains) is kept and widened: "tinh uy",
    "Tỉnh uỷ" and "nghi quyet 01" find what "Tỉnh ủy" and "Nghị quyết 01-NQ/TU" find.
    """

    def get_search_results(self, request, queryset, search_term):
        # PostgreSQL refuses a NUL in a query parameter; it is never part of a word anyway.
        search_term = search_term.replace("\x00", "")
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        condition = match_condition(queryset.model, search_term)
        if condition is None:
            return results, may_have_duplicates
        results = results | queryset.filter(condition)
        if hasattr(queryset.model, "search_title"):
            # The site search's ranking: in an autocomplete widget "01-NQ/TU" lists 01-NQ/TU
            # first. A changelist still sorts by its columns.
            ordering = queryset.query.order_by or queryset.model._meta.ordering
            rank = rank_expression(queryset.model, search_term)
            results = results.alias(search_rank=rank).order_by("search_rank", *ordering)
        return results, may_have_duplicates


# Every file field of the admin: a file chosen in a form that comes back with an error is
# kept, not chosen again (ndportal/kept_uploads.py). ImageField is listed because the
# admin's own defaults name it, and the most specific class wins.
KEPT_UPLOADS = {
    models.FileField: {"widget": KeptFileInput},
    models.ImageField: {"widget": KeptFileInput},
}


class KeptUploadsInline:
    """Inlines with files (photos, document and conference files) keep them too."""

    formfield_overrides = KEPT_UPLOADS


class PublishableAdmin(RevisionAdminMixin, SearchTextAdminMixin, VersionAdmin):
    """Base admin for articles, documents and conferences.

    VersionAdmin keeps a version of every save, following the inlines (photos,
    files, connected sites, relations) so that a deleted item comes back whole.
    """

    form = PublishableAdminForm
    formfield_overrides = {
        SanitizedHTMLField: {"widget": rich_text_widget()},
        **KEPT_UPLOADS,
        # A link typed without a scheme (a video address) is taken as https, as Django 6 will.
        models.URLField: {"assume_scheme": "https"},
    }
    list_per_page = 50
    readonly_fields = ("created_by", "created_at", "updated_by", "updated_at")
    change_form_template = "admin/ndportal/change_form.html"
    actions = ["submit_selected", "publish_selected", "unpublish_selected", "archive_selected"]
    history_latest_first = True
    publication_fieldset = (
        "Xuất bản",
        {
            "fields": (
                "status",
                "published_at",
                "review_note",
                ("created_by", "created_at"),
                ("updated_by", "updated_at"),
            )
        },
    )

    @admin.display(description="trạng thái", ordering="status")
    def status_badge(self, obj):
        label = obj.get_status_display()
        if obj.status == Status.PUBLISHED and not obj.is_public:
            label = "Hẹn giờ"
        return format_html(
            '<strong style="color:{};white-space:nowrap">{}</strong>',
            STATUS_COLOURS.get(obj.status, "#000"),
            label,
        )

    def get_prepopulated_fields(self, request, obj=None):
        # A published item's slug is part of a public URL: it is shown, not edited.
        if obj and obj.was_published():
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if obj and obj.was_published() and "slug" in self.prepopulated_fields:
            readonly = (*readonly, "slug")
        if not self.has_publish_permission(request):
            # Choosing when an item goes public is scheduling: an approver's decision.
            readonly = (*readonly, "review_note", "published_at")
        return readonly

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if "status" not in filters:
            filters.insert(0, "status")
        return (
            *filters,
            WorkflowFilter,
            ("created_by", admin.RelatedOnlyFieldListFilter),
            "published_at",
        )

    # --- Permissions: who may do what is decided on the server ------------------

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user, self.model)

    def has_change_permission(self, request, obj=None):
        # Changing an archived item changes what readers may find again: an approver's
        # decision, so an editor gets the read-only page. A published item may be
        # changed by anyone with the permission, but the change of someone who may not
        # publish it becomes a revision awaiting review (admin_revisions.py).
        if (
            obj is not None
            and obj.status == Status.ARCHIVED
            and not workflow.may_publish_item(request.user, obj)
        ):
            return False
        return super().has_change_permission(request, obj)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # django-reversion writes the old version over the row before the permission
        # check runs; judge the item as it is stored, or an editor could bring back a
        # draft version of a published item and so unpublish it (or change it unreviewed).
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and (
            not self.has_change_permission(request, obj)
            or workflow.edits_as_revision(request.user, obj)
        ):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # modelform_factory builds a new class on every call, so this stays per request.
        form.user = request.user
        return form

    # --- Saving -------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        action = getattr(form, "workflow_action", None)
        if action is not None:
            workflow.apply_action(
                item=obj,
                action=action,
                user=request.user,
                note=form.cleaned_data.get("review_note") or "",
            )
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        if action is not None:
            message = workflow.outcome_message(item=obj, action=action)
            self.message_user(request, message, messages.SUCCESS)

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        action = getattr(form, "workflow_action", None)
        if action is None:
            return message
        # The history then reads "Gửi duyệt. Đã sửa nội dung." instead of a bare field list.
        details = LogEntry(change_message=json.dumps(message)).get_change_message()
        return f"{action.label}. {details}".strip()

    def response_add(self, request, obj, post_url_continue=None):
        if self.sent_for_review(request):
            return self.redirect_to_item(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if self.sent_for_review(request):
            return self.redirect_to_item(request, obj)
        return super().response_change(request, obj)

    def sent_for_review(self, request):
        # Reached only once the save succeeded, so the button's step was taken.
        return request.POST.get("_workflow") == workflow.SUBMIT.name and not self.is_popup(request)

    def is_popup(self, request):
        return IS_POPUP_VAR in request.POST or IS_POPUP_VAR in request.GET

    def redirect_to_item(self, request, obj):
        # After "Gửi duyệt" the editor stays on the item, which now says it is waiting,
        # instead of hunting for it in a changelist sorted by publication time.
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        preserved = {"preserved_filters": self.get_preserved_filters(request), "opts": opts}
        return HttpResponseRedirect(add_preserved_filters(preserved, url))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        extra_context = extra_context or {}
        if obj is not None:
            if self.has_change_permission(request, obj):
                extra_context["workflow_actions"] = workflow.available_actions(
                    user=request.user, item=obj
                )
            if not obj.is_public:
                extra_context["preview_url"] = obj.get_absolute_url()
        return super().change_view(request, object_id, form_url, extra_context)

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {
            "workflow_actions": [
                action
                for action in workflow.available_actions(user=request.user, item=self.model())
                if action in (workflow.SUBMIT, workflow.PUBLISH)
            ],
            **(extra_context or {}),
        }
        return super().add_view(request, form_url, extra_context)

    # --- Bulk actions ---------------------------------------------------------------

    def run_bulk(self, request, queryset, service, verb):
        done, scheduled, refused = 0, 0, []
        for item in queryset:
            try:
                item = service(item=item, user=request.user)
            except workflow.TransitionRefused as refusal:
                refused.append(f"“{item}”: {refusal}")
            else:
                if item.status == Status.PUBLISHED and not item.is_public:
                    scheduled += 1
                else:
                    done += 1
        if done:
            self.message_user(request, f"Đã {verb} {done} mục.", messages.SUCCESS)
        if scheduled:
            self.message_user(
                request,
                f"{scheduled} mục có thời điểm xuất bản trong tương lai: đã hẹn giờ, "
                "chưa hiện trên cổng.",
                messages.SUCCESS,
            )
        if refused:
            shown = "; ".join(refused[:10])
            more = f"; và {len(refused) - 10} mục khác" if len(refused) > 10 else ""
            self.message_user(
                request,
                f"Không {verb} được {len(refused)} mục — {shown}{more}.",
                messages.WARNING,
            )

    @admin.action(description="Gửi duyệt các mục đã chọn", permissions=["change"])
    def submit_selected(self, request, queryset):
        self.run_bulk(request, queryset, workflow.item_submit, "gửi duyệt")

    @admin.action(description="Xuất bản các mục đã chọn", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self.run_bulk(request, queryset, workflow.item_publish, "xuất bản")

    @admin.action(description="Gỡ xuất bản các mục đã chọn", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self.run_bulk(request, queryset, workflow.item_unpublish, "gỡ xuất bản")

    @admin.action(description="Lưu trữ các mục đã chọn", permissions=["publish"])
    def archive_selected(self, request, queryset):
        self.run_bulk(request, queryset, workflow.item_archive, "lưu trữ")

    # --- Deleting: refused while other content refers to the item ---------------------

    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        references = [
            f"{kind} “{other}” dẫn chiếu đến “{obj}”"
            for obj in objs
            for kind, other in referring_items(obj)
        ]
        if references:
            protected = [*protected, *references]
            messages.error(
                request,
                "Không thể xóa vì còn nội dung khác dẫn chiếu đến mục này (xem danh sách bên "
                "dưới). Hãy gỡ các liên kết đó trước, hoặc chọn “Lưu trữ” để ẩn mục khỏi trang "
                "công khai mà không mất dữ liệu.",
            )
        return to_delete, model_count, perms_needed, protected

    # --- History: a readable diff between two versions --------------------------------

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "<path:object_id>/history/<int:version_id>/diff/",
                self.admin_site.admin_view(self.version_diff_view),
                name="{}_{}_version_diff".format(*info),
            ),
            *super().get_urls(),
        ]

    def version_diff_view(self, request, object_id, version_id):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        versions = Version.objects.get_for_object_reference(self.model, object_id)
        version = get_object_or_404(versions.select_related("revision__user"), pk=version_id)
        previous = versions.filter(pk__lt=version.pk).order_by("-pk").first()
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "object_id": object_id,
            "title": f"Thay đổi của {opts.verbose_name} “{version.object_repr}”",
            "version": version,
            "previous": previous,
            "rows": diff_versions(self.model, previous, version),
        }
        return TemplateResponse(request, "admin/ndportal/version_diff.html", context)


@admin.register(ApproverScope)
class ApproverScopeAdmin(admin.ModelAdmin):
    """Administrators limit an approver to some sections; the workflow enforces it."""

    list_display = ("user", "category_list", "issuing_body_list")
    autocomplete_fields = ("user", "categories", "issuing_bodies")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("user")
            .prefetch_related("categories", "issuing_bodies")
        )

    @admin.display(description="chuyên mục")
    def category_list(self, obj):
        return ", ".join(map(str, obj.categories.all())) or "mọi chuyên mục"

    @admin.display(description="cơ quan ban hành")
    def issuing_body_list(self, obj):
        return ", ".join(map(str, obj.issuing_bodies.all())) or "mọi cơ quan"
