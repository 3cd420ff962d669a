"""Open data: the registry as CSV and JSON, and one document as JSON.

Callers pass querysets built on `published()`, so a draft never reaches an export.
Registry exports are bounded (docs/security.md §18): at most EXPORT_MAX_ROWS rows
per response, the rest on the next pages (`?trang=2`), the cap and the total written in
the response; each page is cached until any document changes.
"""

import csv
import hashlib
import io
import logging
import math
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max

from resolutions.models import REVERSE_RELATION_LABELS, VALIDITY_SLUGS, Document, Validity

logger = logging.getLogger(__name__)

CSV_COLUMNS = [
    ("so_ky_hieu", "Số ký hiệu"),
    ("loai", "Loại văn bản"),
    ("trich_yeu", "Trích yếu"),
    ("co_quan_ban_hanh", "Cơ quan ban hành"),
    ("nhiem_ky", "Nhiệm kỳ"),
    ("nguoi_ky", "Người ký"),
    ("chuc_vu", "Chức vụ"),
    ("ngay_ban_hanh", "Ngày ban hành"),
    ("ngay_hieu_luc", "Ngày có hiệu lực"),
    ("ngay_het_hieu_luc", "Ngày hết hiệu lực"),
    ("hieu_luc", "Tình trạng hiệu lực"),
    ("linh_vuc", "Lĩnh vực"),
    ("duong_dan", "Đường dẫn"),
]


def _date(value):
    return value.isoformat() if value else ""


def document_row(document, build_absolute_uri):
    """The flat, registry-level description of one document."""
    return {
        "so_ky_hieu": document.number,
        "loai": document.doc_type.name,
        "trich_yeu": document.title,
        "co_quan_ban_hanh": document.issuing_body.name,
        "nhiem_ky": str(document.term) if document.term else "",
        "nguoi_ky": document.signer,
        "chuc_vu": document.signer_title,
        "ngay_ban_hanh": _date(document.issued_on),
        "ngay_hieu_luc": _date(document.effective_on),
        "ngay_het_hieu_luc": _date(document.expires_on),
        "hieu_luc": Validity(document.validity).label,
        # The same value as `?hieu_luc=` of the registry, so a reader can filter with it.
        "ma_hieu_luc": VALIDITY_SLUGS[document.validity],
        "linh_vuc": "; ".join(field.name for field in document.fields.all()),
        "duong_dan": build_absolute_uri(document.get_absolute_url()),
    }


def _csv_cell(value):
    # A cell starting with = + - @ is a formula to Excel; editors' text must stay text.
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def registry_csv(documents, build_absolute_uri):
    """CSV text with a byte-order mark, so Excel opens the Vietnamese as UTF-8."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([label for _, label in CSV_COLUMNS])
    for document in documents:
        row = document_row(document, build_absolute_uri)
        writer.writerow([_csv_cell(row[key]) for key, _ in CSV_COLUMNS])
    return buffer.getvalue()


def registry_json(documents, build_absolute_uri, page=None):
    data = {"so_van_ban": len(documents)}
    if page is not None:
        data.update(
            {
                "tong_so": page.total,
                "gioi_han": page.limit,
                "trang": page.number,
                "so_trang": page.count,
                "trang_tiep": build_absolute_uri(page.next_url) if page.next_url else None,
            }
        )
    data["van_ban"] = [document_row(document, build_absolute_uri) for document in documents]
    return data


class BadPage(ValueError):
    """`?trang=` is not a page number."""


@dataclass(frozen=True)
class ExportPage:
    """One bounded slice of the registry: which page, of how many, under which cap."""

    number: int
    limit: int
    total: int
    next_url: str | None

    @property
    def count(self):
        return max(1, math.ceil(self.total / self.limit))

    def headers(self):
        headers = {
            "X-Total-Count": str(self.total),
            "X-Export-Limit": str(self.limit),
            "X-Export-Page": f"{self.number}/{self.count}",
        }
        if self.next_url:
            headers["Link"] = f'<{self.next_url}>; rel="next"'
        return headers


def export_page(documents, request):
    """The documents of the requested page and its ExportPage; BadPage for a bad ?trang=."""
    raw = request.GET.get("trang", "1").strip()
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 100_000:
        raise BadPage(raw)
    number, limit = int(raw), settings.EXPORT_MAX_ROWS
    total = documents.count()
    rows = list(documents[(number - 1) * limit : number * limit])
    next_url = None
    if number * limit < total:
        query = request.GET.copy()
        query["trang"] = str(number + 1)
        next_url = f"{request.path}?{query.urlencode()}"
    return rows, ExportPage(number=number, limit=limit, total=total, next_url=next_url)


def cache_key(request, kind):
    """Changes when any document is saved or deleted, or a scheduled one goes public."""
    stamp = Document.objects.aggregate(changed=Max("updated_at"))["changed"]
    published = Document.objects.published().count()
    query = sorted(request.GET.lists())
    digest = hashlib.sha256(
        repr((request.build_absolute_uri("/"), query, str(stamp), published)).encode()
    ).hexdigest()
    return f"export:{kind}:{digest}"


def cached(request, kind, build):
    """`build()`'s (body, headers), from the cache when the registry has not changed.

    A cache that is down just means building every time (get/set fail quietly with
    django-redis IGNORE_EXCEPTIONS; the rate limit still bounds how often).
    """
    key = cache_key(request, kind)
    try:
        hit = cache.get(key)
    except Exception:  # a backend that raises instead: serve uncached, and say so
        logger.warning("Export cache unavailable; building %s uncached.", kind, exc_info=True)
        return build()
    if hit is not None:
        return hit
    value = build()
    try:
        cache.set(key, value, settings.EXPORT_CACHE_SECONDS)
    except Exception:
        logger.warning("Export cache unavailable; %s not stored.", kind, exc_info=True)
    return value


def document_json(document, outgoing, incoming, build_absolute_uri):
    """One document with its validity, its relations both ways and its file links."""
    data = document_row(document, build_absolute_uri)
    data.update(
        {
            "ly_do_hieu_luc": document.validity_note,
            "tom_tat": document.summary,
            "quan_he": [
                {
                    "quan_he": relation.get_kind_display(),
                    "ma_quan_he": relation.kind,
                    "chieu": "di",
                    "so_ky_hieu": relation.target.number,
                    "duong_dan": build_absolute_uri(relation.target.get_absolute_url()),
                }
                for relation in outgoing
            ]
            + [
                {
                    "quan_he": REVERSE_RELATION_LABELS[relation.kind],
                    "ma_quan_he": relation.kind,
                    "chieu": "den",
                    "so_ky_hieu": relation.source.number,
                    "duong_dan": build_absolute_uri(relation.source.get_absolute_url()),
                }
                for relation in incoming
            ],
            "tep": [
                {
                    "ten": document_file.title,
                    "ten_goc": document_file.original_name,
                    "dinh_dang": document_file.kind,
                    "kieu_noi_dung": document_file.content_type,
                    "dung_luong": document_file.size,
                    "duong_dan": build_absolute_uri(document_file.get_absolute_url()),
                }
                for document_file in document.files.all()
            ],
        }
    )
    return data


# The reach page as data: one row per document and level. The rows are as many as the
# term's thematic resolutions times the levels (a few dozen), so no paging is needed.
REACH_COLUMNS = [
    ("so_ky_hieu", "Số ký hiệu"),
    ("cap", "Cấp"),
    ("ma_cap", "Mã cấp"),
    ("so_cap_uy", "Số cấp ủy"),
    ("cap_uy_da_bao_cao", "Cấp ủy đã báo cáo"),
    ("so_dang_vien", "Số đảng viên"),
    ("dang_vien_da_hoc_tap", "Đảng viên đã học tập"),
    ("cap_uy_chua_co_so_dang_vien", "Cấp ủy chưa có số đảng viên"),
    ("bai_thu_hoach", "Bài thu hoạch"),
    ("bai_tot", "Bài loại tốt"),
    ("bai_kha", "Bài loại khá"),
    ("bai_trung_binh", "Bài loại trung bình"),
    ("bai_chua_dat", "Bài chưa đạt"),
    ("vang_mat", "Đảng viên vắng"),
    ("hoi_nghi", "Hội nghị"),
    ("nguoi_du", "Người dự hội nghị"),
]


def reach_rows(reach):
    """Flat rows of term_reach(): figures from approved results and published conferences."""
    rows = []
    for item in reach:
        for level in item.levels:
            grades = dict(level.grade_list)
            rows.append(
                {
                    "so_ky_hieu": item.document.number,
                    "cap": level.label,
                    "ma_cap": level.level,
                    "so_cap_uy": level.committees_total,
                    "cap_uy_da_bao_cao": level.committees_reported,
                    "so_dang_vien": level.members_total,
                    "dang_vien_da_hoc_tap": level.members_studied,
                    "cap_uy_chua_co_so_dang_vien": level.committees_without_members,
                    "bai_thu_hoach": level.reports_written,
                    "bai_tot": grades["Tốt"],
                    "bai_kha": grades["Khá"],
                    "bai_trung_binh": grades["Trung bình"],
                    "bai_chua_dat": grades["Chưa đạt"],
                    "vang_mat": level.absent_total,
                    "hoi_nghi": level.conferences,
                    "nguoi_du": level.attendance,
                }
            )
    return rows


def reach_csv(reach):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([label for _, label in REACH_COLUMNS])
    for row in reach_rows(reach):
        writer.writerow(
            [_csv_cell("" if row[key] is None else row[key]) for key, _ in REACH_COLUMNS]
        )
    return buffer.getvalue()


def reach_json(reach, term):
    return {"nhiem_ky": str(term) if term else None, "ket_qua": reach_rows(reach)}
