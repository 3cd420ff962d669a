"""The text size and contrast controls' markup (templates/includes/reading_controls.html)."""

import re

from django.conf import settings
from django.test import TestCase
from django.urls import reverse


class ReadingControlsMarkupTests(TestCase):
    def test_controls_are_buttons_hidden_until_our_script_runs(self):
        """Real buttons (keyboard), hidden without JS; the script is ours, async, not inline."""
        html = self.client.get(reverse("home")).content.decode()
        box = re.search(r"<div class=\"reading-controls\"[^>]*>", html).group(0)
        self.assertIn("hidden", box)
        self.assertIn('role="group"', box)
        self.assertEqual(html.count("data-text-step="), 3)
        self.assertIn('<button type="button" data-contrast aria-pressed="false">', html)
        self.assertIn(f'<script src="{settings.STATIC_URL}js/reading.js" async></script>', html)
        inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", html)
        self.assertEqual(inline, [])
