from django.contrib import admin

from ndportal.admin import PublishableAdmin
from resolutions.models import (
    Document,
    DocumentFile,
    DocumentRelation,
    DocumentType,
    Field,
    IssuingBody,
    Term,
)


@admin.register(IssuingBody)
class IssuingBodyAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "code")


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ("__str__", "start_year", "end_year", "is_current")
    search_fields = ("name",)


@admin.register(DocumentType)
class DocumentTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name", "code")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Field)
class FieldAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 0
    fields = ("title", "file", "original_name", "size", "order")
    readonly_fields = ("original_name", "size")


class DocumentRelationInline(admin.TabularInline):
    model = DocumentRelation
    fk_name = "source"
    extra = 0
    autocomplete_fields = ("target",)
    verbose_name = "quan hệ với văn bản khác"
    verbose_name_plural = "quan hệ với văn bản khác"


@admin.register(Document)
class DocumentAdmin(PublishableAdmin):
    list_display = (
        "number",
        "title",
        "doc_type",
        "issuing_body",
        "issued_on",
        "validity",
        "status_badge",
    )
    list_filter = (
        "status",
        "doc_type",
        "issuing_body",
        "term",
        "validity",
        "fields",
        "is_thematic",
    )
    list_select_related = ("doc_type", "issuing_body")
    search_fields = ("number", "title", "signer", "summary")
    date_hierarchy = "issued_on"
    autocomplete_fields = ("doc_type", "issuing_body", "term", "fields")
    inlines = [DocumentFileInline, DocumentRelationInline]
    fieldsets = (
        (None, {"fields": ("number", "title", "doc_type", "issuing_body", "term", "is_thematic")}),
        (
            "Người ký và ngày tháng",
            {
                "fields": (
                    ("signer", "signer_title"),
                    "issued_on",
                    ("effective_on", "expires_on"),
                    "validity",
                )
            },
        ),
        ("Nội dung", {"fields": ("fields", "summary", "body")}),
        PublishableAdmin.publication_fieldset,
    )
