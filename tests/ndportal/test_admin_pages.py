"""Every admin page answers, and documents and conferences can be created from scratch."""

import datetime

from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from ndportal.publishing import Status
from ndportal.scopes import ApproverScope
from news.models import Tag
from pages.models import Page, SiteDetails
from resolutions.models import (
    Committee,
    Conference,
    ConnectedSite,
    Document,
    DocumentRelation,
    Field,
    RelationKind,
)
from tests.admin_forms import admin_url, form_data
from tests.document_files import pdf_bytes
from tests.factories import (
    make_article,
    make_category,
    make_committee,
    make_conference,
    make_document,
    make_document_type,
    make_issuing_body,
    make_term,
)


def registered_models(include_logs=True):
    models = sorted(admin.site._registry, key=lambda model: model._meta.label)
    if include_logs:
        return models
    # django-axes' sign-in logs are written by sign-ins only: no add page, no hand edits
    # (tests/ndportal/test_security_signin.py opens their list).
    return [model for model in models if model._meta.app_label != "axes"]


def make_extra_rows(document, term):
    """Rows for models owned by other parts of the registry, built only if the model exists."""
    builders = {
        "resolutions.DocumentFile": lambda model: model.objects.create(
            document=document, title="Bản ký số", file=ContentFile(pdf_bytes(), name="01.pdf")
        ),
        "resolutions.DocumentAlias": lambda model: model.objects.create(
            document=document, type_slug="nghi-quyet", year=2020, slug="01-nq-tu-cu"
        ),
        "resolutions.CommitteeCount": lambda model: model.objects.create(
            term=term, level="district", count=10
        ),
        "resolutions.StudyResult": lambda model: model.objects.create(
            committee=Committee.objects.first(), document=document, members=30, members_studied=28
        ),
        "resolutions.StudyCampaign": lambda model: model.objects.create(
            name="Học tập nghị quyết", term=term, levels=["commune"], deadline="2026-01-31"
        ),
        "resolutions.CommitteeReporter": lambda model: model.objects.create(
            user=User.objects.create_user("capuy"), committee=Committee.objects.first()
        ),
        "targets.ResponsibleUnit": lambda model: model.objects.create(
            name="Sở Nông nghiệp và Môi trường", short_name="Sở NN&MT"
        ),
        "targets.Target": lambda model: model.objects.create(
            resolution=document,
            programme=document.incoming_relations.first().source,
            unit=apps.get_model("targets.ResponsibleUnit").objects.first(),
            name="Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao",
            goal_value=70,
        ),
        "targets.TargetReport": lambda model: model.objects.create(
            target=apps.get_model("targets.Target").objects.first(),
            period="year",
            year=2022,
            value=40,
        ),
        "targets.Milestone": lambda model: model.objects.create(
            programme=document.incoming_relations.first().source,
            unit=apps.get_model("targets.ResponsibleUnit").objects.first(),
            happened_on=datetime.date(2023, 5, 1),
            title="Kiểm tra giữa kỳ",
        ),
        "feedback.Question": lambda model: model.objects.create(
            subject="Hỏi về nghị quyết",
            message="Xin hỏi nghị quyết được thực hiện thế nào?",
            document=document,
        ),
    }
    for label, build in builders.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        if not model._default_manager.exists():
            build(model)


class EveryAdminPageTests(TestCase):
    """Changelist, add and change pages of every registered model answer 200.

    New models are picked up from admin.site._registry; a model with no row here makes
    the change-page test fail with its name, so its row gets added to setUpTestData.
    """

    @classmethod
    def setUpTestData(cls):
        cls.admin_user = User.objects.create_superuser("quantri", "qt@example.vn", "x")
        Group.objects.get_or_create(name="Biên tập viên")
        term = make_term()
        document = make_document(number="01-NQ/TU", term=term)
        target = make_document(number="02-NQ/TU")
        DocumentRelation.objects.create(
            source=target, kind=RelationKind.IMPLEMENTS, target=document
        )
        document.fields.add(Field.objects.create(name="Xây dựng Đảng", slug="xay-dung-dang"))
        conference = make_conference(term=term)
        conference.documents.add(document)
        ConnectedSite.objects.create(conference=conference, name="Huyện ủy Hải Hậu", attendance=120)
        article = make_article(category=make_category())
        article.tags.add(Tag.objects.create(name="nghị quyết"))
        article.documents.add(document)
        article.conferences.add(conference)
        make_committee()
        make_extra_rows(document, term)
        Page.objects.create(title="Giới thiệu", slug="gioi-thieu", body="<p>Về cổng.</p>")
        SiteDetails.objects.create(committee_name="Tỉnh ủy Nam Định")
        scoped = User.objects.create_user("duyet-tin-tuc", is_staff=True)
        ApproverScope.objects.create(user=scoped).categories.add(article.category)

    def setUp(self):
        self.client.force_login(self.admin_user)

    def test_admin_index(self):
        """The admin index answers in Vietnamese and lists the news and registry sections."""
        response = self.client.get(reverse("admin:index"))
        self.assertContains(response, "Quản trị Cổng thông tin Nghị quyết")
        self.assertContains(response, "Bài viết")
        self.assertContains(response, "Văn bản")
        self.assertContains(response, "Hội nghị")

    def test_changelists(self):
        """Every changelist answers 200, with and without a search term."""
        for model in registered_models():
            with self.subTest(model=model._meta.label):
                url = admin_url(model, "changelist")
                self.assertEqual(self.client.get(url).status_code, 200)
                if admin.site._registry[model].search_fields:
                    response = self.client.get(url, {"q": "Nam Định"})
                    self.assertEqual(response.status_code, 200)

    def test_changelist_filters(self):
        """Every filter choice offered on every changelist answers 200."""
        visited = 0
        for model in registered_models():
            response = self.client.get(admin_url(model, "changelist"))
            filter_specs = response.context["cl"].filter_specs
            for spec in filter_specs:
                for choice in spec.choices(response.context["cl"]):
                    query = choice["query_string"]
                    with self.subTest(model=model._meta.label, filter=query):
                        url = admin_url(model, "changelist") + query
                        self.assertEqual(self.client.get(url).status_code, 200)
                        visited += 1
        self.assertGreater(visited, 30)

    def test_add_pages(self):
        """Every add page answers 200 in Vietnamese ("Thêm")."""
        for model in registered_models(include_logs=False):
            with self.subTest(model=model._meta.label):
                if model is SiteDetails:  # one record: added once (tests/pages)
                    continue
                response = self.client.get(admin_url(model, "add"))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Thêm")

    def test_change_pages(self):
        """Every change page answers 200 for an existing row."""
        for model in registered_models(include_logs=False):
            with self.subTest(model=model._meta.label):
                obj = model._default_manager.order_by("pk").first()
                self.assertIsNotNone(
                    obj, f"No {model._meta.label} row: add one to setUpTestData above."
                )
                response = self.client.get(admin_url(obj))
                self.assertEqual(response.status_code, 200)


class CreateFromScratchTests(TestCase):
    """An editor creates a document and a conference in the admin, inlines included."""

    @classmethod
    def setUpTestData(cls):
        cls.admin_user = User.objects.create_superuser("quantri", "qt@example.vn", "x")
        cls.doc_type = make_document_type()
        cls.issuer = make_issuing_body()
        cls.term = make_term()
        cls.resolution = make_document(number="01-NQ/TU", title="về chuyển đổi số")

    def setUp(self):
        self.client.force_login(self.admin_user)

    def post_add(self, model, values):
        url = admin_url(model, "add")
        page = self.client.get(url)
        data = form_data(page, f"{model._meta.model_name}_form")
        data.update(values)
        response = self.client.post(url, data)
        errors = response.context and response.context.get("errors")
        self.assertEqual(response.status_code, 302, errors)
        return response

    def test_add_document_with_relation(self):
        """A plan implementing resolution 01 is created with its relation and is public."""
        self.post_add(
            Document,
            {
                "number": "15-KH/TU",
                "title": "thực hiện Nghị quyết số 01-NQ/TU về chuyển đổi số",
                "doc_type": str(make_document_type(name="Kế hoạch", code="KH", slug="ke-hoach").pk),
                "issuing_body": str(self.issuer.pk),
                "term": str(self.term.pk),
                "signer": "Trần Văn Hùng",
                "signer_title": "Phó Bí thư Thường trực Tỉnh ủy",
                "issued_on": "2021-09-15",
                "summary": "Kế hoạch triển khai.",
                "body": "<p>Toàn văn kế hoạch.</p>",
                "status": Status.PUBLISHED,
                "outgoing_relations-TOTAL_FORMS": "1",
                "outgoing_relations-INITIAL_FORMS": "0",
                "outgoing_relations-0-kind": RelationKind.IMPLEMENTS,
                "outgoing_relations-0-target": str(self.resolution.pk),
            },
        )
        plan = Document.objects.get(number="15-KH/TU")
        self.assertTrue(plan.is_public)
        self.assertEqual(plan.created_by, self.admin_user)
        self.assertEqual(plan.outgoing_relations.get().target, self.resolution)
        response = self.client.get(self.resolution.get_absolute_url())
        self.assertContains(response, "15-KH/TU")

    def test_add_conference_with_sites(self):
        """A conference with two connected sites and a studied document is created and public."""
        starts = timezone.localtime(timezone.now() - datetime.timedelta(days=1))
        self.post_add(
            Conference,
            {
                "title": "Hội nghị học tập, quán triệt Nghị quyết số 01-NQ/TU",
                "level": "province",
                "format": "hybrid",
                "term": str(self.term.pk),
                "organiser": "Ban Thường vụ Tỉnh ủy",
                "starts_at_0": starts.strftime("%Y-%m-%d"),
                "starts_at_1": "08:00:00",
                "place": "Hội trường Tỉnh ủy Nam Định",
                "chair": "Đồng chí Bí thư Tỉnh ủy",
                "documents": [str(self.resolution.pk)],
                "status": Status.PUBLISHED,
                "sites-TOTAL_FORMS": "2",
                "sites-INITIAL_FORMS": "0",
                "sites-0-name": "Điểm cầu Huyện ủy Hải Hậu",
                "sites-0-attendance": "150",
                "sites-0-order": "0",
                "sites-1-name": "Điểm cầu Thành ủy Nam Định",
                "sites-1-attendance": "200",
                "sites-1-order": "1",
            },
        )
        conference = Conference.objects.get(
            slug="hoi-nghi-hoc-tap-quan-triet-nghi-quyet-so-01-nq-tu"
        )
        self.assertTrue(conference.is_public)
        self.assertEqual(conference.sites.count(), 2)
        self.assertEqual(conference.attendance, 350)
        self.assertQuerySetEqual(conference.documents.all(), [self.resolution])
        response = self.client.get(self.resolution.get_absolute_url())
        self.assertContains(response, conference.title)
