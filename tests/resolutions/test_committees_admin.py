"""A committee reporter's admin: their committee's conferences and results, nothing else."""

from django.contrib.auth.models import User
from django.test import TestCase, override_settings
from django.urls import reverse

from resolutions.models import Conference, StudyResult
from tests.admin_forms import admin_url, form_data
from tests.factories import (
    make_committee,
    make_conference,
    make_document,
    make_reporter,
    make_staff,
    make_study_result,
    make_term,
)

COUNTS = (
    "absent_sick",
    "absent_work",
    "absent_other",
    "reports_written",
    "grade_good",
    "grade_fair",
    "grade_average",
    "grade_poor",
)


class ReporterScopeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.term = make_term(name="XXI", start_year=2025, end_year=2030)
        province = make_committee(name="Tỉnh ủy", level="province", term=cls.term)
        cls.own = make_committee(
            name="Đảng ủy xã Hải Hậu", level="commune", parent=province, term=cls.term
        )
        cls.cell = make_committee(
            name="Chi bộ xóm 1 Hải Hậu", level="cell", parent=cls.own, term=cls.term
        )
        cls.other = make_committee(
            name="Đảng ủy xã Giao Thủy", level="commune", parent=province, term=cls.term
        )
        cls.document = make_document(number="01-NQ/TU", term=cls.term)
        cls.draft_document = make_document(number="09-NQ/TU", term=cls.term, status="draft")
        cls.own_conference = make_conference(
            level="commune", committee=cls.own, title="Hội nghị Hải Hậu", status="draft"
        )
        cls.other_conference = make_conference(
            level="commune", committee=cls.other, title="Hội nghị Giao Thủy", status="draft"
        )
        cls.own_result = make_study_result(
            committee=cls.own, document=cls.document, is_approved=False
        )
        cls.other_result = make_study_result(
            committee=cls.other, document=cls.document, is_approved=False
        )
        cls.reporter = make_reporter(cls.own, "capuy_haihau")

    def setUp(self):
        self.client.force_login(self.reporter)

    def test_changelists_show_own_committee_only(self):
        """Conference, result and committee lists hold the reporter's committee only."""
        for model, own in (
            (Conference, self.own_conference),
            (StudyResult, self.own_result),
        ):
            with self.subTest(model=model._meta.model_name):
                response = self.client.get(admin_url(model, "changelist"))
                self.assertEqual(response.status_code, 200)
                self.assertEqual(list(response.context["cl"].queryset), [own])
        response = self.client.get(admin_url(self.own, "changelist"))
        self.assertEqual(list(response.context["cl"].queryset), [self.own])

    def test_list_filters_name_nothing_of_others(self):
        """The document filter lists what the reporter's items use, not every draft title."""
        self.own_conference.documents.add(self.document)
        for model in (Conference, StudyResult):
            with self.subTest(model=model._meta.model_name):
                response = self.client.get(admin_url(model, "changelist"))
                self.assertContains(response, "01-NQ/TU")
                self.assertNotContains(response, "09-NQ/TU")

    def test_subtree_by_setting(self):
        """With the subtree setting the reporter also reaches the cell under the committee."""
        self.reporter.committee_reporter.includes_subtree = True
        self.reporter.committee_reporter.save()
        response = self.client.get(admin_url(self.own, "changelist"))
        self.assertEqual(set(response.context["cl"].queryset), {self.own, self.cell})

    def test_other_committees_objects_are_refused(self):
        """Change, history and diff pages of another committee's items are refused."""
        for obj in (self.other_conference, self.other_result, self.other):
            with self.subTest(obj=str(obj)):
                response = self.client.get(admin_url(obj, "change"))
                self.assertIn(response.status_code, (302, 403, 404))
                self.assertNotContains(response, str(obj), status_code=response.status_code)
        self.assertEqual(
            self.client.get(admin_url(self.other_conference, "history")).status_code, 403
        )
        recover = reverse("admin:resolutions_conference_recoverlist")
        self.assertEqual(self.client.get(recover).status_code, 403)

    def test_direct_post_to_another_committee_changes_nothing(self):
        """A POST to another committee's result or conference saves nothing."""
        url = admin_url(self.other_result, "change")
        self.client.post(
            url,
            {
                "committee": self.other.pk,
                "document": self.document.pk,
                "members": 1,
                "members_studied": 1,
            },
        )
        self.other_result.refresh_from_db()
        self.assertEqual(self.other_result.members, 30)
        url = admin_url(self.other_conference, "change")
        self.client.post(url, {"title": "Đã sửa"})
        self.other_conference.refresh_from_db()
        self.assertEqual(self.other_conference.title, "Hội nghị Giao Thủy")

    def test_form_choices_are_narrowed(self):
        """Another committee or a draft document cannot be chosen, even by a posted id."""
        response = self.client.get(admin_url(StudyResult, "add"))
        choices = response.context["adminform"].form.fields["committee"].queryset
        self.assertEqual(list(choices), [self.own])
        documents = response.context["adminform"].form.fields["document"].queryset
        self.assertNotIn(self.draft_document, documents)
        data = {
            "committee": self.other.pk,
            "document": make_document(term=self.term).pk,
            "members": 20,
            "members_studied": 18,
            **dict.fromkeys(COUNTS, 0),
        }
        response = self.client.post(admin_url(StudyResult, "add"), data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("committee", response.context["adminform"].form.errors)
        self.assertEqual(StudyResult.objects.count(), 2)

    def test_reporter_records_a_result_unapproved(self):
        """A reporter's new result is saved for their committee and awaits approval, even if
        the post says approved."""
        document = make_document(term=self.term)
        data = {
            "committee": self.own.pk,
            "document": document.pk,
            "members": 40,
            "members_studied": 38,
            "absent_sick": 2,
            "absent_work": 0,
            "absent_other": 0,
            "reports_written": 38,
            "grade_good": 30,
            "grade_fair": 8,
            "grade_average": 0,
            "grade_poor": 0,
            "assessment": "Nghiêm túc.",
            "is_approved": "on",
        }
        response = self.client.post(admin_url(StudyResult, "add"), data)
        self.assertEqual(response.status_code, 302)
        result = StudyResult.objects.get(document=document)
        self.assertFalse(result.is_approved)
        self.assertEqual(result.reported_by, self.reporter)

    @override_settings(STUDY_RESULTS_PUBLIC_AT_ONCE=True)
    def test_public_at_once_setting(self):
        """With the setting on, a reporter's result is approved when saved."""
        response = self.client.get(admin_url(self.own_result, "change"))
        self.client.post(admin_url(self.own_result, "change"), form_data(response))
        self.own_result.refresh_from_db()
        self.assertTrue(self.own_result.is_approved)

    def test_conference_needs_own_committee(self):
        """A reporter's conference must name their committee; another one is refused."""
        url = admin_url(Conference, "add")
        data = form_data(self.client.get(url))
        data.update(
            title="Hội nghị mới",
            level="commune",
            place="Hội trường xã",
            starts_at_0="2026-01-05",
            starts_at_1="08:00:00",
            committee=self.other.pk,
        )
        response = self.client.post(url, data)
        self.assertIn("committee", response.context["adminform"].form.errors)
        data["committee"] = ""
        response = self.client.post(url, data)
        self.assertIn("committee", response.context["adminform"].form.errors)
        data["committee"] = self.own.pk
        response = self.client.post(url, data)
        self.assertEqual(
            response.status_code,
            302,
            response.context and response.context["adminform"].form.errors,
        )
        self.assertTrue(
            Conference.objects.filter(title="Hội nghị mới", committee=self.own).exists()
        )

    def test_bulk_action_on_another_committees_item(self):
        """A bulk action posted with another committee's id does nothing to it."""
        self.client.post(
            admin_url(Conference, "changelist"),
            {"action": "submit_selected", "_selected_action": [self.other_conference.pk]},
        )
        self.other_conference.refresh_from_db()
        self.assertEqual(self.other_conference.status, "draft")
        # Approving needs the approve permission: the action is not even offered.
        self.client.post(
            admin_url(StudyResult, "changelist"),
            {"action": "approve_selected", "_selected_action": [self.own_result.pk]},
        )
        self.own_result.refresh_from_db()
        self.assertFalse(self.own_result.is_approved)

    def test_other_content_is_out_of_reach(self):
        """Documents, news, campaigns and the imports of the tree are refused; no preview."""
        for name in (
            "resolutions_document_changelist",
            "news_article_changelist",
            "resolutions_studycampaign_changelist",
            "resolutions_committee_import",
        ):
            with self.subTest(name=name):
                self.assertEqual(self.client.get(reverse(f"admin:{name}")).status_code, 403)
        self.assertEqual(self.client.get(self.other_conference.get_absolute_url()).status_code, 404)
        index = self.client.get(reverse("admin:index"))
        self.assertNotContains(index, "Hội nghị Giao Thủy")

    def test_autocomplete_of_committees_is_narrowed(self):
        """The committee autocomplete answers with the reporter's committees only."""
        response = self.client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": "resolutions",
                "model_name": "conference",
                "field_name": "committee",
                "term": "Đảng ủy",
            },
        )
        # Reporters get plain selects; the autocomplete endpoint still never lists others.
        self.assertNotContains(response, "Giao Thủy", status_code=response.status_code)


class ApprovalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.committee = make_committee(level="commune")
        cls.result = make_study_result(committee=cls.committee, is_approved=False)
        cls.approver = make_staff("approver", "duyet")

    def test_approver_approves_in_bulk(self):
        """An approver's bulk action approves and stamps who approved."""
        self.client.force_login(self.approver)
        self.client.post(
            admin_url(StudyResult, "changelist"),
            {"action": "approve_selected", "_selected_action": [self.result.pk]},
        )
        self.result.refresh_from_db()
        self.assertTrue(self.result.is_approved)
        self.assertEqual(self.result.approved_by, self.approver)
        self.assertIsNotNone(self.result.approved_at)

    def test_approver_approves_in_the_form(self):
        """Ticking "đã duyệt" on the change page approves and stamps the approver."""
        self.client.force_login(self.approver)
        response = self.client.get(admin_url(self.result, "change"))
        data = form_data(response)
        data["is_approved"] = "on"
        self.client.post(admin_url(self.result, "change"), data)
        self.result.refresh_from_db()
        self.assertTrue(self.result.is_approved)
        self.assertEqual(self.result.approved_by, self.approver)

    def test_reporter_edit_sends_approved_result_back(self):
        """A reporter changing an approved result sends it back to review."""
        self.result.is_approved = True
        self.result.save()
        reporter = make_reporter(self.committee, "capuy")
        self.client.force_login(reporter)
        response = self.client.get(admin_url(self.result, "change"))
        data = form_data(response)
        data.update(members_studied=27, reports_written=27)
        response = self.client.post(admin_url(self.result, "change"), data)
        self.assertEqual(
            response.status_code,
            302,
            response.context and response.context["adminform"].form.errors,
        )
        self.result.refresh_from_db()
        self.assertEqual(self.result.members_studied, 27)
        self.assertFalse(self.result.is_approved)

    def test_reporter_without_committee_sees_nothing(self):
        """A user in the reporter group but tied to no committee reaches no committee."""
        user = make_staff("committee_reporter", "lac")
        self.assertFalse(User.objects.get(pk=user.pk).has_perm("resolutions.approve_studyresult"))
        from resolutions.models import Committee

        self.assertEqual(Committee.objects.for_user(user).count(), 0)
        self.client.force_login(user)
        response = self.client.get(admin_url(StudyResult, "changelist"))
        self.assertEqual(list(response.context["cl"].queryset), [])
