"""The one image validator (ndportal.images) and the alt-text rule for publishing."""

import io
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import SimpleTestCase, TestCase, override_settings
from django.urls import reverse
from PIL import Image

from ndportal.alt_text import alt_text_problems, images_without_alt
from ndportal.images import clean_image
from ndportal.publishing import Status
from ndportal.workflow import TransitionRefused, item_publish
from news.models import Article, ArticlePhoto
from tests.admin_forms import form_data
from tests.factories import make_article, make_category
from tests.image_files import SCRIPT, image_bytes, png_header_only, upload


class CleanImageTests(SimpleTestCase):
    def assertRefused(self, file, code):
        with self.assertRaises(ValidationError) as caught:
            clean_image(file)
        self.assertEqual(caught.exception.code, code)
        return caught.exception

    def test_accepts_the_four_formats(self):
        """JPEG, PNG, GIF and WebP pass and come back re-encoded in the same format."""
        for fmt, name in [("JPEG", "a.jpg"), ("JPEG", "b.JPEG"), ("PNG", "c.png"),
                          ("GIF", "d.gif"), ("WEBP", "e.webp")]:  # fmt: skip
            with self.subTest(name=name):
                clean = clean_image(upload(name, image_bytes(fmt)))
                self.assertEqual(Image.open(io.BytesIO(clean.content)).format, fmt)
                self.assertEqual((clean.width, clean.height), (40, 30))

    def test_refuses_other_extensions(self):
        """.html, .svg, .php and .bmp are refused before Pillow sees them."""
        for name in ["evil.html", "evil.svg", "shell.php", "x.bmp", "noextension", "a.jpg.php"]:
            with self.subTest(name=name):
                self.assertRefused(upload(name, image_bytes("PNG")), "image_extension")

    def test_refuses_svg_with_script(self):
        """An SVG with a script is refused even when it claims to be a PNG."""
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        self.assertRefused(upload("evil.svg", svg, "image/svg+xml"), "image_extension")
        self.assertRefused(upload("evil.png", svg, "image/png"), "image_invalid")

    def test_refuses_html_renamed_jpg(self):
        """HTML bytes named evil.jpg are not an image."""
        self.assertRefused(upload("evil.jpg", b"<html>" + SCRIPT), "image_invalid")

    def test_refuses_content_that_does_not_match_extension(self):
        """A PNG named .jpg is refused: the detected format must match the extension."""
        error = self.assertRefused(upload("photo.jpg", image_bytes("PNG")), "image_format_mismatch")
        self.assertIn("PNG", error.messages[0])

    def test_refuses_formats_outside_the_four(self):
        """A BMP or TIFF renamed .png is never parsed as BMP or TIFF."""
        for fmt in ["BMP", "TIFF"]:
            with self.subTest(fmt=fmt):
                self.assertRefused(upload("x.png", image_bytes(fmt)), "image_invalid")

    def test_polyglot_gif_is_reencoded(self):
        """A GIF with HTML appended is accepted as a GIF but the script bytes are not kept."""
        clean = clean_image(upload("poly.gif", image_bytes("GIF") + SCRIPT, "image/gif"))
        self.assertNotIn(b"<script", clean.content)
        self.assertTrue(clean.content.endswith(b";"))  # the GIF trailer ends the file

    def test_polyglot_named_html_is_refused(self):
        """The same GIF+HTML polyglot named poly.html is refused."""
        self.assertRefused(upload("poly.html", image_bytes("GIF") + SCRIPT), "image_extension")

    def test_decompression_bomb_is_a_validation_error(self):
        """A PNG of a few bytes claiming 30000×30000 pixels is refused, not a crash."""
        bomb = png_header_only(30000, 30000)
        self.assertLess(len(bomb), 100)
        self.assertRefused(upload("bomb.png", bomb), "image_too_many_pixels")

    def test_pillow_warning_range_is_refused(self):
        """144 megapixels (Pillow only warns there) is refused."""
        self.assertRefused(
            upload("big.png", png_header_only(12000, 12000)), "image_too_many_pixels"
        )

    @override_settings(IMAGE_MAX_PIXELS=1000)
    def test_project_pixel_cap(self):
        """The project cap applies below Pillow's own limit."""
        self.assertRefused(
            upload("a.png", image_bytes("PNG", size=(40, 30))), "image_too_many_pixels"
        )

    @override_settings(IMAGE_MAX_PIXELS=10_000)
    def test_animation_frames_count_towards_the_cap(self):
        """50×50 passes as one frame; five frames of it exceed 10,000 pixels."""
        clean_image(upload("one.gif", image_bytes("GIF", size=(50, 50))))
        for fmt, name in [("GIF", "anim.gif"), ("WEBP", "anim.webp")]:
            with self.subTest(fmt=fmt):
                animated = image_bytes(fmt, size=(50, 50), frames=5)
                self.assertRefused(upload(name, animated), "image_too_many_pixels")

    def test_animation_is_kept(self):
        """An animated GIF under the cap keeps its frames."""
        clean = clean_image(upload("anim.gif", image_bytes("GIF", frames=3)))
        self.assertEqual(Image.open(io.BytesIO(clean.content)).n_frames, 3)

    @override_settings(IMAGE_MAX_SIZE=500)
    def test_size_limit(self):
        """A file above IMAGE_MAX_SIZE is refused with both sizes in the message."""
        error = self.assertRefused(upload("big.png", b"\0" * 501), "image_too_large")
        self.assertIn("501", error.messages[0])

    def test_truncated_image_is_refused(self):
        """A JPEG cut in half is refused rather than stored half-decoded."""
        data = image_bytes("JPEG", size=(400, 300))
        self.assertRefused(upload("cut.jpg", data[: len(data) // 2]), "image_invalid")

    def test_exif_is_dropped(self):
        """EXIF data (camera, GPS) does not survive re-encoding."""
        image = Image.new("RGB", (20, 20))
        exif = Image.Exif()
        exif[0x010F] = "Camera of a reporter"
        output = io.BytesIO()
        image.save(output, format="JPEG", exif=exif)
        clean = clean_image(upload("gps.jpg", output.getvalue()))
        self.assertNotIn(b"Camera of a reporter", clean.content)


class ModelImageFieldTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article()

    def test_photo_field_refuses_polyglot_html(self):
        """ArticlePhoto.image uses the same validator: an .html file is refused."""
        photo = ArticlePhoto(
            article=self.article, alt_text="x", image=upload("a.html", image_bytes("GIF"))
        )
        with self.assertRaises(ValidationError) as caught:
            photo.full_clean()
        self.assertIn("image", caught.exception.message_dict)

    def test_photo_is_stored_reencoded(self):
        """A polyglot GIF saved as an ArticlePhoto is stored without its trailing script."""
        photo = ArticlePhoto(
            article=self.article, alt_text="x", image=upload("p.gif", image_bytes("GIF") + SCRIPT)
        )
        photo.full_clean()
        photo.save()
        with photo.image.open("rb") as stored:
            self.assertNotIn(b"<script", stored.read())

    def test_existing_file_is_not_revalidated(self):
        """Saving a row again does not re-read its stored image."""
        photo = ArticlePhoto(
            article=self.article, alt_text="x", image=upload("p.png", image_bytes())
        )
        photo.save()
        photo.image.storage.delete(photo.image.name)
        photo.full_clean()  # a missing or legacy file must not block editing the caption


class AltTextTests(SimpleTestCase):
    def test_images_missing_alt(self):
        """Body images with no alt or a blank alt are named by place and file name."""
        html = (
            '<p><img src="/media/editor/1/a.jpg" alt="Toàn cảnh hội nghị"></p>'
            '<figure class="image"><img src="/media/editor/1/b%C3%A1o.png">'
            "<figcaption>x</figcaption></figure>"
            '<img src="https://example.org/x/c.gif" alt="   "/>'
            '<img src="/media/d.webp" alt>'
        )
        self.assertEqual(
            images_without_alt(Article(body=html)),
            [
                "ảnh thứ 2 trong “Nội dung” (báo.png)",
                "ảnh thứ 3 trong “Nội dung” (c.gif)",
                "ảnh thứ 4 trong “Nội dung” (d.webp)",
            ],
        )

    def test_no_images(self):
        """Text without images has nothing missing."""
        self.assertEqual(images_without_alt(Article(body="<p>Chỉ có chữ</p>")), [])
        self.assertEqual(images_without_alt(Article(body="")), [])


class AltTextProblemsTests(TestCase):
    def test_body_and_cover_are_checked(self):
        """The message names the body image and the cover image without alt."""
        article = make_article(body='<p><img src="/media/editor/1/abc.jpg"></p>')
        article.cover_image.name = "news/cover123.jpg"
        problems = alt_text_problems(article)
        self.assertEqual(len(problems), 1)
        self.assertIn("abc.jpg", problems[0])
        self.assertIn("cover123.jpg", problems[0])

    def test_no_problem_when_alt_present(self):
        """Alt text everywhere: nothing blocks publication."""
        article = make_article(
            body='<p><img src="/media/x.jpg" alt="Ảnh"></p>', cover_alt="Ảnh bìa"
        )
        article.cover_image.name = "news/cover.jpg"
        self.assertEqual(alt_text_problems(article), [])


class AltTextBlocksPublishingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.approver = User.objects.create_superuser("duyet", password="pw")
        cls.article = make_article(
            status=Status.REVIEW,
            published_at=None,
            body='<p>Tin</p><p><img src="/media/editor/1/hoi-nghi.jpg"></p>',
        )

    def setUp(self):
        self.client.force_login(self.approver)

    def test_admin_refuses_and_names_the_image(self):
        """Publishing from the admin form is refused with the file name; nothing changes."""
        url = reverse("admin:news_article_change", args=[self.article.pk])
        data = form_data(self.client.get(url), "article_form")
        data["status"] = Status.PUBLISHED
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "hoi-nghi.jpg")
        self.assertContains(response, "mô tả ảnh (alt)")
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, Status.REVIEW)

    def test_admin_publishes_once_alt_is_written(self):
        """With alt text on the image the same publication goes through."""
        url = reverse("admin:news_article_change", args=[self.article.pk])
        data = form_data(self.client.get(url), "article_form")
        data["status"] = Status.PUBLISHED
        data["body"] = '<p>Tin</p><p><img alt="Toàn cảnh" src="/media/editor/1/hoi-nghi.jpg"></p>'
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, Status.PUBLISHED)

    def test_workflow_service_refuses(self):
        """The publish service (also used by bulk actions) refuses for the same reason."""
        with self.assertRaisesMessage(TransitionRefused, "hoi-nghi.jpg"):
            item_publish(item=self.article, user=self.approver)
        self.article.refresh_from_db()
        self.assertEqual(self.article.status, Status.REVIEW)


class AdminImageUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("quantri", password="pw")
        cls.category = make_category()

    def setUp(self):
        self.client.force_login(self.admin)

    def post_with_cover(self, cover):
        url = reverse("admin:news_article_add")
        data = form_data(self.client.get(url), "article_form")
        data.update(
            title="Bài có ảnh đại diện",
            category=str(self.category.pk),
            lead="Sapo.",
            body="<p>Nội dung.</p>",
            cover_alt="Ảnh đại diện",
            cover_image=cover,
        )
        return self.client.post(url, data)

    def stored_files(self):
        media = Path(settings.MEDIA_ROOT)
        return [p for p in media.rglob("*") if p.is_file()]

    def test_cover_refusals_leave_no_file(self):
        """A bomb, a 144-MP PNG and a polyglot .html are refused as cover; nothing is stored."""
        for name, content in [
            ("bomb.png", png_header_only(30000, 30000)),
            ("big.png", png_header_only(12000, 12000)),
            ("poly.html", image_bytes("GIF") + SCRIPT),
        ]:
            with self.subTest(name=name):
                response = self.post_with_cover(upload(name, content))
                self.assertEqual(response.status_code, 200)
                self.assertTrue(response.context["adminform"].form.errors.get("cover_image"))
                self.assertFalse(Article.objects.exists())
                self.assertEqual(self.stored_files(), [])

    def test_cover_is_stored_reencoded(self):
        """A polyglot GIF accepted as cover is stored without the script bytes."""
        response = self.post_with_cover(upload("cover.gif", image_bytes("GIF") + SCRIPT))
        self.assertEqual(response.status_code, 302)
        [stored] = self.stored_files()
        self.assertNotIn(b"<script", stored.read_bytes())
