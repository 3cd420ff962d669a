"""Documents: number checks, validity, relation rules."""

import datetime

import time_machine
from django.core.exceptions import ValidationError
from django.test import TestCase

from ndportal.publishing import Status
from resolutions.models import Document, DocumentRelation, RelationKind, Validity
from tests.factories import make_document, make_document_type, make_issuing_body


class NumberCheckTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.resolution = make_document_type()
        cls.decision = make_document_type(name="Quyết định", code="QĐ", slug="quyet-dinh")
        cls.party = make_issuing_body()
        cls.council = make_issuing_body(name="Hội đồng nhân dân tỉnh", code="HĐND", kind="state")

    def build(self, number, doc_type=None, body=None, issued_on=datetime.date(2021, 7, 30)):
        return Document(
            number=number,
            title="về chuyển đổi số",
            doc_type=doc_type or self.resolution,
            issuing_body=body or self.party,
            issued_on=issued_on,
        )

    def test_matching_codes_pass(self):
        """Codes typed in any spelling that match type and body are accepted."""
        for number, body in [
            ("01-NQ/TU", self.party),
            ("01 nq tu", self.party),
            ("12/2021/NQ-HDND", self.council),
        ]:
            with self.subTest(number=number):
                self.build(number, body=body).full_clean()

    def test_type_clash_is_a_message(self):
        """A QĐ number filed as a Nghị quyết names both codes in Vietnamese."""
        with self.assertRaises(ValidationError) as caught:
            self.build("345/QĐ-TU").full_clean()
        message = caught.exception.message_dict["number"][0]
        self.assertIn("“QĐ”", message)
        self.assertIn("Nghị quyết", message)

    def test_issuer_clash_is_a_message(self):
        """A HĐND number filed under the Tỉnh ủy is refused with both names."""
        with self.assertRaises(ValidationError) as caught:
            self.build("12/2021/NQ-HĐND").full_clean()
        self.assertIn("Tỉnh ủy Nam Định", caught.exception.message_dict["number"][0])

    def test_year_clash(self):
        """A year in the number must be the year of issue."""
        with self.assertRaises(ValidationError) as caught:
            self.build("12/2020/NQ-HĐND", body=self.council).full_clean()
        self.assertIn("issued_on", caught.exception.message_dict)

    def test_unreadable_number(self):
        """A number that does not parse is refused with an example."""
        with self.assertRaises(ValidationError) as caught:
            self.build("nghị quyết một").full_clean()
        self.assertIn("01-NQ/TU", caught.exception.message_dict["number"][0])

    def test_uniqueness_is_a_validation_error(self):
        """Number + body + date twice is a message from full_clean, not an IntegrityError."""
        make_document(number="01-NQ/TU", issued_on=datetime.date(2021, 7, 30))
        with self.assertRaises(ValidationError) as caught:
            self.build("01-NQ/TU").full_clean()
        self.assertIn("Đã có văn bản cùng số ký hiệu", str(caught.exception))

    def test_same_number_another_year_is_allowed(self):
        """Numbers restart each term: the same number on another date is another document."""
        make_document(number="01-NQ/TU", issued_on=datetime.date(2016, 1, 5))
        self.build("01-NQ/TU").full_clean()

    def test_slug_and_serial_from_number(self):
        """The slug is built from the parts and the serial sorts numerically."""
        document = make_document(number="12/2021/NQ-HĐND", issuing_body=self.council)
        self.assertEqual(document.slug, "12-2021-nq-hdnd")
        self.assertEqual(document.serial, 12)
        self.assertEqual(document.get_absolute_url(), "/van-ban/nghi-quyet/2021/12-2021-nq-hdnd/")

    def test_slug_clash_in_same_year_gets_suffix(self):
        """Two documents with one number in one year get distinct URLs."""
        first = make_document(number="01-NQ/TU", issued_on=datetime.date(2020, 1, 5))
        second = make_document(number="01-NQ/TU", issued_on=datetime.date(2020, 11, 20))
        self.assertNotEqual(first.get_absolute_url(), second.get_absolute_url())


@time_machine.travel(datetime.datetime(2024, 6, 1, 12, tzinfo=datetime.UTC), tick=False)
class ValidityTests(TestCase):
    def validity(self, document):
        return Document.objects.get(pk=document.pk).validity

    def test_in_force_by_default(self):
        """A document with past dates and no relations is in force."""
        self.assertEqual(self.validity(make_document()), Validity.IN_FORCE)

    def test_future_effective_date(self):
        """An effective date still to come reads 'not yet in force'."""
        document = make_document(
            issued_on=datetime.date(2024, 5, 20), effective_on=datetime.date(2024, 7, 1)
        )
        self.assertEqual(self.validity(document), Validity.NOT_YET)

    def test_expiry_date_passed(self):
        """An expiry date on or before today reads 'expired'."""
        document = make_document(expires_on=datetime.date(2024, 6, 1))
        self.assertEqual(self.validity(document), Validity.EXPIRED)

    def test_expires_when_the_day_comes(self):
        """The same document is in force the day before its expiry and expired after."""
        document = make_document(expires_on=datetime.date(2024, 6, 10))
        self.assertEqual(self.validity(document), Validity.IN_FORCE)
        with time_machine.travel(datetime.datetime(2024, 6, 11, 12, tzinfo=datetime.UTC)):
            self.assertEqual(self.validity(document), Validity.EXPIRED)

    def test_replaced_by_published_document(self):
        """Replacement by a published, effective document makes the old one expired."""
        old = make_document(number="01-NQ/TU")
        new = make_document(number="05-NQ/TU", issued_on=datetime.date(2023, 3, 1))
        DocumentRelation.objects.create(source=new, kind=RelationKind.REPLACES, target=old)
        self.assertEqual(self.validity(old), Validity.EXPIRED)
        self.assertEqual(self.validity(new), Validity.IN_FORCE)

    def test_repeal_by_draft_changes_nothing(self):
        """A draft that repeals a document does not end it: readers cannot see why."""
        old = make_document(number="01-NQ/TU")
        draft = make_document(number="05-NQ/TU", status=Status.DRAFT, published_at=None)
        DocumentRelation.objects.create(source=draft, kind=RelationKind.REPEALS, target=old)
        self.assertEqual(self.validity(old), Validity.IN_FORCE)

    def test_replacement_not_yet_effective(self):
        """A replacement that takes effect next month leaves the old one in force today."""
        old = make_document(number="01-NQ/TU")
        new = make_document(
            number="05-NQ/TU",
            issued_on=datetime.date(2024, 5, 1),
            effective_on=datetime.date(2024, 7, 1),
        )
        DocumentRelation.objects.create(source=new, kind=RelationKind.REPLACES, target=old)
        self.assertEqual(self.validity(old), Validity.IN_FORCE)

    def test_amendment_keeps_document_in_force(self):
        """Being amended is not being ended."""
        old = make_document(number="01-NQ/TU")
        new = make_document(number="05-NQ/TU")
        DocumentRelation.objects.create(source=new, kind=RelationKind.AMENDS, target=old)
        self.assertEqual(self.validity(old), Validity.IN_FORCE)

    def test_override_wins_and_is_dated(self):
        """An editor's override beats the computation and records today's date."""
        document = make_document(
            expires_on=datetime.date(2024, 1, 1),
            validity_override=Validity.PARTLY_EXPIRED,
            validity_note="Điều 3 bị bãi bỏ",
        )
        self.assertEqual(self.validity(document), Validity.PARTLY_EXPIRED)
        self.assertEqual(document.validity_changed_on, datetime.date(2024, 6, 1))

    def test_override_needs_a_reason(self):
        """Overriding validity without a reason is refused."""
        document = make_document()
        document.validity_override = Validity.SUSPENDED
        with self.assertRaises(ValidationError) as caught:
            document.full_clean()
        self.assertIn("validity_note", caught.exception.message_dict)

    def test_filter_by_computed_validity(self):
        """The queryset annotation filters the same way the page reads."""
        expired = make_document(expires_on=datetime.date(2023, 1, 1))
        make_document()
        self.assertQuerySetEqual(
            Document.objects.filter(computed_validity=Validity.EXPIRED), [expired]
        )


class RelationRuleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.a = make_document(number="01-NQ/TU")
        cls.b = make_document(number="02-NQ/TU")
        cls.c = make_document(number="03-NQ/TU")

    def test_self_relation_refused(self):
        """A document cannot relate to itself."""
        relation = DocumentRelation(source=self.a, kind=RelationKind.AMENDS, target=self.a)
        with self.assertRaises(ValidationError):
            relation.full_clean()

    def test_direct_replacement_cycle_refused(self):
        """If B replaces A, A cannot replace B."""
        DocumentRelation.objects.create(source=self.b, kind=RelationKind.REPLACES, target=self.a)
        relation = DocumentRelation(source=self.a, kind=RelationKind.REPLACES, target=self.b)
        with self.assertRaises(ValidationError) as caught:
            relation.full_clean()
        self.assertIn("vòng thay thế", caught.exception.message_dict["target"][0])

    def test_indirect_cycle_refused(self):
        """C replaces B replaces A: A cannot repeal C."""
        DocumentRelation.objects.create(source=self.b, kind=RelationKind.REPLACES, target=self.a)
        DocumentRelation.objects.create(source=self.c, kind=RelationKind.REPLACES, target=self.b)
        relation = DocumentRelation(source=self.a, kind=RelationKind.REPEALS, target=self.c)
        with self.assertRaises(ValidationError):
            relation.full_clean()

    def test_chain_without_cycle_allowed(self):
        """C replacing A beside B replacing A is fine, and guiding relations may loop."""
        DocumentRelation.objects.create(source=self.b, kind=RelationKind.REPLACES, target=self.a)
        DocumentRelation(source=self.c, kind=RelationKind.REPLACES, target=self.a).full_clean()
        DocumentRelation.objects.create(source=self.b, kind=RelationKind.REFERS_TO, target=self.c)
        DocumentRelation(source=self.c, kind=RelationKind.REFERS_TO, target=self.b).full_clean()

    def test_reverse_labels(self):
        """Every kind has a label read from the other side."""
        relation = DocumentRelation(source=self.b, kind=RelationKind.REPLACES, target=self.a)
        self.assertEqual(relation.reverse_label, "Bị thay thế bởi")
        for kind in RelationKind:
            self.assertTrue(DocumentRelation(kind=kind).reverse_label)
