"""No template links an attachment straight to /media/: readers reach files through the views."""

import re

from django.conf import settings
from django.test import SimpleTestCase

# An attachment's storage URL: `{{ file.file.url }}`, `{{ x.file.url }}`, or a hand-built
# /media/documents/... or /media/conference-files/... path. Images (`.image.url`,
# `.cover_image.url`) are public and served by the web server, so they are fine.
ATTACHMENT_LINK = re.compile(
    r"\.file\.url\b"
    r"|/media/(?:documents|conference-files)/"
    r"|MEDIA_URL\s*}}\s*(?:documents|conference-files)/"
)


def template_files():
    return sorted(path for path in (settings.BASE_DIR / "templates").rglob("*") if path.is_file())


class AttachmentLinkTests(SimpleTestCase):
    def test_pattern_catches_direct_links(self):
        """The pattern recognises each way a template could link a stored attachment."""
        bad = [
            '<a href="{{ file.file.url }}" download>',
            '<a href="{{ attachment.file.url }}">',
            '<a href="/media/documents/abc.pdf">',
            '<a href="{{ MEDIA_URL }}conference-files/abc.pdf">',
        ]
        good = ['<img src="{{ photo.image.url }}">', '<a href="{{ file.get_absolute_url }}">']
        self.assertTrue(all(ATTACHMENT_LINK.search(text) for text in bad))
        self.assertFalse(any(ATTACHMENT_LINK.search(text) for text in good))

    def test_no_template_links_attachments_to_media(self):
        """Every template links files through the counting view, so drafts' files stay hidden."""
        files = template_files()
        self.assertGreater(len(files), 10)
        offenders = [
            f"{path.relative_to(settings.BASE_DIR)}:{number}: {line.strip()}"
            for path in files
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if ATTACHMENT_LINK.search(line)
        ]
        self.assertEqual(offenders, [])
