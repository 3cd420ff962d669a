"""Roles are defined once and their groups kept in sync after every migrate."""

from unittest import mock

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import TestCase

from ndportal.roles import ROLES, Role, sync_roles


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


class RoleGroupTests(TestCase):
    def test_migrate_created_the_three_groups(self):
        """Biên tập viên, Người duyệt and Quản trị exist after migrate."""
        names = set(Group.objects.values_list("name", flat=True))
        self.assertLessEqual({"Biên tập viên", "Người duyệt", "Quản trị"}, names)

    def test_editor_cannot_publish_or_delete_content(self):
        """The editor group edits drafts but holds no publish or delete permission on content."""
        editor = codenames(ROLES["editor"].group)
        self.assertIn("news.change_article", editor)
        self.assertIn("resolutions.add_document", editor)
        self.assertNotIn("news.publish_article", editor)
        self.assertNotIn("resolutions.delete_document", editor)
        self.assertNotIn("auth.change_user", editor)

    def test_approver_publishes_every_kind(self):
        """The approver group has a publish permission for articles, documents and conferences."""
        approver = codenames(ROLES["approver"].group)
        for name in (
            "news.publish_article",
            "resolutions.publish_document",
            "resolutions.publish_conference",
        ):
            self.assertIn(name, approver)
        self.assertNotIn("auth.change_user", approver)

    def test_administrator_manages_accounts(self):
        """The administrator group holds every permission, accounts included."""
        self.assertEqual(
            Group.objects.get(name=ROLES["admin"].group).permissions.count(),
            Permission.objects.count(),
        )

    def test_sync_is_idempotent_and_repairs_drift(self):
        """Running sync again changes nothing, and restores a permission removed by hand."""
        group = Group.objects.get(name=ROLES["editor"].group)
        before = codenames(group.name)
        group.permissions.remove(Permission.objects.get(codename="change_article"))
        group.permissions.add(Permission.objects.get(codename="publish_article"))
        sync_roles()
        sync_roles()
        self.assertEqual(codenames(group.name), before)
        self.assertEqual(Group.objects.filter(name=group.name).count(), 1)

    def test_a_new_role_is_one_more_entry(self):
        """A reporting unit role added to ROLES becomes a group with just its permissions."""
        unit = Role(
            group="Đơn vị báo cáo",
            description="Chỉ báo cáo số liệu của đơn vị mình.",
            permissions=("resolutions.view_conference", "resolutions.change_connectedsite"),
        )
        with mock.patch.dict(ROLES, {"reporting_unit": unit}):
            call_command("migrate", verbosity=0)
        self.assertEqual(
            codenames("Đơn vị báo cáo"),
            {"resolutions.view_conference", "resolutions.change_connectedsite"},
        )


class RoleCoverageTests(TestCase):
    def test_every_content_model_is_assigned_to_the_roles(self):
        """Each model of news and resolutions is named once: content, child record, vocabulary,
        statistics or committees' study record."""
        from django.apps import apps

        from ndportal.roles import CHILD_RECORDS, CONTENT, STATISTICS, STUDY_RECORDS, VOCABULARIES

        named = [*CONTENT, *CHILD_RECORDS, *VOCABULARIES, *STATISTICS, *STUDY_RECORDS]
        self.assertEqual(len(named), len(set(named)))
        for app_label in ("news", "resolutions"):
            for model in apps.get_app_config(app_label).get_models():
                with self.subTest(model=model._meta.label_lower):
                    self.assertIn(model._meta.label_lower, named)

    def test_approver_approves_conference_reports_and_editor_does_not(self):
        """Only approvers (and administrators) may approve a conference's closing report."""
        self.assertIn("resolutions.approve_conferencereport", codenames(ROLES["approver"].group))
        self.assertNotIn("resolutions.approve_conferencereport", codenames(ROLES["editor"].group))
