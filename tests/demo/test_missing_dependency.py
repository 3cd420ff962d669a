"""load_demo on an install without the development dependencies."""

import io
import sys
from unittest import mock

from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings


@override_settings(DEBUG=True)
class MissingReportlabTests(TestCase):
    def test_names_the_missing_package(self):
        """Without reportlab the command says what to install instead of a traceback."""
        with mock.patch.dict(sys.modules):
            for name in list(sys.modules):
                if name.startswith(("reportlab", "demo.")) and "management" not in name:
                    del sys.modules[name]
            sys.modules["reportlab"] = None  # what an install without it looks like
            with self.assertRaises(CommandError) as caught:
                call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
        message = str(caught.exception)
        self.assertIn("reportlab", message)
        self.assertIn('pip install -e ".[dev]"', message)
