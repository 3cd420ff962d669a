from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models import Max
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from ndportal.admin import KeptUploadsInline, PublishableAdmin
from ndportal.alt_text import pending_alt
from ndportal.images import ALLOWED_EXTENSIONS_TEXT, clean_image
from ndportal.publishing import Status
from ndportal.text import fold
from resolutions.admin.committees import CommitteeScopedAdmin
from resolutions.models import (
    AgendaItem,
    Conference,
    ConferenceFile,
    ConferencePhoto,
    ConferenceReport,
    ConnectedSite,
)
from resolutions.models.conferences import attendance_error
from resolutions.pdf_active import active_content_flag

APPROVE_REPORT = "resolutions.approve_conferencereport"


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several images chosen at once; each is checked by the portal's one image validator."""

    widget = MultipleImageInput
    # Each checked image is held in memory until the conference is saved.
    max_files = 30

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > self.max_files:
            raise ValidationError(
                f"Mỗi lần tải tối đa {self.max_files} ảnh; bạn đã chọn {len(files)} ảnh."
            )
        errors, cleaned = [], []
        for file in files:
            try:
                cleaned.append(clean_image(file))
            except ValidationError as error:
                errors += [f"{file.name}: {message}" for message in error.messages]
        if errors:
            raise ValidationError(errors)
        return cleaned


# Built on the shared admin form so that its checks run for conferences too.
class ConferenceAdminForm(PublishableAdmin.form):
    new_photos = MultipleImageField(
        label="Tải lên nhiều ảnh",
        required=False,
        help_text=f"Chọn một lúc nhiều ảnh ({ALLOWED_EXTENSIONS_TEXT}). Mỗi ảnh thành một ảnh "
        "hội nghị, xếp sau các ảnh đã có; chú thích, mô tả (alt) và thứ tự sửa ở bảng ảnh "
        "bên dưới. Mô tả của ảnh mới ghi “[Chưa mô tả] ảnh số …”: hội nghị chỉ xuất bản được "
        "khi mọi ảnh đã có mô tả thật. Nếu một tệp không hợp lệ thì không ảnh nào được lưu.",
    )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("new_photos") and (
            cleaned_data.get("status", self.instance.status) == Status.PUBLISHED
        ):
            # Photos of a batch have no description yet; on a public page they would
            # reach readers that way.
            self.add_error(
                "new_photos",
                "Hội nghị đang xuất bản nên không tải ảnh hàng loạt được (ảnh chưa có mô tả). "
                "Hãy thêm từng ảnh ở bảng ảnh kèm mô tả, hoặc đưa hội nghị về bản nháp trước.",
            )
        return cleaned_data


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ("order", "title", "presenter", "document", "duration_minutes")
    autocomplete_fields = ("document",)


class ConnectedSiteFormSet(BaseInlineFormSet):
    """Refuses a site entered twice and a total above the invited count, with a clear message."""

    def clean(self):
        seen = {}
        total, count = 0, 0
        for index, form in enumerate(self.forms, start=1):
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("name"):
                continue
            # The database constraint compares exact names; editors also mean
            # "Hải Hậu" and "hải  hậu" to be the same site.
            key = fold(" ".join(data["name"].split()))
            if key in seen:
                form.add_error(
                    "name",
                    f"Điểm cầu “{data['name']}” bị nhập hai lần (trùng với dòng {seen[key]}).",
                )
                continue
            seen[key] = index
            total += data.get("attendance") or 0
            count += 1
        super().clean()
        if count:
            message = attendance_error(
                total, self.instance.invited_count, self.instance.attendance_confirmed
            )
            if message:
                raise ValidationError(f"Tổng các điểm cầu: {message}")


class ConnectedSiteInline(admin.TabularInline):
    model = ConnectedSite
    formset = ConnectedSiteFormSet
    fields = ("order", "name", "place", "attendance")

    def get_extra(self, request, obj=None, **kwargs):
        # An online conference reaches every district at once: ten blank rows save the
        # editor as many clicks; untouched rows are not saved.
        return 1 if obj and obj.site_count else 10


class ConferenceReportInline(admin.StackedInline):
    model = ConferenceReport
    extra = 0
    max_num = 1
    can_delete = False
    fields = ("minutes", "attendance_reached", "conclusions", "is_approved", "approved_info")
    readonly_fields = ("approved_info",)
    verbose_name_plural = "báo cáo kết quả (bế mạc hội nghị)"

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if not request.user.has_perm(APPROVE_REPORT):
            return (*readonly, "is_approved")
        return readonly

    @admin.display(description="duyệt")
    def approved_info(self, report):
        if not report.is_approved:
            return "Chưa duyệt: bạn đọc chưa thấy báo cáo này."
        # Stored in UTC; editors read Hà Nội time in the Vietnamese format.
        when = (
            date_format(timezone.localtime(report.approved_at), "SHORT_DATETIME_FORMAT")
            if report.approved_at
            else ""
        )
        return f"Đã duyệt bởi {report.approved_by or '—'} lúc {when}"


class ConferencePhotoInline(KeptUploadsInline, admin.TabularInline):
    model = ConferencePhoto
    extra = 0
    fields = ("order", "preview", "image", "caption", "alt_text")
    readonly_fields = ("preview",)

    @admin.display(description="xem")
    def preview(self, photo):
        if not photo.image:
            return ""
        return format_html(
            '<img src="{}" alt="" style="width:96px;height:72px;object-fit:cover">',
            photo.image.url,
        )


class ConferenceFileInline(KeptUploadsInline, admin.TabularInline):
    model = ConferenceFile
    extra = 0
    fields = ("order", "role", "title", "file", "original_name", "size", "active_content")
    readonly_fields = ("original_name", "size", "active_content")

    @admin.display(description="mã chủ động")
    def active_content(self, obj):
        return active_content_flag(obj)


@admin.register(Conference)
class ConferenceAdmin(CommitteeScopedAdmin, PublishableAdmin):
    form = ConferenceAdminForm
    list_display = (
        "title",
        "level",
        "committee",
        "starts_at",
        "attendance",
        "site_count",
        "status_badge",
    )
    list_filter = ("status", "level", "format", "term", "documents")
    list_select_related = ("committee",)
    search_fields = ("title", "place", "chair", "organiser", "committee__name")
    date_hierarchy = "starts_at"
    autocomplete_fields = ("documents", "term", "parent", "committee")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [
        AgendaItemInline,
        ConnectedSiteInline,
        ConferencePhotoInline,
        ConferenceFileInline,
        ConferenceReportInline,
    ]
    fieldsets = (
        (
            None,
            {"fields": ("title", "slug", "level", "committee", "format", "term", "parent")},
        ),
        (
            "Thời gian, địa điểm",
            {"fields": (("starts_at", "ends_at"), "place", "chair", "organiser")},
        ),
        (
            "Thành phần",
            {
                "fields": (
                    "target_group",
                    ("invited_count", "attendance", "site_count"),
                    "attendance_confirmed",
                    "organisations",
                )
            },
        ),
        ("Nội dung", {"fields": ("documents", "summary", "video_url")}),
        ("Hình ảnh", {"fields": ("new_photos",)}),
        PublishableAdmin.publication_fieldset,
    )

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if self.reporter_scope(request) is not None and "committee" in form.base_fields:
            # A reporter's conference without a committee would leave their reach at once.
            form.base_fields["committee"].required = True
        return form

    def get_readonly_fields(self, request, obj=None):
        readonly = (*super().get_readonly_fields(request, obj), "site_count")
        # With connected sites the total is their sum; typing another number would only
        # be overwritten, so the field is shown, not edited.
        if obj and obj.site_count:
            readonly = (*readonly, "attendance")
        return readonly

    def save_formset(self, request, form, formset, change):
        if formset.model is not ConferenceReport:
            return super().save_formset(request, form, formset, change)
        may_approve = request.user.has_perm(APPROVE_REPORT)
        for report in formset.save(commit=False):
            if report.is_approved and not may_approve:
                # An approved text changed by someone who may not approve goes back to review.
                report.is_approved = False
                messages.warning(
                    request, "Báo cáo kết quả đã sửa nên cần được duyệt lại trước khi công bố."
                )
            if report.is_approved and report.approved_by_id is None:
                report.approved_by = request.user
            report.save()
        formset.save_m2m()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        conference = form.instance
        added = self.add_photos(conference, form.cleaned_data.get("new_photos") or [])
        if added:
            messages.info(request, f"Đã thêm {added} ảnh.")

    def add_photos(self, conference, photos):
        start = conference.photos.aggregate(last=Max("order"))["last"] or 0
        stored = []
        try:
            for number, image in enumerate(photos, start=1):
                photo = ConferencePhoto(
                    conference=conference,
                    order=start + number,
                    alt_text=pending_alt(start + number),
                )
                photo.image.save(f"anh.{image.extension}", ContentFile(image.content), save=False)
                stored.append(photo.image.name)
                photo.save()
        except Exception:
            # The admin rolls the rows back; files already written would stay behind.
            for stored_name in stored:
                ConferencePhoto.image.field.storage.delete(stored_name)
            raise
        return len(stored)
