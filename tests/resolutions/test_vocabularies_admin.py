"""Vocabularies in the admin: a duplicate name is a form error, never a 500."""

import unicodedata

from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse

from resolutions.models import IssuingBody
from tests.factories import make_issuing_body


class IssuingBodyAddTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("quan-tri", password="mat-khau-thu")
        make_issuing_body(name="Tỉnh ủy Nam Định", code="TU")

    def test_nfd_duplicate_is_a_form_error(self):
        """Adding “Tỉnh ủy Nam Định” again in NFD shows the form with an error (200)."""
        self.client.force_login(self.admin)
        response = self.client.post(
            reverse("admin:resolutions_issuingbody_add"),
            {
                "name": unicodedata.normalize("NFD", "Tỉnh ủy Nam Định"),
                "code": "TU",
                "kind": IssuingBody.Kind.PARTY,
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("name", response.context["adminform"].form.errors)
        self.assertEqual(IssuingBody.objects.count(), 1)
