"""Demo conferences: the five thematic resolutions studied level by level, and two recent ones.

The 2021 conferences form one chain (province, district, commune, Party cell) through
`parent`. The two recent ones are dated relative to the day of the first load, so the
home page shows one upcoming and one just held.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from demo.files import Letterhead, pdf_bytes
from demo.images import PHOTO_SIZE, render
from ndportal.publishing import Status
from resolutions.models import (
    AgendaItem,
    Committee,
    CommitteeCount,
    Conference,
    ConferenceFile,
    ConferenceFormat,
    ConferenceLevel,
    ConferencePhoto,
    ConferenceReport,
    ConnectedSite,
    Term,
)

DISTRICTS = [
    "Thành phố Nam Định",
    "Mỹ Lộc",
    "Vụ Bản",
    "Ý Yên",
    "Nam Trực",
    "Trực Ninh",
    "Xuân Trường",
    "Giao Thủy",
    "Hải Hậu",
    "Nghĩa Hưng",
]

# Attendance at each connected site, in the order of DISTRICTS; the main site comes first.
SITES_2021 = [320, 210, 95, 130, 160, 140, 135, 125, 150, 170, 145]
SITES_RECENT = [280, 190, 88, 121, 152, 133, 127, 118, 141, 164, 139]

THEMATIC = ["nq01", "nq02", "nq03", "nq04", "nq05"]

# The chain of committees that organised the 2021 conferences: name, level, parent.
COMMITTEES = [
    ("Tỉnh ủy Nam Định", ConferenceLevel.PROVINCE, None),
    ("Huyện ủy Hải Hậu", ConferenceLevel.DISTRICT, "Tỉnh ủy Nam Định"),
    ("Đảng ủy xã Hải Minh", ConferenceLevel.COMMUNE, "Huyện ủy Hải Hậu"),
    ("Chi bộ xóm 5, xã Hải Minh", ConferenceLevel.CELL, "Đảng ủy xã Hải Minh"),
]

# How many committees exist at each level in term XX: the denominators of the reach page.
# No figure for Party cells, so the page also shows how an unknown count looks.
COMMITTEE_COUNTS_XX = {
    ConferenceLevel.PROVINCE: 1,
    ConferenceLevel.DISTRICT: 10,
    ConferenceLevel.COMMUNE: 226,
}

# Who presented each thematic resolution at the province conference, and for how long.
PRESENTERS_2021 = [
    ("nq01", "Đồng chí Bùi Thị Hạnh, Trưởng Ban Tổ chức Tỉnh ủy", 40),
    ("nq02", "Đồng chí Vũ Thị Thu Hà, Phó Chủ tịch Ủy ban nhân dân tỉnh", 40),
    ("nq03", "Đồng chí Ngô Văn Lực, Trưởng Ban Kinh tế - Ngân sách Tỉnh ủy", 35),
    ("nq04", "Đồng chí Đặng Minh Tâm, Giám đốc Sở Xây dựng", 30),
    ("nq05", "Đồng chí Lại Quốc Huy, Giám đốc Sở Thông tin và Truyền thông", 30),
]

CONFERENCES = [
    {
        "key": "province_2021",
        "committee": "Tỉnh ủy Nam Định",
        "slug": "hoi-nghi-truc-tuyen-hoc-tap-quan-triet-5-nghi-quyet-chuyen-de-khoa-xx",
        "title": "Hội nghị trực tuyến học tập, quán triệt, triển khai thực hiện 5 nghị quyết "
        "chuyên đề của Ban Chấp hành Đảng bộ tỉnh khóa XX",
        "level": ConferenceLevel.PROVINCE,
        "format": ConferenceFormat.ONLINE,
        "term": "XX",
        "starts_at": datetime.datetime(2021, 10, 8, 7, 30),
        "ends_at": datetime.datetime(2021, 10, 8, 11, 30),
        "place": "Hội trường Tỉnh ủy Nam Định (điểm cầu chính)",
        "organiser": "Ban Thường vụ Tỉnh ủy Nam Định",
        "chair": "Đồng chí Lê Quang Thịnh, Bí thư Tỉnh ủy; đồng chí Phạm Hồng Sơn, Phó Bí thư "
        "Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh",
        "target_group": "Cán bộ chủ chốt cấp tỉnh, cấp huyện; bí thư, phó bí thư đảng ủy các "
        "xã, phường, thị trấn",
        "invited_count": 1820,
        "documents": [*THEMATIC, "hd28"],
        "sites": SITES_2021,
        "summary": """
<p>Hội nghị được tổ chức theo hình thức trực tuyến từ điểm cầu chính tại Hội trường Tỉnh ủy
đến 10 điểm cầu các huyện, thành phố, với sự tham dự của 1.780 đại biểu.</p>
<p>Năm báo cáo viên lần lượt giới thiệu quan điểm, mục tiêu, chỉ tiêu và giải pháp của từng
nghị quyết (xem chương trình hội nghị).</p>
<p>Phát biểu kết luận, đồng chí Bí thư Tỉnh ủy yêu cầu các cấp ủy hoàn thành việc học tập,
quán triệt ở cấp huyện trong tháng 10 và ở cơ sở trong tháng 11/2021; mỗi địa phương xây dựng
chương trình hành động với chỉ tiêu cụ thể, phân công rõ người, rõ việc, rõ thời hạn.</p>
""",
        "photos": [
            (
                "hall",
                "Quang cảnh hội nghị tại điểm cầu Tỉnh ủy.",
                "Hội trường đông đại biểu, "
                "phía trước là sân khấu phông đỏ và hai màn hình trình chiếu",
            ),
            (
                "screens",
                "Mười điểm cầu huyện, thành phố kết nối trực tuyến với điểm cầu chính.",
                "Màn hình ghép hiển thị hình ảnh các điểm cầu",
            ),
            (
                "books",
                "Tài liệu học tập 5 nghị quyết chuyên đề được phát tới từng đại biểu.",
                "Những cuốn tài liệu mở trên bàn",
            ),
            (
                "drum",
                "Biểu trưng trống đồng trang trí tại sảnh Hội trường Tỉnh ủy.",
                "Mặt trống đồng với ngôi sao ở giữa",
            ),
        ],
        "handout": True,
        "agenda": PRESENTERS_2021,
        "report": {
            "attendance_reached": 1812,
            "minutes": "Hội nghị khai mạc lúc 7 giờ 30. Năm báo cáo viên lần lượt giới thiệu "
            "5 nghị quyết chuyên đề. Các điểm cầu kết nối ổn định suốt hội nghị.",
            "conclusions": "Hoàn thành học tập ở cấp huyện trong tháng 10 và ở cơ sở trong "
            "tháng 11/2021. 1.780 đại biểu dự trực tuyến, 32 đồng chí vắng mặt đã học bù.",
        },
    },
    {
        "key": "district_2021",
        "committee": "Huyện ủy Hải Hậu",
        "parent": "province_2021",
        "slug": "huyen-uy-hai-hau-hoc-tap-quan-triet-cac-nghi-quyet-chuyen-de-khoa-xx",
        "title": "Huyện ủy Hải Hậu học tập, quán triệt các nghị quyết chuyên đề của Ban Chấp hành "
        "Đảng bộ tỉnh khóa XX",
        "level": ConferenceLevel.DISTRICT,
        "format": ConferenceFormat.IN_PERSON,
        "term": "XX",
        "starts_at": datetime.datetime(2021, 10, 20, 7, 30),
        "ends_at": datetime.datetime(2021, 10, 20, 16, 30),
        "place": "Hội trường Huyện ủy Hải Hậu",
        "organiser": "Ban Thường vụ Huyện ủy Hải Hậu",
        "chair": "Đồng chí Trần Văn Hưng, Bí thư Huyện ủy Hải Hậu",
        "target_group": "Cán bộ chủ chốt của huyện; bí thư đảng ủy các xã, thị trấn và bí thư "
        "chi bộ trực thuộc",
        "invited_count": 330,
        "attendance": 318,
        "documents": THEMATIC,
        "summary": """
<p>Trong một ngày, 318 cán bộ chủ chốt của huyện đã nghe giới thiệu nội dung cơ bản của 5 nghị
quyết chuyên đề, tập trung vào Nghị quyết số 02-NQ/TU về nông nghiệp hàng hóa và nông thôn mới,
lĩnh vực gắn trực tiếp với huyện lúa ven biển.</p>
<p>Hội nghị thảo luận dự thảo Chương trình hành động của Huyện ủy: đến năm 2025 xây dựng 4.500
ha lúa chất lượng cao, 12 xã đạt chuẩn nông thôn mới nâng cao, 3 xã nông thôn mới kiểu mẫu.</p>
""",
        "photos": [
            (
                "hall",
                "Đại biểu dự hội nghị tại Hội trường Huyện ủy Hải Hậu.",
                "Các hàng ghế đại biểu hướng về sân khấu",
            ),
            (
                "fields",
                "Cánh đồng lúa chất lượng cao ở xã Hải Minh, mô hình được giới thiệu tại hội nghị.",
                "Cánh đồng lúa xanh trải dài tới rặng cây",
            ),
        ],
    },
    {
        "key": "commune_2021",
        "committee": "Đảng ủy xã Hải Minh",
        "parent": "district_2021",
        "slug": "dang-uy-xa-hai-minh-quan-triet-nghi-quyet-chuyen-de-ve-nong-nghiep",
        "title": "Đảng ủy xã Hải Minh quán triệt nghị quyết chuyên đề về nông nghiệp hàng hóa "
        "và nông thôn mới",
        "level": ConferenceLevel.COMMUNE,
        "format": ConferenceFormat.IN_PERSON,
        "term": "XX",
        "starts_at": datetime.datetime(2021, 11, 3, 14, 0),
        "ends_at": datetime.datetime(2021, 11, 3, 17, 0),
        "place": "Hội trường Ủy ban nhân dân xã Hải Minh, huyện Hải Hậu",
        "organiser": "Đảng ủy xã Hải Minh",
        "chair": "Đồng chí Nguyễn Thị Hoa, Bí thư Đảng ủy xã",
        "target_group": "Toàn thể đảng viên các chi bộ trực thuộc Đảng ủy xã",
        "invited_count": 204,
        "attendance": 191,
        "documents": ["nq02", "nq01"],
        "summary": """
<p>191/204 đảng viên của 14 chi bộ tham dự; 13 đảng viên vắng có lý do được chi bộ bố trí học
bù. Báo cáo viên liên hệ nghị quyết với thực tế của xã: dồn điền, mở rộng cánh đồng lớn và đưa
gạo Hải Minh thành sản phẩm OCOP.</p>
<p>Đảng ủy giao mỗi chi bộ chọn một việc cụ thể để đăng ký thực hiện trong năm 2022.</p>
""",
        "photos": [
            (
                "books",
                "Đảng viên xã Hải Minh nghiên cứu tài liệu trước giờ học.",
                "Tài liệu học tập mở trên bàn, cạnh chiếc đèn bàn",
            ),
        ],
    },
    {
        "key": "cell_2021",
        "committee": "Chi bộ xóm 5, xã Hải Minh",
        "parent": "commune_2021",
        "slug": "chi-bo-xom-5-xa-hai-minh-sinh-hoat-chuyen-de-nghi-quyet-02-nq-tu",
        "title": "Chi bộ xóm 5 xã Hải Minh sinh hoạt chuyên đề về Nghị quyết số 02-NQ/TU",
        "level": ConferenceLevel.CELL,
        "format": ConferenceFormat.IN_PERSON,
        "term": "XX",
        "starts_at": datetime.datetime(2021, 11, 12, 19, 30),
        "ends_at": datetime.datetime(2021, 11, 12, 21, 30),
        "place": "Nhà văn hóa xóm 5, xã Hải Minh",
        "organiser": "Chi bộ xóm 5, Đảng bộ xã Hải Minh",
        "chair": "Đồng chí Vũ Văn Thành, Bí thư Chi bộ",
        "target_group": "Đảng viên Chi bộ xóm 5; trưởng các chi hội đoàn thể của xóm",
        "invited_count": 36,
        "attendance": 34,
        "documents": ["nq02"],
        "summary": """
<p>Chi bộ thống nhất đăng ký chỉ tiêu năm 2022: dồn thửa để hình thành cánh đồng lớn 25 ha, vận
động 100% hộ sử dụng giống lúa chất lượng cao, làm mới 800 m đường nội đồng.</p>
""",
        "photos": [
            (
                "people",
                "Đảng viên Chi bộ xóm 5 ra quân làm đường nội đồng sau buổi sinh hoạt.",
                "Nhóm người mặc áo xanh trên con đường làng có hoa hai bên",
            ),
        ],
    },
    {
        "key": "province_recent",
        "committee": "Tỉnh ủy Nam Định",
        "slug": "hoi-nghi-truc-tuyen-quan-triet-ket-luan-03-kl-tu",
        "title": "Hội nghị trực tuyến quán triệt Kết luận số 03-KL/TU về tiếp tục thực hiện các "
        "nghị quyết chuyên đề khóa XX",
        "level": ConferenceLevel.PROVINCE,
        "format": ConferenceFormat.HYBRID,
        "term": "XXI",
        "days_from_now": -12,
        "hours": (8, 11),
        "place": "Hội trường Tỉnh ủy Nam Định (điểm cầu chính)",
        "organiser": "Ban Thường vụ Tỉnh ủy Nam Định",
        "chair": "Đồng chí Hoàng Văn Nghĩa, Bí thư Tỉnh ủy",
        "target_group": "Cán bộ chủ chốt cấp tỉnh và các địa phương",
        "invited_count": 1700,
        "documents": ["kl03", "bc215", *THEMATIC],
        "sites": SITES_RECENT,
        "summary": """
<p>Hội nghị nghe báo cáo tổng kết 5 năm thực hiện 5 nghị quyết chuyên đề khóa XX: 24/28 chỉ
tiêu đạt và vượt; những chỉ tiêu chưa đạt về đô thị hóa và kinh tế số được điều chỉnh đến năm
2030 trong Kết luận số 03-KL/TU.</p>
<p>Đồng chí Bí thư Tỉnh ủy yêu cầu các địa phương rà soát, bổ sung chương trình hành động trước
ngày 31/12, công khai chỉ tiêu để Nhân dân theo dõi, giám sát.</p>
""",
        "photos": [
            (
                "hall",
                "Các đại biểu dự hội nghị tại điểm cầu chính.",
                "Hội trường với sân khấu phông đỏ, ngôi sao vàng",
            ),
            (
                "screens",
                "Điểm cầu các địa phương theo dõi hội nghị.",
                "Màn hình ghép nhiều ô hình các điểm cầu",
            ),
        ],
    },
    {
        "key": "province_upcoming",
        "committee": "Tỉnh ủy Nam Định",
        "slug": "hoi-nghi-so-ket-mot-nam-thuc-hien-chuong-trinh-hanh-dong-01-ctr-tu",
        "title": "Hội nghị sơ kết một năm thực hiện Chương trình hành động số 01-CTr/TU của Tỉnh "
        "ủy",
        "level": ConferenceLevel.PROVINCE,
        "format": ConferenceFormat.HYBRID,
        "term": "XXI",
        "days_from_now": 9,
        "hours": (8, 11),
        "place": "Hội trường Tỉnh ủy Nam Định, kết nối trực tuyến đến các đảng bộ trực thuộc",
        "organiser": "Ban Thường vụ Tỉnh ủy Nam Định",
        "chair": "Đồng chí Hoàng Văn Nghĩa, Bí thư Tỉnh ủy",
        "target_group": "Ủy viên Ban Chấp hành Đảng bộ tỉnh; lãnh đạo các sở, ban, ngành; bí "
        "thư các đảng bộ trực thuộc",
        "invited_count": 450,
        "documents": ["ctr01"],
        "summary": """
<p>Chương trình dự kiến:</p>
<ol>
<li>Báo cáo sơ kết một năm thực hiện Chương trình hành động số 01-CTr/TU.</li>
<li>Tham luận của 6 địa phương, đơn vị về ba khâu đột phá.</li>
<li>Kết luận của đồng chí Bí thư Tỉnh ủy.</li>
</ol>
""",
        "photos": [],
    },
]


def _aware(moment):
    return timezone.make_aware(moment)


def _times(values):
    """Start and end; the recent conferences are placed relative to today."""
    if "days_from_now" in values:
        day = timezone.localdate() + datetime.timedelta(days=values["days_from_now"])
        start, end = values["hours"]
        return (
            _aware(datetime.datetime.combine(day, datetime.time(start))),
            _aware(datetime.datetime.combine(day, datetime.time(end))),
        )
    return _aware(values["starts_at"]), _aware(values["ends_at"])


def load_committees():
    committees = {}
    for name, level, parent in COMMITTEES:
        committees[name], _ = Committee.objects.get_or_create(
            name=name, parent=committees.get(parent), defaults={"level": level}
        )
    term = Term.objects.get(name="XX")
    for level, count in COMMITTEE_COUNTS_XX.items():
        CommitteeCount.objects.get_or_create(term=term, level=level, defaults={"count": count})
    return committees


def save_conference(values, *, conferences, documents, committees):
    starts_at, ends_at = _times(values)
    conference, created = Conference.objects.get_or_create(
        slug=values["slug"],
        defaults={
            "title": values["title"],
            "level": values["level"],
            "committee": committees[values["committee"]],
            "format": values["format"],
            "term": Term.objects.get(name=values["term"]),
            "parent": conferences.get(values.get("parent")),
            "organiser": values["organiser"],
            "starts_at": starts_at,
            "ends_at": ends_at,
            "place": values["place"],
            "chair": values["chair"],
            "target_group": values["target_group"],
            "invited_count": values["invited_count"],
            "attendance": values.get("attendance"),
            "summary": values["summary"],
            "status": Status.PUBLISHED,
            # Announced a week before it starts, or when it is announced in the demo's past.
            "published_at": min(starts_at - datetime.timedelta(days=7), timezone.now()),
        },
    )
    if created:
        conference.documents.set([documents[key] for key in values["documents"]])
    return conference


def add_sites(conference, attendances):
    names = ["Điểm cầu Tỉnh ủy"] + [f"Điểm cầu {district}" for district in DISTRICTS]
    for order, (name, attendance) in enumerate(zip(names, attendances, strict=True)):
        place = "Hội trường Tỉnh ủy" if order == 0 else f"Hội trường {_committee(name)}"
        ConnectedSite.objects.get_or_create(
            conference=conference,
            name=name,
            defaults={"place": place, "attendance": attendance, "order": order},
        )
    conference.update_attendance_from_sites()


def _committee(site_name):
    district = site_name.removeprefix("Điểm cầu ")
    if district.startswith("Thành phố"):
        return "Thành ủy " + district.removeprefix("Thành phố ")
    return f"Huyện ủy {district}"


def add_agenda(conference, presenters, documents):
    for order, (key, presenter, minutes) in enumerate(presenters):
        document = documents[key]
        AgendaItem.objects.get_or_create(
            conference=conference,
            document=document,
            defaults={
                "title": f"Giới thiệu Nghị quyết số {document.number}",
                "presenter": presenter,
                "duration_minutes": minutes,
                "order": order,
            },
        )


def add_report(conference, values):
    """The closing report, approved so that readers see it."""
    ConferenceReport.objects.get_or_create(
        conference=conference, defaults={**values, "is_approved": True}
    )


def add_photos(conference, photos):
    for order, (theme, caption, alt_text) in enumerate(photos):
        if conference.photos.filter(caption=caption).exists():
            continue
        photo = ConferencePhoto(
            conference=conference, caption=caption, alt_text=alt_text, order=order
        )
        image = render(theme, f"{conference.slug}-{order}", size=PHOTO_SIZE)
        photo.image.save(f"{theme}.jpg", ContentFile(image), save=True)


def add_handout(conference, documents):
    """The outline the presenters used, as a PDF anyone can download."""
    filename = "de-cuong-gioi-thieu-5-nghi-quyet-chuyen-de.pdf"
    if conference.files.filter(original_name=filename).exists():
        return
    items = "".join(
        f"<li>Nghị quyết số {documents[key].number} {documents[key].title}.</li>"
        for key in THEMATIC
    )
    html = (
        "<h2>I. Các nghị quyết chuyên đề của Ban Chấp hành Đảng bộ tỉnh khóa XX</h2>"
        f"<ul>{items}</ul>"
        "<h2>II. Những điểm mới cần quán triệt</h2>"
        "<p>Các nghị quyết đều có chỉ tiêu định lượng đến năm 2025, phân công cơ quan chủ trì "
        "và lịch sơ kết, tổng kết. Mỗi cấp ủy cần cụ thể hóa thành chương trình hành động phù "
        "hợp với địa phương mình.</p>"
        "<h2>III. Trách nhiệm của cán bộ, đảng viên</h2>"
        "<p>Nắm vững nội dung nghị quyết, viết bài thu hoạch và đăng ký việc làm cụ thể.</p>"
    )
    head = Letterhead(
        organ="TỈNH ỦY NAM ĐỊNH",
        unit="BAN TUYÊN GIÁO",
        number="Tài liệu hội nghị",
        motto="ĐẢNG CỘNG SẢN VIỆT NAM",
        place_date="Nam Định, tháng 10 năm 2021",
        kind="ĐỀ CƯƠNG GIỚI THIỆU",
        title="5 nghị quyết chuyên đề của Ban Chấp hành Đảng bộ tỉnh khóa XX",
        signer_block="BAN TUYÊN GIÁO TỈNH ỦY",
        signer="",
    )
    ConferenceFile(
        conference=conference,
        title="Đề cương giới thiệu 5 nghị quyết chuyên đề (PDF)",
        file=ContentFile(pdf_bytes(head, html), name=filename),
    ).save()


def load_conferences(documents):
    """Create the demo conferences with their sites, photos and files; return them by key."""
    conferences, committees = {}, load_committees()
    for values in CONFERENCES:
        conference = save_conference(
            values, conferences=conferences, documents=documents, committees=committees
        )
        conferences[values["key"]] = conference
        if "sites" in values:
            add_sites(conference, values["sites"])
        add_photos(conference, values["photos"])
        add_agenda(conference, values.get("agenda", []), documents)
        if "report" in values:
            add_report(conference, values["report"])
        if values.get("handout"):
            add_handout(conference, documents)
    return conferences
