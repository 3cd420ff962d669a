"""The committee tree, its reporters, their study results and the campaigns that ask for them.

A committee reporter (ROLES["committee_reporter"]) works in the same admin as the
province's staff, narrowed by CommitteeScopedAdmin: lists, objects, form choices, bulk
actions and history all stop at the committees they report for (docs/security.md §23).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from ndportal.admin import SearchTextAdminMixin
from resolutions import imports
from resolutions.models import (
    Committee,
    CommitteeCount,
    CommitteeReporter,
    Conference,
    ConferenceLevel,
    Document,
    StudyCampaign,
    StudyResult,
    Term,
)
from resolutions.models.committees import LEVEL_RANK, reporter_scope
from resolutions.study import (
    APPROVE_RESULT,
    campaign_send_reminders,
    campaign_status,
    study_result_record,
    study_results_approve,
)


class CommitteeScopedAdmin:
    """Narrows an admin to the committees a committee reporter may report for.

    `committee_lookup` leads from the model to its committee. Staff who are not
    reporters see everything their permissions allow.
    """

    committee_lookup = "committee"

    def reporter_scope(self, request):
        """The ids of the reporter's committees, or None for other staff."""
        if not hasattr(request, "_reporter_scope"):
            request._reporter_scope = reporter_scope(request.user)
        return request._reporter_scope

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        scope = self.reporter_scope(request)
        if scope is not None:
            queryset = queryset.filter(**{f"{self.committee_lookup}__in": scope})
        return queryset

    def in_scope(self, request, obj):
        scope = self.reporter_scope(request)
        if scope is None or obj is None:
            return True
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.in_scope(request, obj)

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        if self.reporter_scope(request) is None:
            return filters
        # A related filter lists every row of its model (draft documents, other
        # committees); a reporter's lists only what their own items point to.
        related = {"document", "documents", "committee", "conference"}
        return [
            (item, admin.RelatedOnlyFieldListFilter) if item in related else item
            for item in filters
        ]

    def get_autocomplete_fields(self, request):
        # Plain selects whose choices are narrowed below; an autocomplete would ask other
        # admins (documents) the reporter may not open.
        if self.reporter_scope(request) is not None:
            return ()
        return super().get_autocomplete_fields(request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        scope = self.reporter_scope(request)
        if scope is not None:
            related = db_field.related_model
            if related is Committee:
                kwargs["queryset"] = Committee.objects.filter(pk__in=scope)
            elif related is Document:
                kwargs["queryset"] = Document.objects.published().select_related("doc_type")
            elif related is Conference and db_field.name == "parent":
                kwargs["queryset"] = Conference.objects.published()
            elif related is Conference:
                kwargs["queryset"] = Conference.objects.filter(committee__in=scope)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if self.reporter_scope(request) is not None and db_field.related_model is Document:
            kwargs["queryset"] = Document.objects.published().select_related("doc_type")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    # django-reversion's pages look rows up by id and check model permissions only.
    def history_view(self, request, object_id, extra_context=None):
        self.require_in_scope(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        self.require_in_scope(request, object_id)
        return super().revision_view(request, object_id, version_id, extra_context)

    def version_diff_view(self, request, object_id, version_id):
        self.require_in_scope(request, object_id)
        return super().version_diff_view(request, object_id, version_id)

    def recoverlist_view(self, request, extra_context=None):
        if self.reporter_scope(request) is not None:
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if self.reporter_scope(request) is not None:
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def require_in_scope(self, request, object_id):
        if self.reporter_scope(request) is None:
            return
        if not self.get_queryset(request).filter(pk=unquote(object_id)).exists():
            raise PermissionDenied


class ImportForm(forms.Form):
    term = forms.ModelChoiceField(label="Nhiệm kỳ", queryset=Term.objects.all())
    file = forms.FileField(label="Tệp bảng tính (.xlsx hoặc .csv)")


def import_view(model_admin, request, *, title, columns, run):
    """The shared page of both imports: a form, then the errors by row or a summary."""
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        try:
            report = run(form.cleaned_data["file"], form.cleaned_data["term"])
        except imports.ImportRefused as refusal:
            form.add_error("file", str(refusal))
        else:
            if not report.errors:
                model_admin.message_user(
                    request,
                    f"Đã nhập: {report.created} dòng mới, {report.updated} dòng cập nhật.",
                    messages.SUCCESS,
                )
                opts = model_admin.model._meta
                return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        "form": form,
        "report": report,
        "columns": columns.values(),
    }
    return TemplateResponse(request, "admin/resolutions/import_form.html", context)


@admin.register(Committee)
class CommitteeAdmin(CommitteeScopedAdmin, SearchTextAdminMixin, admin.ModelAdmin):
    committee_lookup = "pk"
    list_display = ("indented_name", "level", "parent", "party_members", "term")
    list_filter = ("term", "level")
    list_select_related = ("parent", "term")
    search_fields = ("name",)
    autocomplete_fields = ("parent",)
    fields = ("term", "name", "level", "parent", "party_members")
    change_list_template = "admin/resolutions/committee/change_list.html"
    list_per_page = 100

    def get_ordering(self, request):
        # Province first, cells last, so the indentation below reads as the tree's levels.
        rank = Case(
            *(When(level=level, then=Value(r)) for level, r in LEVEL_RANK.items()),
            output_field=IntegerField(),
        )
        return ("term", rank, "sort_key")

    @admin.display(description="tên cấp ủy", ordering="sort_key")
    def indented_name(self, committee):
        # An indented changelist: one step per level below the province.
        return format_html(
            '<span style="padding-left:{}em">{}</span>',
            LEVEL_RANK[committee.level] * 1.5,
            committee.name,
        )

    def get_urls(self):
        return [
            path(
                "nhap/",
                self.admin_site.admin_view(self.import_tree_view),
                name="resolutions_committee_import",
            ),
            *super().get_urls(),
        ]

    def import_tree_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        return import_view(
            self,
            request,
            title="Nhập cây tổ chức đảng từ bảng tính",
            columns=imports.TREE_COLUMNS,
            run=lambda file, term: imports.import_tree(file, term=term),
        )


@admin.register(CommitteeCount)
class CommitteeCountAdmin(admin.ModelAdmin):
    list_display = ("term", "level", "count")
    list_filter = ("term", "level")
    list_select_related = ("term",)


@admin.register(CommitteeReporter)
class CommitteeReporterAdmin(admin.ModelAdmin):
    list_display = ("user", "committee", "includes_subtree")
    list_select_related = ("user", "committee")
    autocomplete_fields = ("user", "committee")
    search_fields = ("user__username", "committee__name")


@admin.register(StudyResult)
class StudyResultAdmin(CommitteeScopedAdmin, admin.ModelAdmin):
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3})}}
    list_display = (
        "committee",
        "document",
        "members_studied",
        "members",
        "reports_written",
        "is_approved",
        "reported_at",
    )
    list_filter = ("is_approved", "committee__level", "committee__term", "document")
    list_select_related = ("committee", "document__doc_type")
    search_fields = ("committee__name", "document__number")
    autocomplete_fields = ("committee", "document", "conference")
    readonly_fields = ("approval_info",)
    actions = ["approve_selected"]
    change_list_template = "admin/resolutions/studyresult/change_list.html"
    fieldsets = (
        (None, {"fields": ("committee", "document", "conference")}),
        ("Đảng viên", {"fields": (("members", "members_studied"),)}),
        ("Vắng mặt", {"fields": (("absent_sick", "absent_work", "absent_other"),)}),
        (
            "Bài thu hoạch",
            {
                "fields": (
                    "reports_written",
                    ("grade_good", "grade_fair", "grade_average", "grade_poor"),
                )
            },
        ),
        (None, {"fields": ("assessment", "is_approved", "approval_info")}),
    )

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if not request.user.has_perm(APPROVE_RESULT):
            return (*readonly, "is_approved")
        return readonly

    @admin.display(description="duyệt")
    def approval_info(self, result):
        if not result.pk or not result.is_approved:
            return "Chưa duyệt: bạn đọc chưa thấy kết quả này."
        return f"Đã duyệt bởi {result.approved_by or '—'}"

    def save_model(self, request, obj, form, change):
        approve = form.cleaned_data.get("is_approved", False)
        was_approved = change and obj.pk and StudyResult.objects.get(pk=obj.pk).is_approved
        study_result_record(result=obj, user=request.user, approve=approve)
        if was_approved and not obj.is_approved:
            messages.warning(request, "Kết quả đã sửa nên cần được duyệt lại trước khi công bố.")

    def has_approve_permission(self, request):
        return request.user.has_perm(APPROVE_RESULT)

    @admin.action(description="Duyệt các kết quả đã chọn", permissions=["approve"])
    def approve_selected(self, request, queryset):
        count = study_results_approve(results=queryset, user=request.user)
        self.message_user(request, f"Đã duyệt {count} kết quả.", messages.SUCCESS)

    def get_urls(self):
        return [
            path(
                "nhap/",
                self.admin_site.admin_view(self.import_results_view),
                name="resolutions_studyresult_import",
            ),
            *super().get_urls(),
        ]

    def import_results_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        return import_view(
            self,
            request,
            title="Nhập kết quả học tập của nhiều cấp ủy từ bảng tính",
            columns=imports.RESULT_COLUMNS,
            run=lambda file, term: imports.import_results(
                file,
                term=term,
                user=request.user,
                committees=Committee.objects.for_user(request.user),
            ),
        )


class StudyCampaignForm(forms.ModelForm):
    levels = forms.MultipleChoiceField(
        label="Các cấp phải báo cáo",
        choices=ConferenceLevel.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = StudyCampaign
        fields = ("name", "term", "documents", "levels", "deadline", "is_open")


@admin.register(StudyCampaign)
class StudyCampaignAdmin(admin.ModelAdmin):
    form = StudyCampaignForm
    list_display = ("name", "term", "deadline", "is_open", "status_link", "last_reminded_at")
    list_filter = ("is_open", "term")
    autocomplete_fields = ("documents",)
    actions = ["send_reminders"]

    @admin.display(description="tiến độ")
    def status_link(self, campaign):
        url = reverse("admin:resolutions_studycampaign_status", args=[campaign.pk])
        return format_html('<a href="{}">Cấp ủy chưa báo cáo</a>', url)

    def get_urls(self):
        return [
            path(
                "<int:pk>/tien-do/",
                self.admin_site.admin_view(self.status_view),
                name="resolutions_studycampaign_status",
            ),
            *super().get_urls(),
        ]

    def status_view(self, request, pk):
        campaign = get_object_or_404(StudyCampaign.objects.select_related("term"), pk=pk)
        if not self.has_view_permission(request, campaign):
            raise PermissionDenied
        if request.method == "POST":
            if not self.has_change_permission(request, campaign):
                raise PermissionDenied
            sent = campaign_send_reminders(campaign=campaign)
            self.message_user(request, f"Đã gửi {sent} thư nhắc.", messages.SUCCESS)
            return redirect("admin:resolutions_studycampaign_status", pk=pk)
        statuses = campaign_status(campaign)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Tiến độ báo cáo: {campaign}",
            "campaign": campaign,
            "documents": campaign.documents.order_by("issued_on", "number"),
            "pending": [s for s in statuses if s.missing],
            "reported": [s for s in statuses if not s.missing],
            "can_remind": self.has_change_permission(request, campaign),
        }
        return TemplateResponse(request, "admin/resolutions/campaign_status.html", context)

    @admin.action(description="Gửi thư nhắc cấp ủy chưa báo cáo", permissions=["change"])
    def send_reminders(self, request, queryset):
        sent = sum(campaign_send_reminders(campaign=campaign) for campaign in queryset)
        self.message_user(request, f"Đã gửi {sent} thư nhắc.", messages.SUCCESS)
