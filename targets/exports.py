"""Open data: the targets of a resolution or of a term as CSV (UTF-8 with BOM) and JSON.

Built from the same `load_progress` rows as the pages, so only approved reports of
published programmes are ever written, and the figures are the pages' figures.
Exports are bounded like the registry's (docs/security.md §18): EXPORT_MAX_ROWS targets
a page, `?trang=2` for the next, rate-limited per address (settings.RATE_LIMITS).
"""

import csv
import io

from resolutions.exports import _csv_cell
from targets.models import Direction
from targets.numbers import format_number

CSV_COLUMNS = [
    ("nghi_quyet", "Nghị quyết"),
    ("chuong_trinh", "Chương trình, kế hoạch"),
    ("ma", "Số thứ tự"),
    ("chi_tieu", "Chỉ tiêu"),
    ("don_vi_tinh", "Đơn vị tính"),
    ("chieu", "Chiều đánh giá"),
    ("don_vi_chu_tri", "Đơn vị chủ trì"),
    ("gia_tri_dau_ky", "Giá trị đầu kỳ"),
    ("nam_dau_ky", "Năm đầu kỳ"),
    ("muc_tieu", "Mục tiêu cuối nhiệm kỳ"),
    ("thuc_hien", "Thực hiện (mới nhất)"),
    ("nam_thuc_hien", "Năm"),
    ("ky_bao_cao", "Kỳ báo cáo"),
    ("ngay_bao_cao", "Ngày báo cáo"),
    ("van_ban_nguon", "Văn bản nguồn"),
    ("tien_do_phan_tram", "Tiến độ (%)"),
    ("trang_thai", "Trạng thái"),
    ("duong_dan", "Đường dẫn"),
]


def _number(value):
    """Numbers as in a Vietnamese report: 1.234,5 (what the import reads back)."""
    return format_number(value)


def target_row(item, page_url):
    target, latest = item.target, item.latest
    return {
        "nghi_quyet": target.resolution.number,
        "chuong_trinh": target.programme.number,
        "ma": target.code,
        "chi_tieu": target.name,
        "don_vi_tinh": target.unit_of_measure,
        "chieu": Direction(target.direction).label,
        "ma_chieu": target.direction,
        "don_vi_chu_tri": target.unit.name,
        "don_vi_phoi_hop": [unit.name for unit in target.sharing_units.all()],
        "gia_tri_dau_ky": _number(target.baseline_value),
        "nam_dau_ky": target.baseline_year or "",
        "muc_tieu": _number(target.goal_value),
        "trong_so": target.weight,
        "thuc_hien": _number(latest.value) if latest else "",
        "nam_thuc_hien": latest.year if latest else "",
        "ky_bao_cao": latest.get_period_display() if latest else "",
        "ngay_bao_cao": latest.reported_on.isoformat() if latest else "",
        "van_ban_nguon": latest.source_document.number if latest and latest.source_document else "",
        "tien_do_phan_tram": "" if item.percent is None else item.percent,
        "trang_thai": item.status_label,
        "ma_trang_thai": item.status,
        "duong_dan": page_url(target),
    }


def targets_csv(items, page_url):
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    years = [year.year for year in items[0].years] if items else []
    writer.writerow(
        [label for _, label in CSV_COLUMNS]
        + [f"{kind} {year}" for year in years for kind in ("Kế hoạch", "Thực hiện")]
    )
    for item in items:
        row = target_row(item, page_url)
        figures = [_number(v) for year in item.years for v in (year.plan, year.actual)]
        writer.writerow([_csv_cell(row[key]) for key, _ in CSV_COLUMNS] + figures)
    return buffer.getvalue()


def targets_json(items, page_url, page=None):
    data = {"so_chi_tieu": len(items)}
    if page is not None:
        data.update(tong_so=page.total, gioi_han=page.limit, trang=page.number, so_trang=page.count)
    rows = []
    for item in items:
        row = target_row(item, page_url)
        row["tung_nam"] = [
            {
                "nam": year.year,
                "ke_hoach": _number(year.plan),
                "thuc_hien": _number(year.actual),
                "dat_ke_hoach": year.met,
            }
            for year in item.years
        ]
        row["lich_su_bao_cao"] = [
            {
                "ky_bao_cao": report.get_period_display(),
                "nam": report.year,
                "gia_tri": _number(report.value),
                "ngay_bao_cao": report.reported_on.isoformat(),
                "thay_cho": report.supersedes_id,
                "ma": report.pk,
                "ghi_chu": report.note,
            }
            for report in item.history
        ]
        rows.append(row)
    data["chi_tieu"] = rows
    return data
