"""Old addresses of a renumbered document, kept by the model wherever the change is made."""

import datetime

from django.test import TestCase

from resolutions.models import DocumentAlias
from tests.factories import make_document


class RenumberFromShellTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = make_document(number="01-NQ/TU", issued_on=datetime.date(2022, 3, 1))

    def renumber(self, number):
        self.document.number = number
        self.document.save()

    def test_old_url_answers_301(self):
        """A number changed by a plain save (no admin) leaves the old URL redirecting."""
        old_url = self.document.get_absolute_url()
        self.renumber("11-NQ/TU")
        self.assertNotEqual(self.document.get_absolute_url(), old_url)
        response = self.client.get(old_url)
        self.assertRedirects(
            response,
            self.document.get_absolute_url(),
            status_code=301,
            fetch_redirect_response=False,
        )

    def test_unchanged_address_adds_no_alias(self):
        """Saving without touching the number, type or date records nothing."""
        self.document.title = "về nhiệm vụ khác"
        self.document.save()
        self.assertFalse(DocumentAlias.objects.exists())

    def test_renumbering_back_drops_the_alias_of_the_current_address(self):
        """01 → 11 → 01: the page answers at 01 again and 11 redirects to it."""
        first_url = self.document.get_absolute_url()
        self.renumber("11-NQ/TU")
        second_url = self.document.get_absolute_url()
        self.renumber("01-NQ/TU")
        self.assertEqual(self.document.get_absolute_url(), first_url)
        self.assertEqual(list(DocumentAlias.objects.values_list("slug", flat=True)), ["11-nq-tu"])
        self.assertEqual(self.client.get(first_url).status_code, 200)
        self.assertEqual(self.client.get(second_url).status_code, 301)

    def test_new_date_of_issue_moves_the_address(self):
        """A corrected year of issue also keeps the old address."""
        old_url = self.document.get_absolute_url()
        self.document.issued_on = datetime.date(2023, 3, 1)
        self.document.save()
        self.assertEqual(self.client.get(old_url).status_code, 301)
