"""Responsive renditions of uploaded images (ndportal/renditions.py, ndportal/tasks.py)."""

import io
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from PIL import Image

from ndportal.publishing import Status
from ndportal.renditions import widths_for
from ndportal.tasks import build_renditions
from news.models import Article, ArticlePhoto
from resolutions.models import ConferencePhoto
from tests.factories import make_article, make_conference
from tests.image_files import image_bytes, upload


def on_disk(name):
    return (Path(settings.MEDIA_ROOT) / name).exists()


def turned_jpeg(size=(60, 40)):
    """A JPEG whose EXIF says "turn 90°": shown (and stored) 40 wide and 60 high."""
    exif = Image.Exif()
    exif[0x0112] = 6
    output = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(output, format="JPEG", exif=exif)
    return output.getvalue()


class RenditionTaskTests(TestCase):
    def save_cover(self, article, content, name="anh.png"):
        with self.captureOnCommitCallbacks(execute=True):
            article.cover_image = upload(name, content)
            article.cover_alt = "Quang cảnh hội nghị"
            article.save()
        article.refresh_from_db()
        return article

    def test_upload_records_size_and_worker_makes_webp_and_jpeg_per_width(self):
        """A new cover gets its size on save and, after the commit, WebP and JPEG copies."""
        article = self.save_cover(make_article(), image_bytes("PNG", size=(1000, 500)))
        self.assertEqual((article.cover_width, article.cover_height), (1000, 500))
        name = article.cover_image.name
        self.assertEqual(
            article.cover_renditions, {"source": name, "widths": [320, 480, 720, 960, 1000]}
        )
        stem = name.rsplit(".", 1)[0]
        for width in (320, 480, 720, 960, 1000):
            for extension, pil_format in (("webp", "WEBP"), ("jpg", "JPEG")):
                path = Path(settings.MEDIA_ROOT) / f"{stem}_w{width}.{extension}"
                with Image.open(path) as copy:
                    self.assertEqual(copy.format, pil_format)
                    self.assertEqual(copy.size, (width, width // 2))

    def test_never_wider_than_the_original(self):
        """A small image gets one copy at its own width; a large one stops at 1280."""
        self.assertEqual(widths_for(200), [200])
        self.assertEqual(widths_for(4000), [320, 480, 720, 960, 1280])

    def test_exif_turned_photo_is_measured_upright(self):
        """A phone photo turned by EXIF is stored upright and measured so (no swapped size)."""
        article = make_article()
        article.cover_image = upload("dien-thoai.jpg", turned_jpeg(), content_type="image/jpeg")
        article.cover_alt = "Ảnh chụp bằng điện thoại"
        article.save()  # measured on save, before the worker runs
        article.refresh_from_db()
        self.assertEqual((article.cover_width, article.cover_height), (40, 60))
        with Image.open(article.cover_image.path) as stored:
            self.assertEqual(stored.size, (40, 60))

    def test_animated_image_keeps_the_original_only(self):
        """An animated GIF gets no still copies: pages show the original."""
        article = self.save_cover(
            make_article(), image_bytes("GIF", size=(400, 300), frames=3), name="dong.gif"
        )
        self.assertEqual(article.cover_renditions["widths"], [])
        stem = article.cover_image.name.rsplit(".", 1)[0]
        self.assertFalse(on_disk(f"{stem}_w320.webp"))

    def test_replaced_image_is_not_given_the_old_ones_copies(self):
        """A task for a file the row no longer holds does nothing."""
        article = self.save_cover(make_article(), image_bytes("PNG", size=(700, 400)))
        old_name = article.cover_image.name
        Article.objects.filter(pk=article.pk).update(cover_renditions={})
        result = build_renditions.call(Article._meta.label, article.pk, "cover_image", "news/x.png")
        self.assertEqual(result, "gone")
        article.refresh_from_db()
        self.assertEqual(article.cover_renditions, {})
        self.assertTrue(on_disk(old_name))

    def test_photos_of_articles_and_conferences_get_renditions(self):
        """Gallery photos of both kinds are measured and copied like covers."""
        article, conference = make_article(), make_conference()
        with self.captureOnCommitCallbacks(execute=True):
            ArticlePhoto.objects.create(
                article=article, image=upload("a.png", image_bytes("PNG", (800, 600))), alt_text="a"
            )
            photo = ConferencePhoto(conference=conference, alt_text="b")
            photo.image.save("b.png", ContentFile(image_bytes("PNG", (900, 600))), save=True)
        for row in (ArticlePhoto.objects.get(), ConferencePhoto.objects.get()):
            with self.subTest(type(row).__name__):
                self.assertTrue(row.width and row.height)
                self.assertEqual(row.renditions["source"], row.image.name)
                self.assertTrue(row.renditions["widths"])

    def test_command_rebuilds_missing_renditions(self):
        """build_renditions --missing --now makes copies for images stored before them."""
        article = make_article()
        article.cover_image.save("cu.png", ContentFile(image_bytes("PNG", (500, 300))), save=False)
        Article.objects.filter(pk=article.pk).update(cover_image=article.cover_image.name)
        out = io.StringIO()
        call_command("build_renditions", "--missing", "--now", stdout=out)
        article.refresh_from_db()
        self.assertEqual(article.cover_renditions["widths"], [320, 480, 500])
        self.assertIn("1 ảnh", out.getvalue())
        out = io.StringIO()
        call_command("build_renditions", "--missing", "--now", stdout=out)
        self.assertIn("0 ảnh", out.getvalue())

    def test_orphan_report_counts_renditions_with_their_image(self):
        """The copies of a referenced image are not reported as orphans."""
        self.save_cover(make_article(), image_bytes("PNG", size=(700, 400)))
        out = io.StringIO()
        call_command("report_orphan_files", stdout=out)
        self.assertIn("0 tệp không còn dòng nào tham chiếu", out.getvalue())


@override_settings(PAGE_CACHE_SECONDS=0)
class PictureMarkupTests(TestCase):
    def test_article_page_serves_srcset_with_size(self):
        """Once made, the cover is a <picture> with WebP and JPEG srcsets, width and height."""
        article = make_article()
        with self.captureOnCommitCallbacks(execute=True):
            article.cover_image = upload("anh.png", image_bytes("PNG", size=(1000, 500)))
            article.cover_alt = "Quang cảnh"
            article.save()
        stem = Article.objects.get().cover_image.name.rsplit(".", 1)[0]
        response = self.client.get(article.get_absolute_url())
        self.assertContains(response, '<source type="image/webp"')
        self.assertContains(response, f"/media/{stem}_w720.webp 720w")
        self.assertContains(response, f"/media/{stem}_w960.jpg 960w")
        self.assertContains(response, 'width="1000" height="500"')
        self.assertContains(response, 'fetchpriority="high"')

    def test_original_with_size_until_renditions_exist(self):
        """Before the worker has run, the page shows the original, still with its size."""
        article = make_article()
        article.cover_image = upload("anh.png", image_bytes("PNG", size=(600, 300)))
        article.cover_alt = "Quang cảnh"
        article.save()  # no commit callbacks: the task has not run
        response = self.client.get(article.get_absolute_url())
        self.assertNotContains(response, "srcset")
        self.assertContains(response, f'src="/media/{article.cover_image.name}"')
        self.assertContains(response, 'width="600" height="300"')

    def test_renditions_of_a_draft_are_not_shown_to_readers(self):
        """A draft's page is a 404: its images, copies included, appear on no public page."""
        article = make_article(status=Status.DRAFT, published_at=None)
        with self.captureOnCommitCallbacks(execute=True):
            article.cover_image = upload("anh.png", image_bytes("PNG", size=(700, 400)))
            article.cover_alt = "Quang cảnh"
            article.save()
        stem = Article.objects.get().cover_image.name.rsplit(".", 1)[0]
        self.assertEqual(self.client.get(article.get_absolute_url()).status_code, 404)
        for url in (reverse("home"), reverse("news:article-list")):
            with self.subTest(url):
                self.assertNotContains(self.client.get(url), stem)

    def test_conference_gallery_is_lazy_pictures(self):
        """Conference photos are lazy <picture>s with their size."""
        conference = make_conference()
        with self.captureOnCommitCallbacks(execute=True):
            photo = ConferencePhoto(conference=conference, alt_text="Đại biểu dự hội nghị")
            photo.image.save("b.png", ContentFile(image_bytes("PNG", (900, 600))), save=True)
        response = self.client.get(conference.get_absolute_url())
        self.assertContains(response, 'width="900" height="600"')
        self.assertContains(response, 'loading="lazy"')
        self.assertContains(response, "image/webp")

    def test_missing_file_without_size_is_still_a_page(self):
        """A row naming a file that is gone (and no size) renders, without a size."""
        article = make_article()
        Article.objects.filter(pk=article.pk).update(cover_image="news/mat.png", cover_alt="Ảnh")
        response = self.client.get(article.get_absolute_url())
        self.assertContains(response, 'src="/media/news/mat.png"')
        self.assertNotContains(response, "srcset")

    def test_share_image_is_the_largest_jpeg_rendition(self):
        """og:image names the 1280 px JPEG copy rather than the original upload."""
        article = make_article()
        with self.captureOnCommitCallbacks(execute=True):
            article.cover_image = upload("anh.png", image_bytes("PNG", size=(2000, 1000)))
            article.cover_alt = "Quang cảnh"
            article.save()
        stem = Article.objects.get().cover_image.name.rsplit(".", 1)[0]
        response = self.client.get(article.get_absolute_url())
        self.assertContains(
            response,
            f'<meta property="og:image" content="http://testserver/media/{stem}_w1280.jpg">',
        )
