"""The targets in the admin: approvers define targets; reporting units report their own.

A reporting unit's account (role "Đơn vị báo cáo") sees and reports only the targets of
its units: the querysets, the choices of every form and the save itself are limited by
targets/services.py, so a forged POST for another unit's target is refused too.
"""

from decimal import Decimal

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format

from resolutions.models import Document
from targets import services
from targets.models import (
    Milestone,
    MilestoneFile,
    MilestonePhoto,
    ResponsibleUnit,
    Target,
    TargetPlan,
    TargetReport,
)
from targets.numbers import format_number, parse_number


class VietnameseNumberField(forms.DecimalField):
    """A number typed and shown the Vietnamese way (1.234,5), as units write their reports."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            try:
                return parse_number(value)
            except ValueError as error:
                raise ValidationError(
                    "Nhập số kiểu Việt Nam: dấu chấm ngăn hàng nghìn, dấu phẩy thập phân "
                    "(ví dụ 1.234,5).",
                    code="invalid",
                ) from error
        return super().to_python(value)

    def prepare_value(self, value):
        return format_number(value) if isinstance(value, Decimal) else value


NUMBER_FIELDS = {models.DecimalField: {"form_class": VietnameseNumberField}}


@admin.register(ResponsibleUnit)
class ResponsibleUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]
    filter_horizontal = ["reporters"]


class TargetPlanInline(admin.TabularInline):
    model = TargetPlan
    formfield_overrides = NUMBER_FIELDS
    extra = 0


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    formfield_overrides = NUMBER_FIELDS
    list_display = ["__str__", "resolution", "programme", "unit", "direction", "goal_value"]
    list_filter = ["direction", "unit", "resolution"]
    list_select_related = ["resolution__doc_type", "programme__doc_type", "unit"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["resolution", "programme"]
    filter_horizontal = ["sharing_units"]
    inlines = [TargetPlanInline]
    fieldsets = [
        (None, {"fields": ["resolution", "programme", "code", "name", "order"]}),
        ("Đơn vị", {"fields": ["unit", "sharing_units"]}),
        (
            "Đo lường",
            {
                "fields": [
                    "unit_of_measure",
                    "direction",
                    ("baseline_value", "baseline_year"),
                    "goal_value",
                    "weight",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        # A reporting unit sees the targets it reports on, and no others.
        targets = services.reportable_targets(request.user)
        return super().get_queryset(request).filter(pk__in=targets.values("pk"))


def _approved_info(item):
    if not item.is_approved:
        return "Chưa duyệt"
    when = date_format(timezone.localtime(item.approved_at), "SHORT_DATETIME_FORMAT")
    return f"Đã duyệt bởi {item.approved_by or '—'} lúc {when}"


class ReportedByUnitAdmin(admin.ModelAdmin):
    """What reports and milestones share: limited to the user's units, approval separate."""

    approve_permission = None
    unit_path = None
    formfield_overrides = NUMBER_FIELDS

    def may_approve(self, request):
        return request.user.has_perm(self.approve_permission)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if services.may_manage_all(request.user):
            return queryset
        return queryset.filter(**{f"{self.unit_path}__in": services.reportable_units(request.user)})

    def has_change_permission(self, request, obj=None):
        # Once approved, a figure is corrected by a new report, not by editing it.
        if obj is not None and obj.is_approved and not self.may_approve(request):
            return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = ["approved_info", "reporter"]
        if not self.may_approve(request):
            readonly.append("is_approved")
        return readonly

    @admin.display(description="duyệt")
    def approved_info(self, item):
        return _approved_info(item)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.may_approve(request):
            actions.pop("approve", None)
        return actions

    @admin.action(description="Duyệt các mục đã chọn")
    def approve(self, request, queryset):
        if not self.may_approve(request):
            raise PermissionDenied
        count = 0
        for item in queryset.filter(is_approved=False):
            item.is_approved = True
            item.approved_by = request.user
            item.save()
            count += 1
        self.message_user(request, f"Đã duyệt {count} mục.", messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        if obj.reporter_id is None:
            obj.reporter = request.user
        if obj.is_approved and obj.approved_by_id is None:
            obj.approved_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(TargetReport)
class TargetReportAdmin(ReportedByUnitAdmin):
    approve_permission = services.APPROVE_REPORT
    unit_path = "target__unit"
    change_list_template = "admin/targets/targetreport/change_list.html"
    list_display = ["target", "period", "year", "value", "reported_on", "is_approved", "reporter"]
    list_filter = ["is_approved", "period", "year", "target__unit"]
    list_select_related = ["target", "reporter"]
    search_fields = ["target__name", "note"]
    actions = ["approve"]
    fields = [
        "target",
        ("period", "year"),
        "value",
        "reported_on",
        "source_document",
        "note",
        "supersedes",
        "is_approved",
        "approved_info",
        "reporter",
    ]

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # Which report a correction replaces is worked out on save, never typed.
        return [*readonly, "supersedes"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "target":
            kwargs["queryset"] = services.reportable_targets(request.user).select_related(
                "programme"
            )
        if db_field.name == "source_document":
            # Reporting units have no access to the registry's drafts: published sources only.
            kwargs["queryset"] = Document.objects.published().select_related("doc_type")
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "target":
            # Codes restart in each programme: "1" alone would not say which target.
            field.label_from_instance = lambda target: f"{target.programme.number} · {target}"
        return field

    def save_model(self, request, obj, form, change):
        # The form's choices already limit the target; this holds for any other path too.
        if not services.may_report_on(request.user, obj.target):
            raise PermissionDenied
        if not change:
            obj.supersedes = obj.previous()
        super().save_model(request, obj, form, change)

    def get_urls(self):
        from targets.imports import ImportView, TemplateDownloadView

        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "nhap-bang-tinh/",
                wrap(ImportView.as_view(model_admin=self)),
                name="{}_{}_import".format(*info),
            ),
            path(
                "mau-bang-tinh.<str:fmt>",
                wrap(TemplateDownloadView.as_view(model_admin=self)),
                name="{}_{}_template".format(*info),
            ),
            *super().get_urls(),
        ]


class MilestonePhotoInline(admin.TabularInline):
    model = MilestonePhoto
    extra = 0


class MilestoneFileInline(admin.TabularInline):
    model = MilestoneFile
    extra = 0
    fields = ["file", "title", "order"]


@admin.register(Milestone)
class MilestoneAdmin(ReportedByUnitAdmin):
    approve_permission = services.APPROVE_MILESTONE
    unit_path = "unit"
    list_display = ["title", "programme", "unit", "happened_on", "is_approved"]
    list_filter = ["is_approved", "unit"]
    list_select_related = ["programme__doc_type", "unit"]
    search_fields = ["title"]
    autocomplete_fields = ["programme"]
    date_hierarchy = "happened_on"
    inlines = [MilestonePhotoInline, MilestoneFileInline]
    actions = ["approve"]
    fields = [
        "programme",
        "unit",
        "happened_on",
        "title",
        "description",
        "is_approved",
        "approved_info",
        "reporter",
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = services.reportable_units(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not services.reportable_units(request.user).filter(pk=obj.unit_id).exists():
            raise PermissionDenied
        super().save_model(request, obj, form, change)
