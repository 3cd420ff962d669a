from django.contrib import admin
from django.db import models
from reversion.admin import VersionAdmin

from ndportal.admin import PublishableAdmin
from pages.models import Page, SiteDetails


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


@admin.register(SiteDetails)
class SiteDetailsAdmin(VersionAdmin):
    """One record: added once, then only changed; never deleted."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    fieldsets = (
        (
            "Cơ quan",
            {"fields": ("committee_name", "content_unit", "responsible_person", "licence")},
        ),
        ("Liên hệ", {"fields": ("address", "phone", "email")}),
        ("Mạng xã hội", {"fields": ("facebook_url", "youtube_url", "zalo_url")}),
    )

    def has_add_permission(self, request):
        # One record: it can be added while there is none, never a second.
        return super().has_add_permission(request) and not SiteDetails.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
