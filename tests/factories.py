"""Small builders with sensible defaults: make_article(**overrides) and friends."""

import datetime
from itertools import count

from django.contrib.auth.models import Group, User
from django.utils import timezone

from feedback.models import Question, QuestionStatus
from ndportal.publishing import Status
from ndportal.roles import ROLES
from news.models import Article, Category
from pages.models import Page
from resolutions.models import (
    Committee,
    CommitteeReporter,
    Conference,
    Document,
    DocumentType,
    IssuingBody,
    StudyResult,
    Term,
)
from targets.models import ResponsibleUnit

_sequence = count(1)


def make_category(**overrides):
    n = next(_sequence)
    values = {"name": f"Chuyên mục {n}", "slug": f"chuyen-muc-{n}"}
    values.update(overrides)
    return Category.objects.create(**values)


def make_article(**overrides):
    values = {
        "title": f"Bài viết số {next(_sequence)}",
        "lead": "Sapo của bài viết.",
        "body": "<p>Nội dung bài viết.</p>",
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=1),
    }
    values.update(overrides)
    if "category" not in values:
        values["category"] = make_category()
    return Article.objects.create(**values)


def make_document_type(**overrides):
    values = {"name": "Nghị quyết", "code": "NQ", "slug": "nghi-quyet"}
    values.update(overrides)
    return DocumentType.objects.get_or_create(code=values["code"], defaults=values)[0]


def make_issuing_body(**overrides):
    values = {"name": "Tỉnh ủy Nam Định", "code": "TU"}
    values.update(overrides)
    return IssuingBody.objects.get_or_create(name=values["name"], defaults=values)[0]


def make_term(**overrides):
    values = {"name": "XX", "start_year": 2020, "end_year": 2025}
    values.update(overrides)
    return Term.objects.get_or_create(name=values["name"], defaults=values)[0]


def make_document(**overrides):
    n = next(_sequence)
    values = {
        "number": f"{n:02d}-NQ/TU",
        "title": f"về nhiệm vụ trọng tâm số {n}",
        "issued_on": datetime.date(2021, 7, 30),
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=1),
    }
    values.update(overrides)
    values.setdefault("doc_type", make_document_type())
    values.setdefault("issuing_body", make_issuing_body())
    return Document.objects.create(**values)


def make_conference(**overrides):
    values = {
        "title": f"Hội nghị học tập nghị quyết số {next(_sequence)}",
        "level": "province",
        "organiser": "Ban Thường vụ Tỉnh ủy",
        "starts_at": timezone.now() - datetime.timedelta(days=2),
        "place": "Hội trường Tỉnh ủy",
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(days=2),
    }
    values.update(overrides)
    return Conference.objects.create(**values)


def make_committee(**overrides):
    n = next(_sequence)
    values = {"name": f"Huyện ủy số {n}", "level": "district"}
    values.update(overrides)
    return Committee.objects.create(**values)


def make_study_result(**overrides):
    """An approved result: 30 members, 28 studied, 28 learning reports."""
    values = {"members": 30, "members_studied": 28, "reports_written": 28, "is_approved": True}
    values.update(overrides)
    values.setdefault("committee", make_committee())
    values.setdefault("document", make_document())
    return StudyResult.objects.create(**values)


def make_reporter(committee, username=None, includes_subtree=False):
    """A staff user in the committee-reporter role, tied to `committee`."""
    user = make_staff("committee_reporter", username or f"capuy-{committee.pk}")
    CommitteeReporter.objects.create(
        user=user, committee=committee, includes_subtree=includes_subtree
    )
    return user


def make_staff(role="editor", username=None, **overrides):
    """A staff user in one editorial role: 'editor', 'approver' or 'admin' (ndportal/roles.py)."""
    user = User.objects.create_user(username or f"{role}-user", is_staff=True, **overrides)
    user.groups.add(Group.objects.get(name=ROLES[role].group))
    return user


def make_page(**overrides):
    """A published site page (giới thiệu by default)."""
    values = {
        "title": "Giới thiệu",
        "slug": "gioi-thieu",
        "summary": "Về cổng thông tin.",
        "body": "<p>Cổng thông tin Nghị quyết của Tỉnh ủy.</p>",
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=1),
    }
    values.update(overrides)
    return Page.objects.create(**values)


def make_unit(**overrides):
    """A responsible unit (đơn vị chủ trì)."""
    values = {"name": f"Sở số {next(_sequence)}"}
    values.update(overrides)
    return ResponsibleUnit.objects.create(**values)


def make_target(**overrides):
    """A target of a published thematic resolution of khóa XX and its published plan."""
    from targets.models import Target

    values = {"name": f"Chỉ tiêu số {next(_sequence)}", "goal_value": 100, "baseline_value": 0}
    values.update(overrides)
    if "resolution" not in values:
        values["resolution"] = make_document(term=make_term(), is_thematic=True)
    if "programme" not in values:
        plan_type = make_document_type(name="Kế hoạch", code="KH", slug="ke-hoach")
        values["programme"] = make_document(
            number=f"{next(_sequence)}-KH/TU", doc_type=plan_type, term=values["resolution"].term
        )
    values.setdefault("unit", make_unit())
    return Target.objects.create(**values)


def make_report(target, year=2022, value=50, **overrides):
    """An approved yearly report of `target`."""
    from targets.models import Period, TargetReport

    values = {"period": Period.YEAR, "is_approved": True}
    values.update(overrides)
    return TargetReport.objects.create(target=target, year=year, value=value, **values)


def make_question(**overrides):
    """A citizen's question, received (not assigned) unless overridden; answered=True publishes
    it (assigned, approved answer, consent to publish)."""
    answered = overrides.pop("answered", False)
    values = {
        "subject": f"Câu hỏi số {next(_sequence)}",
        "message": "Xin hỏi chính sách hỗ trợ theo nghị quyết được áp dụng thế nào?",
        "received_at": timezone.now() - datetime.timedelta(days=10),
    }
    if answered:
        now = timezone.now()
        values.update(
            status=QuestionStatus.ANSWERED,
            consent_to_publish=True,
            answer="Câu trả lời của đơn vị.",
            answered_at=now - datetime.timedelta(days=2),
            closed_at=now - datetime.timedelta(days=2),
        )
        if "committee" not in overrides:
            values["unit"] = overrides.pop("unit", None) or make_unit()
    values.update(overrides)
    return Question.objects.create(**values)


def warm_page_fragments():
    """Read what every page keeps under the content version (footer, main navigation,
    "Đọc nhiều"), so that an exact query count measures the page alone."""
    from news.navigation import nav_categories
    from news.reads import most_read
    from pages.footer import footer_data

    footer_data()
    nav_categories()
    most_read()
