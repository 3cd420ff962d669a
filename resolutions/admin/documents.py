from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.html import format_html, format_html_join

from ndportal.admin import KeptUploadsInline, PublishableAdmin, SearchTextAdminMixin
from ndportal.publishing import Status
from ndportal.workflow import can_publish
from resolutions.attachments import FLAGGED_EXTRACTIONS
from resolutions.models import (
    Document,
    DocumentAlias,
    DocumentFile,
    DocumentRelation,
    DocumentType,
    Field,
    IssuingBody,
    Term,
    Validity,
)
from resolutions.pdf_active import active_content_flag


@admin.register(IssuingBody)
class IssuingBodyAdmin(SearchTextAdminMixin, admin.ModelAdmin):
    list_display = ("name", "code", "kind")
    list_filter = ("kind",)
    search_fields = ("name", "code")


@admin.register(Term)
class TermAdmin(SearchTextAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "start_year", "end_year", "is_current")
    search_fields = ("name",)


@admin.register(DocumentType)
class DocumentTypeAdmin(SearchTextAdminMixin, admin.ModelAdmin):
    list_display = ("name", "code", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name", "code")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Field)
class FieldAdmin(SearchTextAdminMixin, admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name",)}


class DocumentFileInline(KeptUploadsInline, admin.TabularInline):
    model = DocumentFile
    extra = 0
    fields = (
        "title", "file", "original_name", "kind", "size", "extraction", "active_content", "order"
    )  # fmt: skip
    readonly_fields = ("original_name", "kind", "size", "extraction", "active_content")

    @admin.display(description="mã chủ động")
    def active_content(self, obj):
        return active_content_flag(obj)


class DocumentRelationInline(admin.TabularInline):
    model = DocumentRelation
    fk_name = "source"
    extra = 0
    autocomplete_fields = ("target",)
    verbose_name = "quan hệ với văn bản khác"
    verbose_name_plural = "quan hệ với văn bản khác (văn bản này … văn bản liên quan)"


class ExtractionFlagFilter(admin.SimpleListFilter):
    title = "cần kiểm tra tệp"
    parameter_name = "tep_loi"

    def lookups(self, request, model_admin):
        return [("1", "Có tệp không đọc được chữ")]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(files__extraction__in=FLAGGED_EXTRACTIONS).distinct()
        return queryset


class ValidityFilter(admin.SimpleListFilter):
    title = "tình trạng hiệu lực"
    parameter_name = "hieu_luc"

    def lookups(self, request, model_admin):
        return Validity.choices

    def queryset(self, request, queryset):
        if self.value() in Validity.values:
            return queryset.filter(computed_validity=self.value())
        return queryset


@admin.register(Document)
class DocumentAdmin(PublishableAdmin):
    list_display = (
        "number",
        "title",
        "doc_type",
        "issuing_body",
        "issued_on",
        "validity_column",
        "files_flag",
        "status_badge",
    )
    list_filter = (
        "status",
        "doc_type",
        "issuing_body",
        "term",
        ValidityFilter,
        ExtractionFlagFilter,
        "fields",
        "is_thematic",
    )
    list_select_related = ("doc_type", "issuing_body")
    search_fields = ("number", "number_key", "title", "signer", "summary")
    date_hierarchy = "issued_on"
    autocomplete_fields = ("doc_type", "issuing_body", "term", "fields")
    inlines = [DocumentFileInline, DocumentRelationInline]
    readonly_fields = (*PublishableAdmin.readonly_fields, "validity_column", "incoming_relations")
    fieldsets = (
        (None, {"fields": ("number", "title", "doc_type", "issuing_body", "term", "is_thematic")}),
        (
            "Người ký và ngày tháng",
            {
                "fields": (
                    ("signer", "signer_title"),
                    "issued_on",
                    ("effective_on", "expires_on"),
                )
            },
        ),
        (
            "Hiệu lực",
            {
                "fields": (
                    "validity_column",
                    "validity_override",
                    ("validity_note", "validity_changed_on"),
                )
            },
        ),
        ("Nội dung", {"fields": ("fields", "summary", "body")}),
        ("Văn bản khác dẫn tới văn bản này", {"fields": ("incoming_relations",)}),
        PublishableAdmin.publication_fieldset,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("files")

    @admin.display(description="hiệu lực hiện tại", ordering="computed_validity")
    def validity_column(self, obj):
        if obj.pk is None:
            return "—"
        return obj.get_validity_display()

    @admin.display(description="tệp", boolean=False)
    def files_flag(self, obj):
        flagged = [f for f in obj.files.all() if f.extraction_failed]
        active = [f for f in obj.files.all() if f.has_active_content]
        if active:
            return format_html(
                '<strong style="color:#b91c1c">⚠ {} PDF có mã chủ động</strong>', len(active)
            )
        if flagged:
            return format_html(
                '<strong style="color:#b91c1c">⚠ {} tệp lỗi chữ</strong>', len(flagged)
            )
        return len(obj.files.all())

    @admin.display(description="quan hệ từ văn bản khác")
    def incoming_relations(self, obj):
        if obj.pk is None:
            return "—"
        relations = obj.incoming_relations.select_related("source__doc_type")
        if not relations:
            return "Chưa có văn bản nào ghi quan hệ tới văn bản này."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "", "<li>{}: {}</li>", ((r.reverse_label, r.source) for r in relations)
            ),
        )


@admin.register(DocumentFile)
class DocumentFileAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "document",
        "kind",
        "size",
        "extraction",
        "download_count",
    )
    list_filter = ("extraction", "kind")
    list_select_related = ("document__doc_type",)
    search_fields = ("title", "original_name", "document__number")
    autocomplete_fields = ("document",)
    readonly_fields = ("original_name", "kind", "size", "extraction", "download_count", "text")
    actions = ["reextract"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        may_publish = can_publish(request.user, Document)

        def clean_document(form_self):
            document = form_self.cleaned_data["document"]
            # A new file on a published document changes what readers download: publishing.
            if document.status in {Status.PUBLISHED, Status.ARCHIVED} and not may_publish:
                raise ValidationError(
                    "Văn bản này đã xuất bản: chỉ người duyệt mới thêm được tệp. "
                    "Hãy nhờ người duyệt, hoặc gỡ xuất bản văn bản trước."
                )
            return document

        form.clean_document = clean_document
        return form

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        return (*readonly, "document") if obj else readonly

    def touches_public_document(self, request, obj):
        return (
            obj is not None
            and obj.document.status in {Status.PUBLISHED, Status.ARCHIVED}
            and not can_publish(request.user, Document)
        )

    def has_change_permission(self, request, obj=None):
        # Changing a published document's file changes what readers download: publishing.
        if self.touches_public_document(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self.touches_public_document(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    @admin.action(description="Đọc lại nội dung các tệp đã chọn")
    def reextract(self, request, queryset):
        count = 0
        for document_file in queryset:
            document_file.reextract()
            count += 1
        self.message_user(request, f"Đã xếp {count} tệp vào hàng đợi đọc lại nội dung.")


@admin.register(DocumentAlias)
class DocumentAliasAdmin(admin.ModelAdmin):
    list_display = ("__str__", "document", "created_at")
    search_fields = ("slug", "document__number")
    autocomplete_fields = ("document",)
