from django.contrib import admin

from ndportal.admin import PublishableAdmin
from pages.models import Page


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = ("title", "slug", "status_badge", "show_in_footer", "order", "updated_at")
    list_filter = ("status", "show_in_footer")
    search_fields = ("title", "summary")
    search_help_text = "Tìm theo tiêu đề hoặc tóm tắt."
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body")}),
        (
            "Chân trang",
            {
                "fields": ("show_in_footer", "order"),
                "description": "Chọn trang nào được liên kết ở chân trang và theo thứ tự nào.",
            },
        ),
        PublishableAdmin.publication_fieldset,
    )
