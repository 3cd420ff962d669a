"""The conference admin: 30 sites in one form, batch photos and their alt text, refused data,
report approval, the frozen slug of a published conference."""

import datetime

from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from ndportal.alt_text import alt_text_problems, pending_alt
from ndportal.publishing import Status
from ndportal.workflow import TransitionRefused, item_publish
from resolutions.models import (
    Conference,
    ConferencePhoto,
    ConferenceReport,
    ConnectedSite,
)
from tests.admin_forms import admin_url, form_data
from tests.factories import (
    make_conference,
)
from tests.image_files import SCRIPT, image_bytes, upload


def new_conference_fields():
    """What an editor types into the empty add form: the required fields, three days ahead."""
    day = timezone.localtime(timezone.now() + datetime.timedelta(days=3)).strftime("%Y-%m-%d")
    return {
        "title": "Hội nghị học tập nghị quyết chuyên đề",
        "level": "province",
        "format": "online",
        "organiser": "Ban Thường vụ Tỉnh ủy",
        "starts_at_0": day,
        "starts_at_1": "08:00:00",
        "ends_at_0": day,
        "ends_at_1": "11:00:00",
        "place": "Hội trường Tỉnh ủy",
        "status": Status.DRAFT,
    }


def conference_form(client, conference=None, sites=(), **overrides):
    """The conference add (or change) form as `client` sees it, with `sites` as its
    (name, attendance) rows and `overrides` typed over the rest."""
    data = form_data(
        client.get(admin_url(conference) if conference else admin_url(Conference, "add"))
    )
    if conference is None:
        data.update(new_conference_fields())
    if sites:
        data = {key: value for key, value in data.items() if not key.startswith("sites-")}
        existing = list(conference.sites.all()) if conference else []
        data["sites-INITIAL_FORMS"] = str(len(existing))
        data["sites-TOTAL_FORMS"] = str(len(sites))
        for index, (name, attendance) in enumerate(sites):
            data[f"sites-{index}-name"] = name
            data[f"sites-{index}-attendance"] = str(attendance)
            data[f"sites-{index}-order"] = str(index)
            data[f"sites-{index}-conference"] = str(conference.pk) if conference else ""
            if index < len(existing):
                data[f"sites-{index}-id"] = str(existing[index].pk)
    data.update(overrides)
    return data


class ConferenceAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("admin", "admin@example.com", "pw")

    def setUp(self):
        self.client.force_login(self.admin)
        self.add_url = reverse("admin:resolutions_conference_add")

    def change_url(self, conference):
        return reverse("admin:resolutions_conference_change", args=[conference.pk])

    def test_pages_render(self):
        """The changelist, the add form and a change form answer 200."""
        conference = make_conference()
        for url in [
            reverse("admin:resolutions_conference_changelist"),
            self.add_url,
            self.change_url(conference),
            reverse("admin:resolutions_committee_add"),
            reverse("admin:resolutions_committeecount_add"),
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_thirty_sites_in_one_form(self):
        """A conference with 30 connected sites is saved in one post; totals come from them."""
        sites = [(f"Điểm cầu số {n}", 10 + n) for n in range(30)]
        response = self.client.post(self.add_url, conference_form(self.client, sites=sites))
        self.assertEqual(response.status_code, 302, response.content[:3000])
        conference = Conference.objects.get()
        self.assertEqual(conference.sites.count(), 30)
        self.assertEqual(conference.site_count, 30)
        self.assertEqual(conference.attendance, sum(a for _, a in sites))

    def test_changing_a_site_changes_the_total(self):
        """Editing one site's attendance in the form changes the conference total."""
        conference = make_conference(title="Hội nghị có điểm cầu")
        ConnectedSite.objects.create(conference=conference, name="Hải Hậu", attendance=100)
        ConnectedSite.objects.create(conference=conference, name="Nghĩa Hưng", attendance=50)
        conference.update_attendance_from_sites()
        data = conference_form(
            self.client, conference, sites=[("Hải Hậu", 100), ("Nghĩa Hưng", 75)]
        )
        response = self.client.post(self.change_url(conference), data)
        self.assertEqual(response.status_code, 302)
        conference.refresh_from_db()
        self.assertEqual((conference.attendance, conference.site_count), (175, 2))

    def test_total_is_read_only_when_sites_exist(self):
        """A typed attendance cannot override the sum of the sites."""
        conference = make_conference(title="Hội nghị tổng cố định")
        ConnectedSite.objects.create(conference=conference, name="Hải Hậu", attendance=100)
        conference.update_attendance_from_sites()
        data = conference_form(self.client, conference, sites=[("Hải Hậu", 100)], attendance="9999")
        self.client.post(self.change_url(conference), data)
        conference.refresh_from_db()
        self.assertEqual(conference.attendance, 100)

    def test_same_site_twice_is_refused(self):
        """The same site entered twice (case and spacing aside) is a form error, not a 500."""
        data = conference_form(
            self.client, sites=[("Điểm cầu Hải Hậu", 10), ("điểm cầu  hải hậu", 20)]
        )
        response = self.client.post(self.add_url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "bị nhập hai lần")
        self.assertFalse(Conference.objects.exists())

    def test_site_already_stored_is_refused(self):
        """Adding a row with the name of a stored site of the conference is a form error."""
        conference = make_conference(title="Hội nghị trùng điểm cầu")
        ConnectedSite.objects.create(conference=conference, name="Hải Hậu", attendance=10)
        data = conference_form(self.client, conference, sites=[("Hải Hậu", 10), ("Hải Hậu", 5)])
        response = self.client.post(self.change_url(conference), data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(conference.sites.count(), 1)

    def test_end_before_start_is_refused(self):
        """An end before the start is refused with a Vietnamese message."""
        data = conference_form(self.client, ends_at_1="07:00:00")
        response = self.client.post(self.add_url, data)
        self.assertContains(response, "Thời gian kết thúc phải sau thời gian bắt đầu.")
        self.assertFalse(Conference.objects.exists())

    def test_attendance_above_invited_needs_the_checkbox(self):
        """Attendance above the invited count is refused, then accepted once confirmed."""
        data = conference_form(self.client, invited_count="100", attendance="130")
        response = self.client.post(self.add_url, data)
        self.assertContains(response, "vượt số được triệu tập")
        self.assertFalse(Conference.objects.exists())
        data["attendance_confirmed"] = "on"
        self.assertEqual(self.client.post(self.add_url, data).status_code, 302)
        self.assertEqual(Conference.objects.get().attendance, 130)

    def test_sites_above_invited_need_the_checkbox(self):
        """A sum over the sites above the invited count is refused without confirmation."""
        data = conference_form(self.client, sites=[("A", 60), ("B", 60)], invited_count="100")
        response = self.client.post(self.add_url, data)
        self.assertContains(response, "Tổng các điểm cầu")
        self.assertFalse(Conference.objects.exists())

    def test_batch_photo_upload(self):
        """Several images chosen at once each become a photo, in the order chosen."""
        conference = make_conference(title="Hội nghị có ảnh", status=Status.DRAFT)
        files = [upload(f"anh-{n}.png", image_bytes(colour=(n * 40, 0, 0))) for n in range(3)]
        data = conference_form(self.client, conference, new_photos=files)
        response = self.client.post(self.change_url(conference), data)
        self.assertEqual(response.status_code, 302)
        photos = list(conference.photos.all())
        self.assertEqual([p.order for p in photos], [1, 2, 3])
        for photo in photos:
            self.assertTrue(photo.image.storage.exists(photo.image.name))
            self.assertTrue(photo.alt_text)

    def test_batch_is_capped(self):
        """More photos than one batch takes are refused with the limit in the message."""
        conference = make_conference(title="Hội nghị quá nhiều ảnh", status=Status.DRAFT)
        files = [upload(f"anh-{n}.png", image_bytes(size=(4, 4))) for n in range(31)]
        response = self.client.post(
            self.change_url(conference), conference_form(self.client, conference, new_photos=files)
        )
        self.assertContains(response, "tối đa 30 ảnh")
        self.assertFalse(ConferencePhoto.objects.exists())

    def test_rejected_file_in_batch_leaves_nothing(self):
        """One non-image in the batch refuses the whole batch and leaves no file on disk."""
        conference = make_conference(title="Hội nghị ảnh hỏng", status=Status.DRAFT)
        files = [
            upload("tot.png", image_bytes()),
            upload("xau.png", SCRIPT, content_type="image/png"),
        ]
        response = self.client.post(
            self.change_url(conference), conference_form(self.client, conference, new_photos=files)
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "xau.png")
        self.assertFalse(ConferencePhoto.objects.exists())
        media = settings.MEDIA_ROOT
        stored = [p for p in media.rglob("*") if p.is_file()] if media.exists() else []
        self.assertEqual(stored, [])

    def test_conference_files_are_checked(self):
        """A speech file whose bytes are not a PDF is refused and leaves no file; a PDF is kept."""
        conference = make_conference(title="Hội nghị có tệp", status="draft")
        data = conference_form(self.client, conference)
        data.update({"files-TOTAL_FORMS": "1", "files-0-role": "speech", "files-0-order": "1"})
        data["files-0-file"] = upload(
            "phat-bieu.pdf", b"<html><script></script>", "application/pdf"
        )
        response = self.client.post(self.change_url(conference), data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(conference.files.exists())
        self.assertFalse(settings.MEDIA_ROOT.exists() and any(settings.MEDIA_ROOT.rglob("*.*")))
        data["files-0-file"] = upload("phat-bieu.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
        self.assertEqual(self.client.post(self.change_url(conference), data).status_code, 302)
        self.assertEqual(conference.files.get().original_name, "phat-bieu.pdf")


class ReportApprovalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # A draft: editors may change drafts only.
        cls.conference = make_conference(title="Hội nghị có báo cáo", status="draft")
        cls.editor = User.objects.create_user("editor", password="pw", is_staff=True)
        cls.editor.user_permissions.add(
            *Permission.objects.filter(
                codename__in=["change_conference", "view_conference", "add_conferencereport"]
                + ["change_conferencereport", "view_conferencereport"]
            )
        )
        cls.approver = User.objects.create_user("approver", password="pw", is_staff=True)
        cls.approver.user_permissions.add(
            *cls.editor.user_permissions.all(),
            Permission.objects.get(codename="approve_conferencereport"),
        )

    def report_data(self, user, **report):
        """The change form as `user` sees it, with the report row filled with `report`."""
        self.client.force_login(user)
        data = conference_form(self.client, self.conference)
        data.update({"report-TOTAL_FORMS": "1", "report-0-conference": str(self.conference.pk)})
        data.update({f"report-0-{key}": value for key, value in report.items()})
        return data

    def post(self, user, data):
        self.client.force_login(user)
        return self.client.post(admin_url(self.conference), data)

    def test_editor_cannot_approve(self):
        """An editor without the approve permission saves the report unapproved."""
        response = self.post(
            self.editor, self.report_data(self.editor, conclusions="Kết", is_approved="on")
        )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(ConferenceReport.objects.get().is_approved)

    def test_approver_approves_and_is_stamped(self):
        """An approver's approval is stored with who approved it."""
        response = self.post(
            self.approver, self.report_data(self.approver, conclusions="Kết", is_approved="on")
        )
        self.assertEqual(response.status_code, 302)
        report = ConferenceReport.objects.get()
        self.assertTrue(report.is_approved)
        self.assertEqual(report.approved_by, self.approver)

    def test_editor_change_sends_approved_report_back(self):
        """An approved report changed by an editor is no longer approved."""
        report = ConferenceReport.objects.create(
            conference=self.conference, conclusions="Cũ", is_approved=True
        )
        data = self.report_data(self.editor, conclusions="Mới")
        data.update({"report-INITIAL_FORMS": "1", "report-0-id": str(report.pk)})
        self.assertEqual(self.post(self.editor, data).status_code, 302)
        report.refresh_from_db()
        self.assertEqual((report.conclusions, report.is_approved), ("Mới", False))


class BatchPhotoAltTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("admin", "admin@example.com", "pw")

    def setUp(self):
        self.client.force_login(self.admin)
        self.conference = make_conference(
            title="Hội nghị có ảnh", status=Status.REVIEW, published_at=None
        )
        self.url = reverse("admin:resolutions_conference_change", args=[self.conference.pk])

    def upload_batch(self, count=2, **overrides):
        files = [upload(f"anh-{n}.png", image_bytes(colour=(n * 40, 0, 0))) for n in range(count)]
        data = conference_form(
            self.client, self.conference, new_photos=files, status=self.conference.status
        )
        data.update(overrides)
        return self.client.post(self.url, data)

    def test_batch_marks_alt_as_not_written(self):
        """The batch still stores every photo, with a marked alt and not the title."""
        self.assertEqual(self.upload_batch().status_code, 302)
        alts = list(self.conference.photos.values_list("alt_text", flat=True))
        self.assertEqual(alts, [pending_alt(1), pending_alt(2)])
        self.assertFalse(any("Hội nghị có ảnh" in alt for alt in alts))

    def test_marked_alts_block_publishing_named_by_number_and_caption(self):
        """Publishing is refused, naming photos as "ảnh số N: caption", never by file name."""
        self.upload_batch()
        first = self.conference.photos.first()
        first.caption = "Đồng chí Bí thư phát biểu"
        first.save()
        problems = alt_text_problems(self.conference)
        self.assertEqual(len(problems), 1)
        self.assertIn("ảnh số 1: Đồng chí Bí thư phát biểu; ảnh số 2", problems[0])
        self.assertNotIn(".png", problems[0])
        with self.assertRaisesMessage(TransitionRefused, "ảnh số 2"):
            item_publish(item=self.conference, user=self.admin)
        self.conference.refresh_from_db()
        self.assertEqual(self.conference.status, Status.REVIEW)

    def test_publishes_once_alts_are_written(self):
        """With a real alt on every photo the conference can be published."""
        self.upload_batch()
        self.conference.photos.update(alt_text="Toàn cảnh hội trường")
        self.assertEqual(alt_text_problems(self.conference), [])
        item_publish(item=self.conference, user=self.admin)
        self.conference.refresh_from_db()
        self.assertEqual(self.conference.status, Status.PUBLISHED)

    def test_no_batch_on_a_published_conference(self):
        """A batch cannot go straight onto a public page; nothing is stored."""
        self.conference.status = Status.PUBLISHED
        self.conference.published_at = timezone.now()
        self.conference.save()
        response = self.upload_batch(status=Status.PUBLISHED)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "không tải ảnh hàng loạt được")
        self.assertFalse(ConferencePhoto.objects.exists())


class ConferenceFrozenSlugAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin_user = User.objects.create_superuser("quantri", "qt@example.vn", "x")
        cls.conference = make_conference(title="Hội nghị quán triệt Nghị quyết 05")
        cls.draft = make_conference(title="Hội nghị nháp", status=Status.DRAFT, published_at=None)

    def setUp(self):
        self.client.force_login(self.admin_user)

    def test_published_conference_slug_is_read_only(self):
        """A published conference shows its slug without an input; a draft keeps the input."""
        response = self.client.get(admin_url(self.conference))
        self.assertContains(response, self.conference.slug)
        self.assertNotContains(response, 'name="slug"')
        response = self.client.get(admin_url(self.draft))
        self.assertContains(response, 'name="slug"')

    def test_posted_slug_change_is_ignored(self):
        """Posting a new slug and title keeps the slug of a published conference."""
        url = admin_url(self.conference)
        data = form_data(self.client.get(url))
        data.update(title="Hội nghị quán triệt Nghị quyết 05 (sửa)", slug="duong-dan-moi")
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, response.context and response.context["errors"])
        self.conference.refresh_from_db()
        self.assertEqual(self.conference.title, "Hội nghị quán triệt Nghị quyết 05 (sửa)")
        self.assertEqual(self.conference.slug, "hoi-nghi-quan-triet-nghi-quyet-05")
