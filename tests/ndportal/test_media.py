"""Public images served by Django when NDPORTAL_SERVE_MEDIA is on (ndportal/media.py)."""

from django.conf import settings
from django.test import TestCase, override_settings

from tests.image_files import image_bytes


def put(relative, content):
    path = settings.MEDIA_ROOT / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return f"/media/{relative}"


@override_settings(DEBUG=False, NDPORTAL_SERVE_MEDIA=True)
class PublicImageTests(TestCase):
    def test_public_image_is_served_with_sandboxing_headers(self):
        """An image in a public folder answers 200 with nosniff and a sandboxing CSP."""
        url = put("news/2026/cover.png", image_bytes("PNG"))
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/png")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(
            response["Content-Security-Policy"], "default-src 'none'; img-src 'self'; sandbox"
        )
        self.assertEqual(b"".join(response.streaming_content), image_bytes("PNG"))

    def test_editor_and_conference_images_are_served(self):
        """The rich-text and conference photo folders are public too."""
        for relative in ("editor/3/a.jpg", "conferences/b.webp"):
            with self.subTest(relative):
                url = put(relative, image_bytes("PNG"))
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_attachments_are_never_served_from_media(self):
        """A document or conference file under /media/ is 404, even an image-named one."""
        for relative in ("documents/a.pdf", "documents/a.png", "conference-files/b.png"):
            with self.subTest(relative):
                url = put(relative, image_bytes("PNG"))
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_non_image_and_traversal_paths_are_404(self):
        """Only image extensions in the public folders; no way out of them."""
        put("news/page.html", b"<script>alert(1)</script>")
        put("documents/secret.png", image_bytes("PNG"))
        for url in ("/media/news/page.html", "/media/news/../documents/secret.png"):
            with self.subTest(url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_missing_image_is_404(self):
        """A name with no file behind it is a 404, not a 500."""
        self.assertEqual(self.client.get("/media/news/none.png").status_code, 404)

    @override_settings(NDPORTAL_SERVE_MEDIA=False)
    def test_off_by_default_without_debug(self):
        """With the setting off and debug off, Django serves no media (nginx does)."""
        url = put("news/cover.png", image_bytes("PNG"))
        self.assertEqual(self.client.get(url).status_code, 404)
