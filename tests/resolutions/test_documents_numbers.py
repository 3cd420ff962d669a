"""Document numbers: every spelling readers type reduces to the same parts."""

import unicodedata

from django.test import SimpleTestCase

from resolutions.numbers import DocumentNumber, code_key, number_search_key, parse_number


class ParseNumberTests(SimpleTestCase):
    def test_party_number(self):
        """`01-NQ/TU` is resolution 1 of the Tỉnh ủy, without a year."""
        self.assertEqual(parse_number("01-NQ/TU"), DocumentNumber(1, "NQ", "TU"))

    def test_state_number_with_year(self):
        """`12/2021/NQ-HĐND` carries a year between number and codes."""
        self.assertEqual(parse_number("12/2021/NQ-HĐND"), DocumentNumber(12, "NQ", "HĐND", 2021))

    def test_state_number_without_year(self):
        """`345/QĐ-UBND` is decision 345 of the People's Committee."""
        self.assertEqual(parse_number("345/QĐ-UBND"), DocumentNumber(345, "QĐ", "UBND"))

    def test_spellings_readers_type(self):
        """Spaces, lower case, D for Đ and NFD input all give the same slug."""
        expected = {
            "01-nq-tu": ["01-NQ/TU", "01 NQ TU", "01-nq/tu", " 1 - NQ / TU ", "01–NQ/TU"],
            "12-2021-nq-hdnd": [
                "12/2021/NQ-HĐND",
                "12 / 2021 / nq - hđnd",
                "12/2021/NQ-HDND",
                unicodedata.normalize("NFD", "12/2021/NQ-HĐND"),
            ],
            "345-qd-ubnd": [
                "345/QĐ-UBND",
                "345/qd-ubnd",
                unicodedata.normalize("NFD", "345/QĐ-UBND"),
            ],
        }
        for slug, spellings in expected.items():
            for spelling in spellings:
                with self.subTest(spelling=spelling):
                    self.assertEqual(parse_number(spelling).slug, slug)

    def test_nfd_codes_compare_equal(self):
        """A decomposed `QĐ` and a precomposed `QD` have the same code key."""
        parsed = parse_number(unicodedata.normalize("NFD", "345/QĐ-UBND"))
        self.assertEqual(code_key(parsed.type_code), code_key("QD"))
        self.assertEqual(code_key("QĐi"), "QDI")

    def test_not_a_number(self):
        """Text that is no document number gives None, never an exception."""
        for value in [
            "",
            "nghị quyết",
            "nq 01",
            "01",
            "01-NQ",
            "12/1800/NQ-HĐND",
            "01-NQ/<b>",
            None,
        ]:
            with self.subTest(value=value):
                self.assertIsNone(parse_number(value))

    def test_search_key_ignores_separators(self):
        """`01 nq tu` and `01-NQ/TU` share a search key, so search finds either way."""
        self.assertEqual(number_search_key("01 nq tu"), number_search_key("01-NQ/TU"))
        self.assertEqual(number_search_key("12/2021/NQ-HĐND"), "122021nqhdnd")
