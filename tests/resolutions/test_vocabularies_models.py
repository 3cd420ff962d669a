"""Vocabularies of the registry: an NFD copy of a name is the same name."""

import unicodedata

from django.core.exceptions import ValidationError
from django.test import TestCase

from resolutions.models import DocumentType, Field, IssuingBody
from tests.factories import make_document_type, make_issuing_body


def nfd(value):
    return unicodedata.normalize("NFD", value)


class NfdDuplicateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_document_type(name="Nghị quyết", code="NQ", slug="nghi-quyet")
        make_issuing_body(name="Tỉnh ủy Nam Định", code="TU")
        Field.objects.create(name="Xây dựng Đảng", slug="xay-dung-dang")

    def assert_duplicate_refused(self, item, field_name):
        with self.assertRaises(ValidationError) as caught:
            item.full_clean()
        self.assertIn(field_name, caught.exception.message_dict)

    def test_document_type(self):
        """An NFD copy of a document type's name fails full_clean, not the database."""
        self.assert_duplicate_refused(
            DocumentType(name=nfd("Nghị quyết"), code="NQX", slug="nghi-quyet-x"), "name"
        )

    def test_field(self):
        """An NFD copy of a field's name fails full_clean."""
        self.assert_duplicate_refused(Field(name=nfd("Xây dựng Đảng"), slug="xdd-2"), "name")

    def test_issuing_body(self):
        """An NFD copy of an issuing body's name fails full_clean rather than raising on save."""
        self.assert_duplicate_refused(IssuingBody(name=nfd("Tỉnh ủy Nam Định"), code="TU"), "name")

    def test_new_names_are_stored_nfc(self):
        """A new type, field and issuer typed in NFD are stored composed."""
        names = {
            DocumentType: "Chỉ thị",
            Field: "Kinh tế - Xã hội",
            IssuingBody: "Hội đồng nhân dân tỉnh",
        }
        extra = {
            DocumentType: {"code": "CT", "slug": "chi-thi"},
            Field: {"slug": "kinh-te"},
            IssuingBody: {"code": "HĐND"},
        }
        for model, name in names.items():
            with self.subTest(model=model.__name__):
                item = model(name=nfd(name), **extra[model])
                item.full_clean()
                item.save()
                self.assertTrue(model.objects.filter(name=name).exists())
                self.assertEqual(model.objects.get(pk=item.pk).name, name)
