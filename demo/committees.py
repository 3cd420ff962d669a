"""The demo's committee tree (khóa XX), its study results and an open campaign.

The real shape, shortened: the provincial committee, the 14 committees directly under it
(ten district and city committees and four bloc committees), communes under Hải Hậu and
Giao Thủy, and cells under two communes. Members are plausible, not official, figures.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from resolutions.models import (
    Committee,
    CommitteeReporter,
    ConferenceLevel,
    StudyCampaign,
    StudyResult,
    Term,
)

PROVINCE = "Tỉnh ủy Nam Định"
# Directly under the province: name, level, party members.
UNDER_PROVINCE = [
    ("Thành ủy Nam Định", ConferenceLevel.DISTRICT, 16800),
    ("Huyện ủy Mỹ Lộc", ConferenceLevel.DISTRICT, 4300),
    ("Huyện ủy Vụ Bản", ConferenceLevel.DISTRICT, 8200),
    ("Huyện ủy Ý Yên", ConferenceLevel.DISTRICT, 12100),
    ("Huyện ủy Nam Trực", ConferenceLevel.DISTRICT, 10400),
    ("Huyện ủy Trực Ninh", ConferenceLevel.DISTRICT, 9300),
    ("Huyện ủy Xuân Trường", ConferenceLevel.DISTRICT, 9000),
    ("Huyện ủy Giao Thủy", ConferenceLevel.DISTRICT, 10500),
    ("Huyện ủy Hải Hậu", ConferenceLevel.DISTRICT, 14200),
    ("Huyện ủy Nghĩa Hưng", ConferenceLevel.DISTRICT, 10300),
    ("Đảng bộ Quân sự tỉnh", ConferenceLevel.DISTRICT, 1500),
    ("Đảng bộ Công an tỉnh", ConferenceLevel.DISTRICT, 2100),
    ("Đảng bộ Khối các cơ quan tỉnh", ConferenceLevel.DISTRICT, 5200),
    ("Đảng bộ Khối doanh nghiệp tỉnh", ConferenceLevel.DISTRICT, None),
]
COMMUNES = {
    "Huyện ủy Hải Hậu": [
        ("Đảng ủy xã Hải Minh", 520),
        ("Đảng ủy xã Hải Anh", 610),
        ("Đảng ủy xã Hải Đông", 480),
        ("Đảng ủy xã Hải Tây", 455),
        ("Đảng ủy xã Hải Lý", 390),
        ("Đảng ủy thị trấn Yên Định", 700),
        ("Đảng ủy thị trấn Thịnh Long", 560),
        ("Đảng ủy xã Hải Xuân", None),
    ],
    "Huyện ủy Giao Thủy": [
        ("Đảng ủy xã Giao Thiện", 430),
        ("Đảng ủy xã Giao Xuân", 470),
        ("Đảng ủy thị trấn Quất Lâm", 510),
        ("Đảng ủy xã Bạch Long", 300),
    ],
}
CELLS = {
    "Đảng ủy xã Hải Minh": [("Chi bộ xóm 5, xã Hải Minh", 38), ("Chi bộ xóm 6, xã Hải Minh", 41)],
    "Đảng ủy xã Giao Xuân": [("Chi bộ xóm Xuân Hà", 29), ("Chi bộ xóm Xuân Thủy", 33)],
}

# (committee, share studied, days after the deadline it reported (None: on time),
# approved). Committees not listed have not reported.
RESULTS = [
    (PROVINCE, 0.97, None, True),
    ("Thành ủy Nam Định", 0.95, None, True),
    ("Huyện ủy Vụ Bản", 0.93, None, True),
    ("Huyện ủy Ý Yên", 0.91, 3, True),
    ("Huyện ủy Giao Thủy", 0.94, None, True),
    ("Huyện ủy Hải Hậu", 0.96, None, True),
    ("Huyện ủy Xuân Trường", 0.92, 5, True),
    ("Đảng bộ Công an tỉnh", 0.99, None, True),
    ("Đảng bộ Khối doanh nghiệp tỉnh", 0.88, 1, False),
    ("Đảng ủy xã Hải Minh", 0.95, None, True),
    ("Đảng ủy xã Hải Anh", 0.93, None, True),
    ("Đảng ủy thị trấn Yên Định", 0.9, 2, True),
    ("Đảng ủy xã Giao Thiện", 0.89, None, False),
    ("Chi bộ xóm 5, xã Hải Minh", 1.0, None, True),
]
CAMPAIGN = "Học tập, quán triệt 5 nghị quyết chuyên đề khóa XX"
DEADLINE_DAYS_AGO = 10
REPORTER = "capuy_haihau"
ASSESSMENT = (
    "Hội nghị được tổ chức nghiêm túc, đúng kế hoạch; đảng viên vắng mặt đã được học bù. "
    "Bài thu hoạch nêu được liên hệ với nhiệm vụ của địa phương."
)


def load_tree():
    """The khóa XX tree, keyed by name; the committees of the demo conferences join it."""
    term = Term.objects.get(name="XX")
    committees = {}

    def place(name, level, parent, members):
        committee, created = Committee.objects.get_or_create(
            name=name, parent=parent, defaults={"level": level, "term": term}
        )
        # Rows from before the tree had terms (the conferences' committees) join this one.
        if created or committee.term_id is None:
            committee.term = term
            committee.party_members = members
            committee.save()
        committees[name] = committee
        return committee

    province = place(PROVINCE, ConferenceLevel.PROVINCE, None, 110_400)
    for name, level, members in UNDER_PROVINCE:
        place(name, level, province, members)
    for district, communes in COMMUNES.items():
        for name, members in communes:
            place(name, ConferenceLevel.COMMUNE, committees[district], members)
    for commune, cells in CELLS.items():
        for name, members in cells:
            place(name, ConferenceLevel.CELL, committees[commune], members)
    return committees


def load_results(committees, documents):
    """Each listed committee's results on the five thematic resolutions."""
    deadline = timezone.localdate() - datetime.timedelta(days=DEADLINE_DAYS_AGO)
    for number, (name, share, late_by, approved) in enumerate(RESULTS):
        committee = committees[name]
        members = committee.party_members or 900
        for index, key in enumerate(("nq01", "nq02", "nq03", "nq04", "nq05")):
            studied = min(members, round(members * (share - index * 0.005)))
            absent = members - studied
            written = round(studied * 0.9)
            good, fair = round(written * 0.55), round(written * 0.35)
            average = round(written * 0.08)
            days = -3 - number % 4 if late_by is None else late_by
            reported = timezone.make_aware(
                datetime.datetime.combine(
                    deadline + datetime.timedelta(days=days), datetime.time(9)
                )
            )
            StudyResult.objects.get_or_create(
                committee=committee,
                document=documents[key],
                defaults={
                    "members": members,
                    "members_studied": studied,
                    "absent_sick": absent // 2,
                    "absent_work": absent - absent // 2 - absent // 5,
                    "absent_other": absent // 5,
                    "reports_written": written,
                    "grade_good": good,
                    "grade_fair": fair,
                    "grade_average": average,
                    "grade_poor": written - good - fair - average,
                    "assessment": ASSESSMENT if index == 0 else "",
                    "is_approved": approved,
                    "reported_at": reported,
                },
            )


def load_campaign(documents):
    """One open campaign whose deadline passed ten days before the demo was loaded."""
    campaign, created = StudyCampaign.objects.get_or_create(
        name=CAMPAIGN,
        defaults={
            "term": Term.objects.get(name="XX"),
            "levels": [ConferenceLevel.DISTRICT, ConferenceLevel.COMMUNE],
            "deadline": timezone.localdate() - datetime.timedelta(days=DEADLINE_DAYS_AGO),
        },
    )
    if created:
        campaign.documents.set([documents[key] for key in ("nq01", "nq02", "nq03", "nq04", "nq05")])
    return campaign


def load_committees(documents):
    committees = load_tree()
    load_results(committees, documents)
    load_campaign(documents)
    return committees


def link_reporter():
    """The demo committee reporter reports for Hải Hậu and the communes under it."""
    user = get_user_model().objects.get(username=REPORTER)
    if not user.email:
        user.email = f"{REPORTER}@example.vn"
        user.save()
    CommitteeReporter.objects.get_or_create(
        user=user,
        defaults={
            "committee": Committee.objects.get(name="Huyện ủy Hải Hậu", term__name="XX"),
            "includes_subtree": True,
        },
    )
