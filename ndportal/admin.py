"""Admin behaviour shared by every publishable model: editor widget, stamps, columns."""

from django.contrib import admin
from django.utils.html import format_html

from ndportal.editor import rich_text_widget
from ndportal.html import SanitizedHTMLField
from ndportal.publishing import Status

admin.site.site_header = "Quản trị Cổng thông tin Nghị quyết"
admin.site.site_title = "Quản trị cổng thông tin"
admin.site.index_title = "Bàn làm việc của biên tập viên"

STATUS_COLOURS = {
    Status.DRAFT: "#6b7280",
    Status.REVIEW: "#b45309",
    Status.PUBLISHED: "#15803d",
    Status.ARCHIVED: "#374151",
}


class PublishableAdmin(admin.ModelAdmin):
    """Base admin for articles, documents and conferences."""

    formfield_overrides = {SanitizedHTMLField: {"widget": rich_text_widget()}}
    list_per_page = 50
    readonly_fields = ("created_by", "created_at", "updated_by", "updated_at")
    publication_fieldset = (
        "Xuất bản",
        {
            "fields": (
                "status",
                "published_at",
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
            '<strong style="color:{}">{}</strong>', STATUS_COLOURS.get(obj.status, "#000"), label
        )

    def get_prepopulated_fields(self, request, obj=None):
        # A published item's slug is part of a public URL: it is shown, not edited.
        if obj and obj.was_published():
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if obj and obj.was_published() and "slug" in self.prepopulated_fields:
            return (*readonly, "slug")
        return readonly

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
