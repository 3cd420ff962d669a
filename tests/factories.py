"""Small builders with sensible defaults: make_article(**overrides) and friends."""

import datetime
from itertools import count

from django.contrib.auth.models import Group, User
from django.utils import timezone

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
