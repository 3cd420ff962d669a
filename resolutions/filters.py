"""The registry's filters: one form validates the query string, then builds the queryset.

Every value a reader sends passes through a form field with a fixed meaning, so nothing
from the query string ever becomes a lookup name (CVE-2025-64459 abused exactly that).
"""

import datetime
import re

from django import forms
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from ndportal.search import match_condition, rank_expression
from ndportal.text import fold
from resolutions.models import Document, DocumentType, Field, IssuingBody, Term, Validity
from resolutions.numbers import number_search_key

SORTS = {
    "moi-nhat": ("Ngày ban hành (mới nhất)", ["-issued_on", "-id"]),
    "cu-nhat": ("Ngày ban hành (cũ nhất)", ["issued_on", "id"]),
    "so": ("Số văn bản", ["serial", "number", "-issued_on"]),
    "trich-yeu": ("Trích yếu (A–Z)", ["title_key", "-issued_on"]),
}
DEFAULT_SORT = "moi-nhat"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


# Validity in the query string speaks Vietnamese like every other filter; the stored
# values stay English codes.
VALIDITY_SLUGS = {
    Validity.IN_FORCE: "con-hieu-luc",
    Validity.PARTLY_EXPIRED: "het-hieu-luc-mot-phan",
    Validity.EXPIRED: "het-hieu-luc",
    Validity.NOT_YET: "chua-co-hieu-luc",
    Validity.SUSPENDED: "ngung-hieu-luc",
}
VALIDITY_BY_SLUG = {slug: validity for validity, slug in VALIDITY_SLUGS.items()}


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


class DocumentFilterForm(forms.Form):
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

    def valid_values(self):
        """The fields that validated; a bad value drops only its own filter."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in (None, "")
        }


def facet_conditions(values):
    """One Q per active facet, keyed by facet name, so counts can leave their own facet out."""
    conditions = {}
    if "q" in values:
        # Every word, accent- and tone-style-blind, in the number, type, title, issuer...
        # ("nq 01", "ke hoach 15", "Tỉnh uỷ"); or a number typed without breaks ("01nqtu").
        text = values["q"]
        match = match_condition(Document, text) or Q(pk__in=[])
        key = number_search_key(text)
        if re.search(r"\d", key) and re.search(r"[a-z]", key):
            match |= Q(number_key__contains=key)
        conditions["q"] = match
    if "loai" in values:
        conditions["loai"] = Q(doc_type=values["loai"])
    if "co_quan" in values:
        conditions["co_quan"] = Q(issuing_body=values["co_quan"])
    if "nhiem_ky" in values:
        conditions["nhiem_ky"] = Q(term=values["nhiem_ky"])
    if "linh_vuc" in values:
        conditions["linh_vuc"] = Q(fields=values["linh_vuc"])
    if "hieu_luc" in values:
        conditions["hieu_luc"] = Q(computed_validity=values["hieu_luc"])
    if "nam" in values:
        conditions["nam"] = Q(issued_on__year=values["nam"])
    if "tu_ngay" in values:
        conditions["tu_ngay"] = Q(issued_on__gte=values["tu_ngay"])
    if "den_ngay" in values:
        conditions["den_ngay"] = Q(issued_on__lte=values["den_ngay"])
    if "nguoi_ky" in values:
        conditions["nguoi_ky"] = Q(signer__iexact=values["nguoi_ky"])
    return conditions


def published_documents():
    """Published documents (with their validity): the base of lists, counts and exports."""
    return Document.objects.published()


def filter_documents(values, queryset=None):
    """Published documents matching every active filter, in the chosen order."""
    queryset = published_documents() if queryset is None else queryset
    for condition in facet_conditions(values).values():
        queryset = queryset.filter(condition)
    sort = values.get("sap_xep") or DEFAULT_SORT
    # Only the field filter crosses a many-to-many relation and can repeat a row.
    if "linh_vuc" in values:
        queryset = queryset.distinct()
    if "q" in values and "sap_xep" not in values:
        # The site search's ranking: the number typed first, then title, summary, the rest.
        # Annotated rather than aliased: DISTINCT needs its ORDER BY in the select list.
        rank = rank_expression(Document, values["q"])
        return queryset.annotate(search_rank=rank).order_by("search_rank", *SORTS[sort][1])
    return queryset.order_by(*SORTS[sort][1])


def _without(values, facet):
    conditions = facet_conditions(values)
    conditions.pop(facet, None)
    queryset = published_documents()
    for condition in conditions.values():
        queryset = queryset.filter(condition)
    return queryset


def facet_counts(values):
    """For each facet, its options with the number of published documents each would show.

    A facet's own choice is left out of its counts, so a reader sees how many documents
    each other option of that facet would give with the rest of the filters kept.
    """

    def counted(facet, key):
        rows = (
            _without(values, facet)
            .order_by()
            .values(key)
            .annotate(n=Count("pk", distinct=True))
            .values_list(key, "n")
        )
        return {value: n for value, n in rows if value not in (None, "")}

    by_type = counted("loai", "doc_type")
    by_body = counted("co_quan", "issuing_body")
    by_term = counted("nhiem_ky", "term")
    by_field = counted("linh_vuc", "fields")
    by_validity = counted("hieu_luc", "computed_validity")
    by_signer = counted("nguoi_ky", "signer")
    years = (
        _without(values, "nam")
        .order_by()
        .annotate(year=ExtractYear("issued_on"))
        .values("year")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-year")
        .values_list("year", "n")
    )
    return {
        "loai": [(t, by_type[t.pk]) for t in DocumentType.objects.all() if t.pk in by_type],
        "co_quan": [(b, by_body[b.pk]) for b in IssuingBody.objects.all() if b.pk in by_body],
        "nhiem_ky": [(t, by_term[t.pk]) for t in Term.objects.all() if t.pk in by_term],
        "linh_vuc": [(f, by_field[f.pk]) for f in Field.objects.all() if f.pk in by_field],
        "hieu_luc": [(v, by_validity[v]) for v in Validity if v in by_validity],
        "nam": list(years),
        "nguoi_ky": sorted(by_signer.items(), key=lambda item: fold(item[0]))[:30],
    }
