"""Demo follow-up: each thematic resolution's plan with its targets, five years of reports
and milestones with photos. Figures are invented; some years are missing, some reports
corrected, some targets behind and some achieved, so every status shows.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile

from demo.images import render
from targets.models import (
    Direction,
    Milestone,
    MilestonePhoto,
    Period,
    ResponsibleUnit,
    Target,
    TargetPlan,
    TargetReport,
)

START, END = 2020, 2025
UNITS = {
    "btc": ("Ban Tổ chức Tỉnh ủy", "BTC Tỉnh ủy"),
    "nnmt": ("Sở Nông nghiệp và Môi trường", "Sở NN&MT"),
    "ct": ("Sở Công Thương", "Sở CT"),
    "xd": ("Sở Xây dựng", "Sở XD"),
    "khcn": ("Sở Khoa học và Công nghệ", "Sở KH&CN"),
    "ubnd": ("Ủy ban nhân dân tỉnh", "UBND tỉnh"),
}
# Reporting-unit accounts (role Đơn vị báo cáo) and the unit each reports for.
DEMO_UNIT_ACCOUNTS = [("donvi_nnmt", "nnmt", "Sở NN&MT"), ("donvi_ubnd", "ubnd", "UBND tỉnh")]

H, L, E, M = Direction.HIGHER, Direction.LOWER, Direction.EXACT, Direction.MILESTONE
# (code, name, unit of measure, direction, baseline 2020, goal 2025, unit, pace, options)
# pace 1 follows the plan exactly; above it runs ahead, below it falls behind. Options:
# "missing" years without a report, "fix" a year whose first report was corrected,
# "done" the year a yes/no milestone was completed, "pending" years not yet approved,
# "midterm" the year of a sơ kết figure, "none" a target nobody has reported yet.
TARGETS = {
    "kh15": [
        (
            "1",
            "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
            "%",
            H,
            "85",
            "90",
            "btc",
            1.2,
            {"midterm": 2023},
        ),
        (
            "2",
            "Số đảng viên mới kết nạp mỗi năm",
            "đảng viên",
            H,
            "1800",
            "2000",
            "btc",
            1.5,
            {"fix": 2022},
        ),
        (
            "3",
            "Tỷ lệ chi bộ sinh hoạt chuyên đề ít nhất mỗi quý",
            "%",
            H,
            "70",
            "100",
            "btc",
            1.0,
            {"missing": [2022, 2025]},
        ),
        ("4", "Số tổ chức cơ sở đảng yếu kém", "tổ chức", L, "12", "0", "btc", 0.7, {}),
        (
            "5",
            "Ban hành quy định đánh giá cán bộ bằng sản phẩm cụ thể",
            "",
            M,
            None,
            "1",
            "btc",
            1,
            {"done": 2022},
        ),
    ],
    "kh16": [
        (
            "1",
            "Giá trị sản xuất trên 1 ha đất trồng trọt và nuôi trồng thủy sản",
            "triệu đồng",
            H,
            "150",
            "200",
            "nnmt",
            1.1,
            {"fix": 2023},
        ),
        (
            "2",
            "Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao",
            "%",
            H,
            "20",
            "70",
            "nnmt",
            0.75,
            {"pending": [2025]},
        ),
        (
            "3",
            "Diện tích cánh đồng lớn, liên kết sản xuất",
            "ha",
            H,
            "8000",
            "15000",
            "nnmt",
            0.95,
            {"missing": [2021]},
        ),
        ("4", "Tỷ lệ hộ nghèo (chuẩn đa chiều)", "%", L, "2,1", "1", "ubnd", 1.3, {}),
        ("5", "Tỷ lệ che phủ rừng ven biển giữ ổn định", "%", E, "3,8", "4", "nnmt", 1, {}),
        (
            "6",
            "Đề án phát triển vùng nguyên liệu lúa chất lượng cao được phê duyệt",
            "",
            M,
            None,
            "1",
            "nnmt",
            1,
            {"done": 2021},
        ),
    ],
    "kh22": [
        (
            "1",
            "Tốc độ tăng giá trị sản xuất công nghiệp bình quân",
            "%/năm",
            H,
            "10",
            "14",
            "ct",
            1.05,
            {},
        ),
        (
            "2",
            "Tỷ lệ lấp đầy các khu công nghiệp đang hoạt động",
            "%",
            H,
            "60",
            "90",
            "ubnd",
            0.85,
            {"fix": 2024},
        ),
        (
            "3",
            "Số cụm công nghiệp có hệ thống xử lý nước thải tập trung",
            "cụm",
            H,
            "8",
            "24",
            "ct",
            0.6,
            {"missing": [2024, 2025]},
        ),
        (
            "4",
            "Tỷ lệ doanh nghiệp công nghiệp vi phạm môi trường",
            "%",
            L,
            "6",
            "2",
            "nnmt",
            1.1,
            {},
        ),
        ("5", "Khởi công Khu công nghiệp Mỹ Thuận", "", M, None, "1", "ubnd", 1, {"done": 2023}),
        (
            "6",
            "Tỷ lệ lao động trong các khu công nghiệp được đào tạo nghề",
            "%",
            H,
            "55",
            "70",
            "ct",
            1,
            {"none": True},
        ),
    ],
    "kh23": [
        ("1", "Tỷ lệ đô thị hóa", "%", H, "20", "35", "xd", 0.9, {}),
        (
            "2",
            "Diện tích cây xanh bình quân trên đầu người khu đô thị",
            "m²/người",
            H,
            "5",
            "8",
            "xd",
            1.1,
            {"missing": [2021, 2022, 2025]},
        ),
        ("3", "Tỷ lệ nước thải đô thị được thu gom, xử lý", "%", H, "30", "60", "xd", 0.7, {}),
        (
            "4",
            "Số điểm ngập úng thường xuyên ở thành phố Nam Định",
            "điểm",
            L,
            "18",
            "5",
            "ubnd",
            1.2,
            {"fix": 2022},
        ),
        (
            "5",
            "Quy hoạch chung đô thị Nam Định đến năm 2040 được phê duyệt",
            "",
            M,
            None,
            "1",
            "ubnd",
            1,
            {"done": 2026},
        ),
    ],
    "kh31": [
        (
            "1",
            "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình",
            "%",
            H,
            "15",
            "80",
            "khcn",
            1.05,
            {},
        ),
        (
            "2",
            "Tỷ trọng kinh tế số trong GRDP",
            "%",
            H,
            "5",
            "20",
            "khcn",
            0.8,
            {"pending": [2025]},
        ),
        (
            "3",
            "Tỷ lệ dân số trưởng thành có điện thoại thông minh",
            "%",
            H,
            "60",
            "90",
            "khcn",
            1.2,
            {},
        ),
        (
            "4",
            "Số cơ sở dữ liệu dùng chung của tỉnh",
            "cơ sở dữ liệu",
            E,
            "4",
            "12",
            "ubnd",
            1,
            {"missing": [2023]},
        ),
        (
            "5",
            "Trung tâm điều hành đô thị thông minh đi vào hoạt động",
            "",
            M,
            None,
            "1",
            "ubnd",
            1,
            {"done": 2024},
        ),
    ],
}
MILESTONES = {
    "kh15": [(datetime.date(2023, 6, 20), "Sơ kết giữa nhiệm kỳ Kế hoạch 15-KH/TU", "hall", "btc")],
    "kh16": [
        (
            datetime.date(2022, 9, 14),
            "Kiểm tra mô hình cánh đồng lớn tại huyện Hải Hậu",
            "fields",
            "nnmt",
        ),
        (
            datetime.date(2024, 11, 5),
            "Công nhận thêm 12 xã nông thôn mới nâng cao",
            "people",
            "nnmt",
        ),
    ],
    "kh22": [
        (datetime.date(2023, 12, 18), "Khởi công Khu công nghiệp Mỹ Thuận", "factory", "ubnd")
    ],
    "kh23": [
        (datetime.date(2024, 4, 2), "Hội nghị lấy ý kiến quy hoạch chung đô thị", "city", "xd")
    ],
    "kh31": [
        (
            datetime.date(2024, 8, 30),
            "Trung tâm điều hành đô thị thông minh vận hành",
            "screens",
            "ubnd",
        )
    ],
}

# Alt text says what the picture shows; the milestone's title is beside it already.
PHOTO_ALT = {
    "hall": "Đại biểu ngồi kín hội trường, trên sân khấu treo cờ Đảng",
    "fields": "Cánh đồng lúa rộng thẳng cánh cò, xa xa là hàng cây và làng quê",
    "people": "Người dân và cán bộ đứng trước nhà văn hóa xã",
    "factory": "Nhà xưởng và cần cẩu trên công trường khu công nghiệp",
    "city": "Phố phường thành phố với nhà cao tầng và cây xanh",
    "screens": "Phòng điều hành với nhiều màn hình lớn hiển thị số liệu",
}


def _decimal(text):
    return Decimal(text.replace(",", ".")) if text is not None else None


def _value(direction, baseline, goal, year, pace, done):
    """The demo figure of `year`: a steady way from baseline to goal, at `pace`."""
    if direction == M:
        return Decimal(1 if done and year >= done else 0)
    share = Decimal(year - START) / Decimal(END - START)
    if direction == E:
        # Reaches the exact value only at the end; short of it before.
        return baseline + (goal - baseline) * share
    value = baseline + (goal - baseline) * share * Decimal(str(pace))
    return value.quantize(Decimal("0.1"))


def _plan(direction, baseline, goal, year, done):
    if direction == M:
        return Decimal(1) if done and year == min(done, END) else None
    share = Decimal(year - START) / Decimal(END - START)
    return (baseline + (goal - baseline) * share).quantize(Decimal("0.1"))


def load_units():
    units = {}
    for key, (name, short) in UNITS.items():
        units[key], _ = ResponsibleUnit.objects.get_or_create(
            name=name, defaults={"short_name": short}
        )
    return units


def add_reports(target, spec, source):
    code, _name, _uom, direction, baseline, goal, _unit, pace, options = spec
    baseline, goal = _decimal(baseline), _decimal(goal)
    done = options.get("done")
    for year in range(START + 1, END + 1):
        plan = _plan(direction, baseline if baseline is not None else Decimal(0), goal, year, done)
        if plan is not None:
            TargetPlan.objects.get_or_create(target=target, year=year, defaults={"value": plan})
    if target.reports.exists() or options.get("none"):
        return
    for year in range(START + 1, END + 1):
        if year in options.get("missing", []):
            continue
        value = _value(direction, baseline or Decimal(0), goal, year, pace, done)
        approved = year not in options.get("pending", [])
        report = TargetReport.objects.create(
            target=target,
            period=Period.YEAR,
            year=year,
            value=value if year != options.get("fix") else value * Decimal("0.9"),
            reported_on=datetime.date(year + 1, 1, 20),
            source_document=source if year == END else None,
            is_approved=approved,
        )
        if year == options.get("midterm"):
            TargetReport.objects.create(
                target=target,
                period=Period.MIDTERM,
                year=year,
                value=value,
                reported_on=datetime.date(year, 6, 20),
                note="Số liệu sơ kết giữa nhiệm kỳ.",
                is_approved=True,
            )
        if year == options.get("fix"):
            TargetReport.objects.create(
                target=target,
                period=Period.YEAR,
                year=year,
                value=value,
                reported_on=datetime.date(year + 1, 3, 10),
                note="Đính chính sau khi rà soát số liệu thống kê.",
                supersedes=report,
                is_approved=True,
            )


def add_milestones(programme, entries, units):
    for order, (day, title, theme, unit_key) in enumerate(entries):
        milestone, created = Milestone.objects.get_or_create(
            programme=programme,
            title=title,
            defaults={"happened_on": day, "unit": units[unit_key], "is_approved": True},
        )
        if created:
            photo = MilestonePhoto(milestone=milestone, alt_text=PHOTO_ALT[theme], order=0)
            image = render(theme, f"milestone-{programme.pk}-{order}", size=(640, 420))
            photo.image.save(f"{theme}.jpg", ContentFile(image), save=True)


def load_targets(documents):
    """Targets, plans, reports and milestones of the five plans; returns the targets."""
    units = load_units()
    source = documents.get("bc215")
    resolutions = {"kh15": "nq01", "kh16": "nq02", "kh22": "nq03", "kh23": "nq04", "kh31": "nq05"}
    targets = []
    for programme_key, specs in TARGETS.items():
        programme = documents[programme_key]
        resolution = documents[resolutions[programme_key]]
        for order, spec in enumerate(specs):
            code, name, uom, direction, baseline, goal, unit_key, _pace, _options = spec
            target, _ = Target.objects.get_or_create(
                programme=programme,
                code=code,
                defaults={
                    "resolution": resolution,
                    "name": name,
                    "unit_of_measure": uom,
                    "direction": direction,
                    "baseline_value": _decimal(baseline),
                    "baseline_year": START if baseline is not None else None,
                    "goal_value": _decimal(goal),
                    "unit": units[unit_key],
                    "order": order,
                },
            )
            if unit_key != "ubnd" and code == "1":
                target.sharing_units.add(units["ubnd"])
            add_reports(target, spec, source)
            targets.append(target)
        add_milestones(programme, MILESTONES.get(programme_key, []), units)
    return targets, units
