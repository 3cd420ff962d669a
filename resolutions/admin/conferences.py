from django.contrib import admin

from ndportal.admin import PublishableAdmin
from resolutions.models import Conference, ConferenceFile, ConferencePhoto, ConnectedSite


class ConnectedSiteInline(admin.TabularInline):
    model = ConnectedSite
    extra = 0
    fields = ("name", "place", "attendance", "order")


class ConferencePhotoInline(admin.TabularInline):
    model = ConferencePhoto
    extra = 0
    fields = ("image", "caption", "alt_text", "order")


class ConferenceFileInline(admin.TabularInline):
    model = ConferenceFile
    extra = 0
    fields = ("title", "file", "original_name", "size", "order")
    readonly_fields = ("original_name", "size")


@admin.register(Conference)
class ConferenceAdmin(PublishableAdmin):
    list_display = ("title", "level", "starts_at", "place", "attendance", "status_badge")
    list_filter = ("status", "level", "format", "term", "documents")
    search_fields = ("title", "place", "chair", "organiser")
    date_hierarchy = "starts_at"
    autocomplete_fields = ("documents", "term", "parent")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [ConnectedSiteInline, ConferencePhotoInline, ConferenceFileInline]
    fieldsets = (
        (None, {"fields": ("title", "slug", "level", "format", "term", "parent", "organiser")}),
        ("Thời gian, địa điểm", {"fields": (("starts_at", "ends_at"), "place", "chair")}),
        ("Thành phần", {"fields": ("target_group", ("invited_count", "attendance"))}),
        ("Nội dung", {"fields": ("documents", "summary", "video_url")}),
        PublishableAdmin.publication_fieldset,
    )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.update_attendance_from_sites()
