"""Approvers by section: limited to some categories and issuing bodies, on the server."""

from django.test import TestCase, override_settings

from ndportal import workflow
from ndportal.publishing import Status
from ndportal.revisions import Revision
from ndportal.scopes import ApproverScope
from tests.admin_forms import admin_url, form_data
from tests.factories import (
    make_article,
    make_category,
    make_document,
    make_issuing_body,
    make_staff,
)


@override_settings(PAGE_CACHE_SECONDS=0)
class ApproverScopeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.news = make_category(name="Thời sự", slug="thoi-su")
        cls.culture = make_category(name="Văn hóa", slug="van-hoa")
        cls.party = make_issuing_body(name="Tỉnh ủy Nam Định", code="TU")
        cls.council = make_issuing_body(name="HĐND tỉnh", code="HĐND")
        cls.scoped = make_staff("approver", "duyet-thoi-su")
        scope = ApproverScope.objects.create(user=cls.scoped)
        scope.categories.add(cls.news)
        scope.issuing_bodies.add(cls.party)
        cls.editor = make_staff("editor", "bientap")

    def draft(self, category, **values):
        return make_article(category=category, status=Status.REVIEW, published_at=None, **values)

    def test_publishing_outside_the_scope_is_refused_by_the_workflow(self):
        """workflow.item_publish refuses an article of another category, allows their own."""
        with self.assertRaisesMessage(workflow.TransitionRefused, "phạm vi duyệt"):
            workflow.item_publish(item=self.draft(self.culture), user=self.scoped)
        own = workflow.item_publish(item=self.draft(self.news), user=self.scoped)
        self.assertEqual(own.status, Status.PUBLISHED)

    def test_documents_are_limited_by_issuing_body(self):
        """A document of another issuing body is refused; their own goes through."""
        other = make_document(issuing_body=self.council, status=Status.REVIEW, published_at=None)
        own = make_document(issuing_body=self.party, status=Status.REVIEW, published_at=None)
        self.assertIsNotNone(
            workflow.refusal(user=self.scoped, item=other, action=workflow.PUBLISH)
        )
        self.assertIsNone(workflow.refusal(user=self.scoped, item=own, action=workflow.PUBLISH))

    def test_admin_button_and_bulk_action_are_refused(self):
        """The change form's button and the changelist action ask the same refusal()."""
        article = self.draft(self.culture, title="Ngoài phạm vi")
        self.client.force_login(self.scoped)
        data = form_data(self.client.get(admin_url(article)))
        response = self.client.post(admin_url(article), {**data, "_workflow": "publish"})
        self.assertContains(response, "phạm vi duyệt")
        self.client.post(
            admin_url(article, "changelist"),
            {"action": "publish_selected", "_selected_action": [article.pk]},
        )
        article.refresh_from_db()
        self.assertEqual(article.status, Status.REVIEW)

    def test_moving_an_item_into_another_section_on_publish_is_refused(self):
        """The scope is checked on the item as it will be saved, not only as stored."""
        article = self.draft(self.news)
        self.client.force_login(self.scoped)
        data = form_data(self.client.get(admin_url(article)))
        data.update(category=str(self.culture.pk), _workflow="publish")
        self.assertContains(self.client.post(admin_url(article), data), "phạm vi duyệt")
        article.refresh_from_db()
        self.assertEqual((article.status, article.category), (Status.REVIEW, self.news))

    def test_queue_shows_only_what_the_approver_may_approve(self):
        """The review queue lists their section's items and not the others."""
        self.draft(self.news, title="Bài thời sự chờ duyệt")
        self.draft(self.culture, title="Bài văn hóa chờ duyệt")
        self.client.force_login(self.scoped)
        page = self.client.get("/admin/")
        self.assertContains(page, "Bài thời sự chờ duyệt")
        self.assertNotContains(page, "Bài văn hóa chờ duyệt")
        self.client.force_login(make_staff("approver", "duyet-chung"))
        self.assertContains(self.client.get("/admin/"), "Bài văn hóa chờ duyệt")

    def test_out_of_scope_published_item_is_edited_as_a_revision(self):
        """An approver outside the section edits a published article like an editor does."""
        article = make_article(category=self.culture, title="Văn hóa đang hiện")
        self.client.force_login(self.scoped)
        data = form_data(self.client.get(admin_url(article)))
        data["title"] = "Văn hóa sửa"
        self.client.post(admin_url(article), data)
        article.refresh_from_db()
        self.assertEqual(article.title, "Văn hóa đang hiện")
        self.assertEqual(Revision.objects.get().data["fields"]["title"], "Văn hóa sửa")
        url = admin_url(article)[: -len("change/")] + "ban-sua/"
        self.client.post(url, {"action": "publish"})
        article.refresh_from_db()
        self.assertEqual(article.title, "Văn hóa đang hiện")

    def test_revision_moving_into_the_scope_is_not_publishable(self):
        """A revision moving an article into the approver's section still needs the old one."""
        article = make_article(category=self.culture)
        self.client.force_login(self.editor)
        data = form_data(self.client.get(admin_url(article)))
        data.update(category=str(self.news.pk), _revision="submit")
        self.client.post(admin_url(article), data)
        self.client.force_login(self.scoped)
        url = admin_url(article)[: -len("change/")] + "ban-sua/"
        self.assertNotContains(self.client.get(url), 'value="publish"')
        self.client.post(url, {"action": "publish"})
        article.refresh_from_db()
        self.assertEqual(article.category, self.culture)
        self.assertTrue(Revision.objects.exists())
