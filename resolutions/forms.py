"""Public forms of resolutions: the query strings of the registry, the conference list,
the month calendar and the reach page.

Every value a reader sends passes through a field with a fixed meaning, so nothing from
the query string ever becomes a lookup name (docs/security.md §9).
"""

import datetime

from django import forms
from django.utils import timezone

from ndportal.forms import QueryStringForm
from resolutions.filters import SORTS, VALIDITY_BY_SLUG, VALIDITY_SLUGS
from resolutions.models import (
    ConferenceFormat,
    ConferenceLevel,
    Document,
    DocumentType,
    Field,
    IssuingBody,
    Term,
    Validity,
)

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
# The years the conference calendar can show.
FIRST_YEAR, LAST_YEAR = 2000, 2100


class ValidityField(forms.TypedChoiceField):
    """`con-hieu-luc` in, `Validity.IN_FORCE` out.

    The English codes of earlier links (`in_force`) are still understood: editors pasted
    registry links into articles before the values were translated.
    """

    def __init__(self, **kwargs):
        super().__init__(
            choices=[("", "Tất cả"), *((VALIDITY_SLUGS[v], v.label) for v in Validity)],
            coerce=VALIDITY_BY_SLUG.get,
            **kwargs,
        )

    def to_python(self, value):
        value = super().to_python(value)
        return VALIDITY_SLUGS.get(value, value) if value in Validity.values else value


def _year_bounds():
    return 1930, timezone.localdate().year + 1


class DocumentFilterForm(QueryStringForm):
    """The registry's query string: `?loai=nghi-quyet&nam=2021&hieu_luc=con-hieu-luc&sap_xep=so`."""

    q = forms.CharField(label="Từ khóa hoặc số hiệu", max_length=200, required=False)
    loai = forms.ModelChoiceField(
        label="Loại văn bản",
        queryset=DocumentType.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Tất cả",
    )
    co_quan = forms.ModelChoiceField(
        label="Cơ quan ban hành",
        queryset=IssuingBody.objects.all(),
        required=False,
        empty_label="Tất cả",
    )
    nhiem_ky = forms.ModelChoiceField(
        label="Nhiệm kỳ",
        queryset=Term.objects.all(),
        to_field_name="name",
        required=False,
        empty_label="Tất cả",
    )
    linh_vuc = forms.ModelChoiceField(
        label="Lĩnh vực",
        queryset=Field.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Tất cả",
    )
    hieu_luc = ValidityField(label="Tình trạng hiệu lực", required=False)
    nam = forms.IntegerField(label="Năm ban hành", required=False)
    tu_ngay = forms.DateField(
        label="Ban hành từ ngày", required=False, input_formats=DATE_INPUT_FORMATS
    )
    den_ngay = forms.DateField(label="đến ngày", required=False, input_formats=DATE_INPUT_FORMATS)
    nguoi_ky = forms.CharField(label="Người ký", max_length=100, required=False)
    sap_xep = forms.ChoiceField(
        label="Sắp xếp",
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        required=False,
    )

    def clean_nam(self):
        year = self.cleaned_data["nam"]
        first, last = _year_bounds()
        if year is not None and not first <= year <= last:
            raise forms.ValidationError(f"Năm phải nằm trong khoảng {first}–{last}.")
        return year

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("tu_ngay"), cleaned.get("den_ngay")
        if start and end and start > end:
            self.add_error("den_ngay", "Ngày kết thúc phải sau ngày bắt đầu.")
        for name in ("tu_ngay", "den_ngay"):
            value = cleaned.get(name)
            if value and not datetime.date(1930, 1, 1) <= value <= datetime.date(2100, 12, 31):
                self.add_error(name, "Ngày nằm ngoài khoảng cho phép.")
        return cleaned


class ConferenceFilterForm(forms.Form):
    """Filters of the conference list; anything outside the offered choices is refused."""

    cap = forms.ChoiceField(
        label="Cấp", required=False, choices=[("", "Tất cả các cấp"), *ConferenceLevel.choices]
    )
    nam = forms.TypedChoiceField(label="Năm", required=False, coerce=int, empty_value=None)
    van_ban = forms.ModelChoiceField(
        label="Văn bản học tập", required=False, queryset=Document.objects.none()
    )
    hinh_thuc = forms.ChoiceField(
        label="Hình thức",
        required=False,
        choices=[("", "Mọi hình thức"), *ConferenceFormat.choices],
    )

    def __init__(self, *args, conferences, **kwargs):
        super().__init__(*args, **kwargs)
        years = sorted({d.year for d in conferences.dates("starts_at", "year")}, reverse=True)
        self.fields["nam"].choices = [("", "Mọi năm"), *((y, y) for y in years)]
        self.fields["van_ban"].queryset = (
            Document.objects.published()
            .filter(conferences__in=conferences)
            .select_related("doc_type")
            .distinct()
            .order_by("issued_on", "serial", "number")
        )
        self.fields["van_ban"].empty_label = "Mọi văn bản"

    def filter(self, queryset):
        data = self.cleaned_data
        if data["cap"]:
            queryset = queryset.filter(level=data["cap"])
        if data["nam"]:
            # __year follows the current time zone, Asia/Ho_Chi_Minh.
            queryset = queryset.filter(starts_at__year=data["nam"])
        if data["van_ban"]:
            queryset = queryset.filter(documents=data["van_ban"])
        if data["hinh_thuc"]:
            queryset = queryset.filter(format=data["hinh_thuc"])
        return queryset


class MonthForm(forms.Form):
    thang = forms.RegexField(regex=r"^\d{4}-\d{2}$", required=False)

    def month(self):
        value = self.cleaned_data["thang"]
        if not value:
            return None
        year, month = int(value[:4]), int(value[5:])
        if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
            self.add_error("thang", "Tháng không hợp lệ.")
            return None
        return year, month


class TermForm(forms.Form):
    khoa = forms.ModelChoiceField(
        label="Nhiệm kỳ", queryset=Term.objects.all(), to_field_name="name", required=False
    )
