"""Admin strings that Django's Vietnamese catalogue lacks are translated by the project."""

from django.test import SimpleTestCase
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation


class AdminTranslationTests(SimpleTestCase):
    def test_missing_django_strings_are_vietnamese(self):
        """'Show counts' and friends read in Vietnamese in the admin."""
        with translation.override("vi"):
            self.assertEqual(translation.gettext("Show counts"), "Hiện số lượng")
            self.assertEqual(translation.gettext("Hide counts"), "Ẩn số lượng")
            self.assertEqual(
                translation.gettext("View selected %(model)s") % {"model": "chuyên mục"},
                "Xem chuyên mục đã chọn",
            )

    def test_admin_javascript_catalogue_has_the_picker_strings(self):
        """The permission picker's 'Choose all %s' is in the JavaScript catalogue."""
        catalogue = DjangoTranslation("vi", domain="djangojs")
        self.assertEqual(catalogue.gettext("Choose all %s"), "Chọn tất cả %s")
        self.assertEqual(catalogue.gettext("Remove all %s"), "Bỏ tất cả %s")
