"""Open data: the registry as CSV and JSON, and one document as JSON.

Callers pass querysets built on `published()`, so a draft never reaches an export.
"""

import csv
import io

from resolutions.models import REVERSE_RELATION_LABELS, VALIDITY_SLUGS, Validity

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


def registry_json(documents, build_absolute_uri):
    return {
        "so_van_ban": len(documents),
        "van_ban": [document_row(document, build_absolute_uri) for document in documents],
    }


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
