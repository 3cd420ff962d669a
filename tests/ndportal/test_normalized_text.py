"""NormalizedTextModel: every portal model stores its text precomposed (NFC)."""

import unicodedata

from django.apps import apps
from django.test import SimpleTestCase, TestCase

from ndportal.models import NormalizedTextModel
from resolutions.models import AgendaItem, ConnectedSite
from tests.factories import make_conference


def nfd(value):
    return unicodedata.normalize("NFD", value)


class EveryModelTests(SimpleTestCase):
    def test_every_portal_model_normalises_its_text(self):
        """Each concrete model of news and resolutions inherits NormalizedTextModel."""
        models = [
            model
            for app_label in ("news", "resolutions")
            for model in apps.get_app_config(app_label).get_models()
        ]
        self.assertGreater(len(models), 15)
        missing = [m.__name__ for m in models if not issubclass(m, NormalizedTextModel)]
        self.assertEqual(missing, [])


class SaveTests(TestCase):
    def test_child_rows_saved_from_the_shell_are_nfc(self):
        """Rows without a form (an agenda item, a site) are stored composed too."""
        conference = make_conference()
        item = AgendaItem.objects.create(conference=conference, title=nfd("Quán triệt Nghị quyết"))
        site = ConnectedSite.objects.create(conference=conference, name=nfd("Huyện Hải Hậu"))
        item.refresh_from_db()
        site.refresh_from_db()
        self.assertEqual(item.title, "Quán triệt Nghị quyết")
        self.assertEqual(site.name, "Huyện Hải Hậu")
        self.assertNotEqual(nfd("Huyện Hải Hậu"), "Huyện Hải Hậu")
