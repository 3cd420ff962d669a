"""The load_demo command: what it creates, that a second run duplicates nothing, when it refuses."""

import io
import shutil
import tempfile
from pathlib import Path
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import SimpleTestCase, TestCase, override_settings
from docx import Document as WordDocument
from pypdf import PdfReader

from demo import files as demo_files
from demo.management.commands.load_demo import DEMO_PASSWORD, DEMO_USERNAME
from demo.news import ARTICLES
from news.models import Article, ArticleReads, Category, Tag
from news.reads import most_read
from resolutions.models import (
    Conference,
    ConferencePhoto,
    ConnectedSite,
    Document,
    DocumentFile,
    DocumentRelation,
    DocumentType,
    RelationKind,
)

COUNTED_MODELS = [
    Article,
    Category,
    Tag,
    Conference,
    ConferencePhoto,
    ConnectedSite,
    Document,
    DocumentFile,
    DocumentRelation,
    DocumentType,
    get_user_model(),
]


def load_demo(**options):
    out = io.StringIO()
    call_command("load_demo", stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def row_counts():
    return {model.__name__: model.objects.count() for model in COUNTED_MODELS}


def titles(*, featured=None, hidden=False):
    """Titles of the demo articles: the featured ones, or those readers must not see."""
    if hidden:
        return [a["title"] for a in ARTICLES if a["days"] is None or a["days"] < 0]
    return [a["title"] for a in ARTICLES if bool(a.get("featured")) == featured]


class LoadDemoTests(TestCase):
    @classmethod
    def setUpClass(cls):
        # setUpTestData runs before the per-test settings of conftest.py apply: give it the
        # same password hasher and a media folder that outlives each test.
        cls.media_root = tempfile.mkdtemp(prefix="demo-media-")
        cls.addClassCleanup(shutil.rmtree, cls.media_root, ignore_errors=True)
        cls.enterClassContext(
            override_settings(
                MEDIA_ROOT=cls.media_root,
                PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            )
        )
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        with override_settings(DEBUG=True):
            cls.output = load_demo()

    def test_thematic_resolutions_with_plans(self):
        """At least five published thematic resolutions of khóa XX, each implemented by a plan."""
        resolutions = Document.objects.published().filter(is_thematic=True, term__name="XX")
        self.assertGreaterEqual(resolutions.count(), 5)
        for resolution in resolutions:
            with self.subTest(resolution=resolution.number):
                self.assertIn("Phần III", resolution.body)
                self.assertTrue(
                    resolution.incoming_relations.filter(
                        kind=RelationKind.IMPLEMENTS, source__doc_type__code="KH"
                    ).exists()
                )

    def test_every_document_type_exists(self):
        """All twelve document types of the domain exist with their codes."""
        codes = set(DocumentType.objects.values_list("code", flat=True))
        expected = {"NQ", "CT", "KL", "QĐ", "QĐi", "QC", "HD", "KH", "CTr", "TB", "BC", "TT"}
        self.assertLessEqual(expected, codes)

    def test_validities_vary(self):
        """The registry shows documents in force, expired, partly expired and not yet in force."""
        validities = {document.validity for document in Document.objects.published()}
        self.assertLessEqual({"in_force", "expired", "partly_expired", "not_yet"}, validities)

    def test_conferences_at_several_levels(self):
        """Conferences at three levels or more; the province one totals its ten and more sites."""
        conferences = Conference.objects.published()
        self.assertGreaterEqual(len(set(conferences.values_list("level", flat=True))), 3)
        province = conferences.filter(level="province", children__isnull=False).distinct().get()
        sites = list(province.sites.all())
        self.assertGreaterEqual(len(sites), 10)
        self.assertEqual(province.attendance, sum(site.attendance for site in sites))
        self.assertTrue(province.photos.exists())
        self.assertTrue(province.children.exists())
        self.assertTrue(conferences.upcoming().exists())

    def test_published_articles(self):
        """At least twelve published articles with covers, three of them featured."""
        articles = Article.objects.published()
        self.assertGreaterEqual(articles.count(), 12)
        self.assertGreaterEqual(articles.values("category").distinct().count(), 4)
        self.assertEqual(articles.filter(is_featured=True).count(), 3)
        for article in articles:
            with self.subTest(article=article.slug):
                self.assertTrue(article.cover_image)
                self.assertTrue(article.cover_alt)

    def test_attachments_are_real_pdf_and_docx(self):
        """Each thematic resolution has a PDF and a Word file on disk with its text inside."""
        with self.settings(MEDIA_ROOT=self.media_root):
            for resolution in Document.objects.filter(is_thematic=True):
                files = {Path(f.file.name).suffix: f for f in resolution.files.all()}
                with self.subTest(resolution=resolution.number):
                    pdf_path = Path(files[".pdf"].file.path)
                    self.assertTrue(pdf_path.is_relative_to(self.media_root))
                    pdf_text = " ".join(page.extract_text() for page in PdfReader(pdf_path).pages)
                    # Without DejaVu on the machine the PDF keeps the letters but not the accents.
                    heading = "NGHỊ QUYẾT" if demo_files.FONT_DIR.exists() else "NGHI QUYET"
                    self.assertIn(heading, pdf_text)
                    self.assertIn(resolution.number, pdf_text)
                    word = WordDocument(files[".docx"].file.path)
                    word_text = "\n".join(p.text for p in word.paragraphs)
                    self.assertIn("Phần II. Quan điểm, mục tiêu, chỉ tiêu", word_text)

    def test_creates_admin_and_prints_credentials(self):
        """A demo superuser exists and its user name and password are printed."""
        user = get_user_model().objects.get(username=DEMO_USERNAME)
        self.assertTrue(user.is_superuser)
        self.assertTrue(user.check_password(DEMO_PASSWORD))
        self.assertIn(f"tài khoản: {DEMO_USERNAME}  mật khẩu: {DEMO_PASSWORD}", self.output)

    def test_section_approver_is_limited_and_printed(self):
        """`duyet-tintuc` approves one news category only, and its account is printed."""
        from ndportal.scopes import ApproverScope

        scope = ApproverScope.objects.get(user__username="duyet-tintuc")
        self.assertEqual(scope.categories.count(), 1)
        self.assertIn("tài khoản duyet-tintuc", self.output)

    def test_committee_tree_campaign_and_reporter(self):
        """The khóa XX tree, results of every kind (on time, late, unapproved, missing) and
        the committee reporter tied to Hải Hậu, printed with the other accounts."""
        from resolutions.models import Committee, StudyCampaign, StudyResult
        from resolutions.study import campaign_status

        committees = Committee.objects.filter(term__name="XX")
        self.assertEqual(committees.filter(parent=None).count(), 1)
        self.assertGreaterEqual(committees.filter(parent__parent=None).count(), 14)
        self.assertTrue(StudyResult.objects.filter(is_approved=False).exists())
        labels = {status.label for status in campaign_status(StudyCampaign.objects.get())}
        self.assertEqual(labels, {"Quá hạn, chưa báo cáo", "Báo cáo muộn", "Đã báo cáo"})
        reporter = get_user_model().objects.get(username="capuy_haihau")
        self.assertEqual(reporter.committee_reporter.committee.name, "Huyện ủy Hải Hậu")
        self.assertIn("tài khoản capuy_haihau", self.output)

    def test_second_run_duplicates_nothing(self):
        """Running the command again leaves every table with the same number of rows."""
        before = row_counts()
        with override_settings(DEBUG=True):
            load_demo()
        self.assertEqual(row_counts(), before)

    def test_reads_only_for_published_articles(self):
        """A week of reads for "Đọc nhiều", none for the draft or the scheduled article."""
        self.assertTrue(ArticleReads.objects.exists())
        hidden = ArticleReads.objects.exclude(article__in=Article.objects.published())
        self.assertFalse(hidden.exists())
        self.assertEqual(len(most_read()), 5)

    def test_second_run_keeps_changed_password(self):
        """An existing admin account is left alone, and the output says the password was kept."""
        user = get_user_model().objects.get(username=DEMO_USERNAME)
        user.set_password("mat-khau-rieng")
        user.save()
        with override_settings(DEBUG=True):
            output = load_demo()
        user.refresh_from_db()
        self.assertTrue(user.check_password("mat-khau-rieng"))
        self.assertIn("giữ nguyên", output)
        self.assertIn(f"tài khoản: {DEMO_USERNAME}", output)

    def test_home_page_shows_featured_articles(self):
        """The home page shows the three featured articles and none that is hidden."""
        response = self.client.get("/")
        for title in titles(featured=True):
            self.assertContains(response, title)
        for title in titles(hidden=True):
            self.assertNotContains(response, title)

    def test_draft_and_scheduled_stay_hidden(self):
        """The draft and the scheduled article, and the draft document, are not listed."""
        response = self.client.get("/tin-tuc/")
        for title in titles(hidden=True):
            self.assertNotContains(response, title)
        draft = Document.objects.get(status="draft")
        self.assertNotContains(self.client.get("/van-ban/"), draft.title)
        self.assertEqual(self.client.get(draft.get_absolute_url()).status_code, 404)

    def test_document_page_links_back(self):
        """A resolution's page lists the conference that studied it and the news about it."""
        resolution = Document.objects.get(number="02-NQ/TU", issued_on__year=2021)
        response = self.client.get(resolution.get_absolute_url())
        article = resolution.articles.published().first()
        conference = resolution.conferences.published().first()
        self.assertContains(response, article.title)
        self.assertContains(response, conference.title)


class LoadDemoRefusalTests(TestCase):
    def test_refuses_with_debug_off(self):
        """With DEBUG off and no --force the command stops before writing anything."""
        with override_settings(DEBUG=False), self.assertRaisesMessage(CommandError, "DJANGO_DEBUG"):
            load_demo()
        self.assertFalse(get_user_model().objects.exists())
        self.assertFalse(Document.objects.exists())

    def test_force_runs_with_debug_off(self):
        """--force loads the demo even with DEBUG off."""
        with override_settings(DEBUG=False):
            output = load_demo(force=True)
        self.assertGreaterEqual(Article.objects.published().count(), 12)
        self.assertIn(DEMO_PASSWORD, output)


class DemoPdfFallbackTests(SimpleTestCase):
    def test_pdf_without_dejavu_is_still_valid(self):
        """Without the DejaVu font the PDF is still readable, with the accents dropped."""
        head = demo_files.Letterhead(
            organ="ĐẢNG BỘ TỈNH NAM ĐỊNH",
            unit="TỈNH ỦY",
            number="Số 01-NQ/TU",
            motto="ĐẢNG CỘNG SẢN VIỆT NAM",
            place_date="Nam Định, ngày 19 tháng 3 năm 2021",
            kind="NGHỊ QUYẾT",
            title="Về chuyển đổi số",
            signer_block="BÍ THƯ",
            signer="Lê Quang Thịnh",
        )
        with mock.patch.object(demo_files, "FONT_DIR", Path("/nonexistent")):
            data = demo_files.pdf_bytes(
                head, "<h2>Phần I</h2><p>Đường làng.</p><ul><li>Một</li></ul>"
            )
        text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
        self.assertIn("NGHI QUYET", text)
        self.assertIn("Duong lang.", text)
