"""Files chosen in an admin form survive a form error (ndportal/kept_uploads.py)."""

import datetime
import os
import re
import time

import time_machine
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import TestCase
from django.urls import reverse
from PIL import Image

from ndportal import kept_uploads
from news.models import Article
from resolutions.models import DocumentFile
from tests.admin_forms import form_data
from tests.document_files import pdf_bytes, upload
from tests.factories import make_category, make_document
from tests.image_files import image_bytes

KEPT = re.compile(r'name="([\w-]+__kept)" value="([^"]+)"')


class KeptUploadsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_superuser("quantri", "qt@example.vn", "x")
        cls.category = make_category(name="Thời sự", slug="thoi-su")

    def setUp(self):
        self.client.force_login(self.user)


class ArticleKeptUploadsTests(KeptUploadsTestCase):
    url = reverse("admin:news_article_add")

    def first_try(self, **overrides):
        """An article with a cover and a photo, posted without its category: a form error."""
        data = form_data(self.client.get(self.url), "article_form")
        data.update(
            title="Hội nghị quán triệt",
            lead="Sapo.",
            body="<p>Nội dung.</p>",
            cover_image=upload("anh-bia.png", image_bytes()),
            cover_alt="Quang cảnh hội nghị",
            **{
                "photos-TOTAL_FORMS": "1",
                "photos-0-image": upload("dai-bieu.jpg", image_bytes("JPEG")),
                "photos-0-alt_text": "Đại biểu dự hội nghị",
                "photos-0-order": "0",
            },
        )
        data.update(overrides)
        return self.client.post(self.url, data)

    def test_files_of_a_refused_form_are_shown_as_attached(self):
        """After a form error the cover and the photo read 'Đã đính kèm …', with a token each."""
        response = self.first_try()

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Đã đính kèm “anh-bia.png” từ lần lưu trước")
        self.assertContains(response, "Đã đính kèm “dai-bieu.jpg” từ lần lưu trước")
        self.assertEqual(
            sorted(name for name, _ in KEPT.findall(response.content.decode())),
            ["cover_image__kept", "photos-0-image__kept"],
        )
        self.assertFalse(Article.objects.exists())

    def test_posting_back_without_choosing_again_saves_the_files(self):
        """The editor fixes the error and saves: both images are stored, re-encoded, linked."""
        response = self.first_try()
        data = form_data(response, "article_form")
        data["category"] = str(self.category.pk)

        response = self.client.post(self.url, data)

        self.assertEqual(response.status_code, 302)
        article = Article.objects.get()
        self.assertRegex(article.cover_image.name, r"^news/[0-9a-f]{32}\.png$")
        photo = article.photos.get()
        self.assertRegex(photo.image.name, r"^news/[0-9a-f]{32}\.jpg$")
        with photo.image.open() as stored:
            self.assertEqual(Image.open(stored).format, "JPEG")

    def test_a_refused_file_is_not_kept(self):
        """A cover that fails the image check gets its error and no token: choose another."""
        response = self.first_try(cover_image=upload("anh-bia.png", b"<html>not an image"))

        self.assertContains(response, "errors field-cover_image")
        names = [name for name, _ in KEPT.findall(response.content.decode())]
        self.assertEqual(names, ["photos-0-image__kept"])

    def test_forged_token_is_ignored(self):
        """A token that is not ours attaches nothing: the photo is asked for again."""
        data = form_data(self.first_try(), "article_form")
        data["category"] = str(self.category.pk)
        data["photos-0-image__kept"] = data["photos-0-image__kept"][:-2] + "xx"

        response = self.client.post(self.url, data)

        self.assertContains(response, "Trường này là bắt buộc.")  # the photo, asked again
        self.assertNotContains(response, "Đã đính kèm “dai-bieu.jpg”")
        self.assertFalse(Article.objects.exists())

    def test_token_older_than_a_day_is_ignored(self):
        """A day later the kept files are gone for the form: nothing is attached."""
        data = form_data(self.first_try(), "article_form")
        data["category"] = str(self.category.pk)
        with time_machine.travel(datetime.timedelta(days=1, minutes=1)):
            self.client.force_login(self.user)  # the staff session has expired by then
            response = self.client.post(self.url, data)

        self.assertContains(response, "Trường này là bắt buộc.")  # the photo, asked again
        self.assertNotContains(response, "Đã đính kèm")
        self.assertFalse(Article.objects.exists())


class DocumentFileKeptTests(KeptUploadsTestCase):
    def test_document_file_is_kept_with_its_original_name(self):
        """A signed PDF chosen beside a form error is saved on the next try, name and type kept."""
        document = make_document(number="01-NQ/TU")
        url = reverse("admin:resolutions_document_change", args=[document.pk])
        data = form_data(self.client.get(url), "document_form")
        data.update(
            {
                "issued_on": "",  # required: the form comes back
                "files-TOTAL_FORMS": "1",
                "files-0-title": "Bản ký",
                "files-0-order": "0",
                "files-0-document": document.pk,
                "files-0-file": upload("ban-ky.pdf", pdf_bytes()),
            }
        )
        response = self.client.post(url, data)
        self.assertContains(response, "Đã đính kèm “ban-ky.pdf”")

        data = form_data(response, "document_form")
        data["issued_on"] = "30/07/2021"
        self.assertEqual(self.client.post(url, data).status_code, 302)

        stored = DocumentFile.objects.get()
        self.assertEqual((stored.original_name, stored.kind), ("ban-ky.pdf", "pdf"))


class ExpiryTests(TestCase):
    def test_keeping_a_file_deletes_the_expired_ones(self):
        """Temporary files older than a day go when another file is kept; newer ones stay."""
        old = default_storage.save("tmp/uploads/" + "a" * 32 + ".png", ContentFile(b"old"))
        recent = default_storage.save("tmp/uploads/" + "b" * 32 + ".png", ContentFile(b"new"))
        two_days_ago = time.time() - 2 * 24 * 3600
        os.utime(default_storage.path(old), (two_days_ago, two_days_ago))

        kept_uploads.keep(upload("anh.png", image_bytes()))

        self.assertFalse(default_storage.exists(old))
        self.assertTrue(default_storage.exists(recent))
