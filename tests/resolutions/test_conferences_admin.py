"""The conference admin: 30 sites in one form, batch photos, refused data, report approval."""

import datetime

from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from resolutions.models import Conference, ConferencePhoto, ConferenceReport, ConnectedSite
from tests.factories import make_conference
from tests.image_files import SCRIPT, image_bytes, upload

INLINE_PREFIXES = ["agenda", "sites", "photos", "files", "report"]


def form_data(conference=None, sites=(), **overrides):
    """The POST body of the conference change form, with `sites` as (name, attendance) rows."""
    start = timezone.localtime(timezone.now() + datetime.timedelta(days=3))
    data = {
        "title": "Hội nghị học tập nghị quyết chuyên đề",
        "slug": "",
        "level": "province",
        "format": "online",
        "organiser": "Ban Thường vụ Tỉnh ủy",
        "starts_at_0": start.strftime("%Y-%m-%d"),
        "starts_at_1": "08:00:00",
        "ends_at_0": start.strftime("%Y-%m-%d"),
        "ends_at_1": "11:00:00",
        "place": "Hội trường Tỉnh ủy",
        "status": "draft",
    }
    if conference:
        data.update(title=conference.title, slug=conference.slug, version=conference.version)
    for prefix in INLINE_PREFIXES:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    existing = list(conference.sites.all()) if conference else []
    data["sites-INITIAL_FORMS"] = str(len(existing))
    data["sites-TOTAL_FORMS"] = str(len(sites))
    for index, (name, attendance) in enumerate(sites):
        data.update(
            {
                f"sites-{index}-name": name,
                f"sites-{index}-attendance": str(attendance),
                f"sites-{index}-order": str(index),
                f"sites-{index}-conference": str(conference.pk) if conference else "",
            }
        )
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
        response = self.client.post(self.add_url, form_data(sites=sites))
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
        data = form_data(conference, sites=[("Hải Hậu", 100), ("Nghĩa Hưng", 75)])
        response = self.client.post(self.change_url(conference), data)
        self.assertEqual(response.status_code, 302)
        conference.refresh_from_db()
        self.assertEqual((conference.attendance, conference.site_count), (175, 2))

    def test_total_is_read_only_when_sites_exist(self):
        """A typed attendance cannot override the sum of the sites."""
        conference = make_conference(title="Hội nghị tổng cố định")
        ConnectedSite.objects.create(conference=conference, name="Hải Hậu", attendance=100)
        conference.update_attendance_from_sites()
        data = form_data(conference, sites=[("Hải Hậu", 100)], attendance="9999")
        self.client.post(self.change_url(conference), data)
        conference.refresh_from_db()
        self.assertEqual(conference.attendance, 100)

    def test_same_site_twice_is_refused(self):
        """The same site entered twice (case and spacing aside) is a form error, not a 500."""
        data = form_data(sites=[("Điểm cầu Hải Hậu", 10), ("điểm cầu  hải hậu", 20)])
        response = self.client.post(self.add_url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "bị nhập hai lần")
        self.assertFalse(Conference.objects.exists())

    def test_site_already_stored_is_refused(self):
        """Adding a row with the name of a stored site of the conference is a form error."""
        conference = make_conference(title="Hội nghị trùng điểm cầu")
        ConnectedSite.objects.create(conference=conference, name="Hải Hậu", attendance=10)
        data = form_data(conference, sites=[("Hải Hậu", 10), ("Hải Hậu", 5)])
        response = self.client.post(self.change_url(conference), data)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(conference.sites.count(), 1)

    def test_end_before_start_is_refused(self):
        """An end before the start is refused with a Vietnamese message."""
        data = form_data(ends_at_1="07:00:00")
        response = self.client.post(self.add_url, data)
        self.assertContains(response, "Thời gian kết thúc phải sau thời gian bắt đầu.")
        self.assertFalse(Conference.objects.exists())

    def test_attendance_above_invited_needs_the_checkbox(self):
        """Attendance above the invited count is refused, then accepted once confirmed."""
        data = form_data(invited_count="100", attendance="130")
        response = self.client.post(self.add_url, data)
        self.assertContains(response, "vượt số được triệu tập")
        self.assertFalse(Conference.objects.exists())
        data["attendance_confirmed"] = "on"
        self.assertEqual(self.client.post(self.add_url, data).status_code, 302)
        self.assertEqual(Conference.objects.get().attendance, 130)

    def test_sites_above_invited_need_the_checkbox(self):
        """A sum over the sites above the invited count is refused without confirmation."""
        data = form_data(sites=[("A", 60), ("B", 60)], invited_count="100")
        response = self.client.post(self.add_url, data)
        self.assertContains(response, "Tổng các điểm cầu")
        self.assertFalse(Conference.objects.exists())

    def test_batch_photo_upload(self):
        """Several images chosen at once each become a photo, in the order chosen."""
        conference = make_conference(title="Hội nghị có ảnh")
        files = [upload(f"anh-{n}.png", image_bytes(colour=(n * 40, 0, 0))) for n in range(3)]
        data = form_data(conference, new_photos=files)
        response = self.client.post(self.change_url(conference), data)
        self.assertEqual(response.status_code, 302)
        photos = list(conference.photos.all())
        self.assertEqual([p.order for p in photos], [1, 2, 3])
        for photo in photos:
            self.assertTrue(photo.image.storage.exists(photo.image.name))
            self.assertTrue(photo.alt_text)

    def test_batch_is_capped(self):
        """More photos than one batch takes are refused with the limit in the message."""
        conference = make_conference(title="Hội nghị quá nhiều ảnh")
        files = [upload(f"anh-{n}.png", image_bytes(size=(4, 4))) for n in range(31)]
        response = self.client.post(
            self.change_url(conference), form_data(conference, new_photos=files)
        )
        self.assertContains(response, "tối đa 30 ảnh")
        self.assertFalse(ConferencePhoto.objects.exists())

    def test_rejected_file_in_batch_leaves_nothing(self):
        """One non-image in the batch refuses the whole batch and leaves no file on disk."""
        conference = make_conference(title="Hội nghị ảnh hỏng")
        files = [
            upload("tot.png", image_bytes()),
            upload("xau.png", SCRIPT, content_type="image/png"),
        ]
        response = self.client.post(
            self.change_url(conference), form_data(conference, new_photos=files)
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
        data = form_data(conference)
        data.update({"files-TOTAL_FORMS": "1", "files-0-kind": "speech", "files-0-order": "1"})
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

    def report_data(self, **report):
        data = form_data(self.conference)
        data.update({"report-TOTAL_FORMS": "1", "report-0-conference": str(self.conference.pk)})
        data.update({f"report-0-{key}": value for key, value in report.items()})
        return data

    def post(self, user, data):
        self.client.force_login(user)
        url = reverse("admin:resolutions_conference_change", args=[self.conference.pk])
        return self.client.post(url, data)

    def test_editor_cannot_approve(self):
        """An editor without the approve permission saves the report unapproved."""
        response = self.post(self.editor, self.report_data(conclusions="Kết", is_approved="on"))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(ConferenceReport.objects.get().is_approved)

    def test_approver_approves_and_is_stamped(self):
        """An approver's approval is stored with who approved it."""
        response = self.post(self.approver, self.report_data(conclusions="Kết", is_approved="on"))
        self.assertEqual(response.status_code, 302)
        report = ConferenceReport.objects.get()
        self.assertTrue(report.is_approved)
        self.assertEqual(report.approved_by, self.approver)

    def test_editor_change_sends_approved_report_back(self):
        """An approved report changed by an editor is no longer approved."""
        report = ConferenceReport.objects.create(
            conference=self.conference, conclusions="Cũ", is_approved=True
        )
        data = self.report_data(conclusions="Mới")
        data.update({"report-INITIAL_FORMS": "1", "report-0-id": str(report.pk)})
        self.assertEqual(self.post(self.editor, data).status_code, 302)
        report.refresh_from_db()
        self.assertEqual((report.conclusions, report.is_approved), ("Mới", False))
