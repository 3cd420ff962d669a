"""The registry's filters: validated values (`resolutions.forms.DocumentFilterForm`) in,
the queryset, the facet counts and the facet options out.

Only values cleaned by the form reach here, each mapped to a fixed lookup, so nothing
from the query string ever becomes a lookup name (CVE-2025-64459 abused exactly that).
"""

import re

from django.db.models import CharField, Count, Q, Value
from django.db.models.functions import Cast, ExtractYear

from ndportal.search import match_condition, rank_expression
from ndportal.text import fold
from resolutions.models import (
    VALIDITY_SLUGS,
    Document,
    DocumentType,
    Field,
    IssuingBody,
    Term,
    Validity,
)
from resolutions.numbers import number_search_key

SORTS = {
    "moi-nhat": ("Ngày ban hành (mới nhất)", ["-issued_on", "-id"]),
    "cu-nhat": ("Ngày ban hành (cũ nhất)", ["issued_on", "id"]),
    "so": ("Số văn bản", ["serial", "number", "-issued_on"]),
    "trich-yeu": ("Trích yếu (A–Z)", ["title_key", "-issued_on"]),
}
DEFAULT_SORT = "moi-nhat"


VALIDITY_BY_SLUG = {slug: validity for validity, slug in VALIDITY_SLUGS.items()}


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


def _without(conditions, facet, base):
    queryset = base
    for name, condition in conditions.items():
        if name != facet:
            queryset = queryset.filter(condition)
    return queryset


def facet_counts(values):
    """For each facet, its options with the number of published documents each would show.

    A facet's own choice is left out of its counts, so a reader sees how many documents
    each other option of that facet would give with the rest of the filters kept.
    """

    # One query, not seven: each facet's counts are a GROUP BY of their own, sent together
    # as a UNION ALL with the option cast to text (one column type for every facet).
    # The base queryset and conditions are built once: building the validity annotation
    # for each facet was most of the page's time in the profile.
    conditions = facet_conditions(values)
    base = published_documents()

    def counted(facet, key):
        # No DISTINCT (it sorts every group): each count crosses the fields relation at
        # most once (grouping by field, or filtering by the one chosen, never both, as a
        # facet leaves its own choice out), and a document holds a field only once.
        return (
            _without(conditions, facet, base)
            .order_by()
            .annotate(facet=Value(facet, output_field=CharField()), option=Cast(key, CharField()))
            .values("facet", "option")
            .annotate(n=Count("pk"))
            .values_list("facet", "option", "n")
        )

    keys = {
        "loai": "doc_type",
        "co_quan": "issuing_body",
        "nhiem_ky": "term",
        "linh_vuc": "fields",
        "hieu_luc": "computed_validity",
        "nguoi_ky": "signer",
        "nam": ExtractYear("issued_on"),
    }
    first, *rest = (counted(facet, key) for facet, key in keys.items())
    counts = {facet: {} for facet in keys}
    for facet, option, n in first.union(*rest, all=True):
        if option not in (None, ""):
            counts[facet][option] = n
    by_type, by_body, by_term, by_field = (
        {int(pk): n for pk, n in counts[facet].items()}
        for facet in ("loai", "co_quan", "nhiem_ky", "linh_vuc")
    )
    by_validity, by_signer = counts["hieu_luc"], counts["nguoi_ky"]
    years = sorted(((int(year), n) for year, n in counts["nam"].items()), reverse=True)
    return {
        "loai": [(t, by_type[t.pk]) for t in DocumentType.objects.all() if t.pk in by_type],
        "co_quan": [(b, by_body[b.pk]) for b in IssuingBody.objects.all() if b.pk in by_body],
        "nhiem_ky": [(t, by_term[t.pk]) for t in Term.objects.all() if t.pk in by_term],
        "linh_vuc": [(f, by_field[f.pk]) for f in Field.objects.all() if f.pk in by_field],
        "hieu_luc": [(v, by_validity[v]) for v in Validity if v in by_validity],
        "nam": years,
        "nguoi_ky": sorted(by_signer.items(), key=lambda item: fold(item[0]))[:30],
    }


FACET_TITLES = [
    ("loai", "Loại văn bản"),
    ("hieu_luc", "Tình trạng hiệu lực"),
    ("co_quan", "Cơ quan ban hành"),
    ("nhiem_ky", "Nhiệm kỳ"),
    ("linh_vuc", "Lĩnh vực"),
    ("nam", "Năm ban hành"),
    ("nguoi_ky", "Người ký"),
]
ACTIVE_FILTER_LABELS = {
    "q": "Từ khóa",
    "loai": "Loại",
    "co_quan": "Cơ quan",
    "nhiem_ky": "Nhiệm kỳ",
    "linh_vuc": "Lĩnh vực",
    "hieu_luc": "Hiệu lực",
    "nam": "Năm",
    "tu_ngay": "Từ ngày",
    "den_ngay": "Đến ngày",
    "nguoi_ky": "Người ký",
}


def _facet_option(name, item):
    """(query value, label, comparable value) of one facet option."""
    if name == "loai" or name == "linh_vuc":
        return item.slug, item.name, item
    if name == "co_quan":
        return str(item.pk), item.name, item
    if name == "nhiem_ky":
        return item.name, str(item), item
    if name == "hieu_luc":
        return VALIDITY_SLUGS[item], item.label, item
    return str(item), str(item), item  # year, signer


def facet_options(facets, values):
    """Each facet as options with their count, query value and whether they are chosen.

    The template links an option to the page's query string with that value set, or,
    for the chosen one, removed (`{% filter_link %}`).
    """
    result = []
    for name, title in FACET_TITLES:
        options = []
        for item, count in facets[name]:
            value, label, comparable = _facet_option(name, item)
            chosen = values.get(name) == comparable or (
                name == "nguoi_ky" and fold(values.get(name, "")) == fold(label)
            )
            options.append({"label": label, "count": count, "value": value, "chosen": chosen})
        if options:
            result.append({"name": name, "title": title, "options": options})
    return result


def active_filters(values):
    """The filters in force as (query name, "label: value"), for chips that remove them."""
    chips = []
    for name, label in ACTIVE_FILTER_LABELS.items():
        if name not in values:
            continue
        value = values[name]
        if name == "hieu_luc":
            value = Validity(value).label
        elif name in ("tu_ngay", "den_ngay"):
            value = value.strftime("%d/%m/%Y")
        chips.append((name, f"{label}: {value}"))
    return chips
