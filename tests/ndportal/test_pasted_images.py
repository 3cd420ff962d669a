"""Images pasted from Word into rich text (ndportal/pasted_images.py), through the admin."""

import base64
import re

from django.contrib.auth.models import User
from django.core.files.storage import default_storage
from django.test import TestCase, override_settings
from django.urls import reverse
from PIL import Image

from news.models import Article
from tests.admin_forms import form_data
from tests.factories import make_category
from tests.image_files import image_bytes
from tests.word_html import PICTURE, WORD_HTML


def data_uri(content, mime="image/png"):
    return f"data:{mime};base64,{base64.b64encode(content).decode()}"


class PastedImageAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_superuser("quantri", "qt@example.vn", "x")
        cls.category = make_category(name="Thời sự", slug="thoi-su")

    def setUp(self):
        self.client.force_login(self.user)

    def post_article(self, body, title="Hội nghị quán triệt Nghị quyết 01-NQ/TU"):
        url = reverse("admin:news_article_add")
        data = form_data(self.client.get(url), "article_form")
        data.update(title=title, category=str(self.category.pk), lead="Sapo.", body=body)
        return self.client.post(url, data)

    def test_word_picture_on_the_editors_computer_is_refused_by_name(self):
        """Word's file:///…/clip_image002.jpg is a form error naming the image; nothing saved."""
        response = self.post_article(WORD_HTML)

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Ảnh thứ 1 (“clip_image002.jpg”) là tệp trên máy của bạn")
        self.assertFalse(Article.objects.exists())

    def test_word_text_keeps_paragraphs_emphasis_lists_tables_and_drops_fonts(self):
        """Real Word HTML without its picture: structure kept, fonts, colours and classes gone."""
        self.post_article(WORD_HTML.replace(PICTURE, "").replace("<img", "<span"))

        body = Article.objects.get().body
        for kept in ["<b>Hội nghị quán triệt</b>", "<i>số 01-NQ/TU</i>", "<ul>", "<li>",
                     "<table>", "<td>", 'style="text-align:justify"']:  # fmt: skip
            self.assertIn(kept, body)
        for dropped in ["font-family", "font-size", "color", "Mso", "mso-", "<o:p", "<style"]:
            self.assertNotIn(dropped, body)

    def test_data_uri_image_is_stored_as_an_upload(self):
        """A pasted data-URI PNG is validated, stored under editor/<user>/ and linked."""
        response = self.post_article(
            f'<p>Ảnh:</p><p><img alt="Quang cảnh" src="{data_uri(image_bytes())}"></p>'
        )

        self.assertEqual(response.status_code, 302)
        body = Article.objects.get().body
        self.assertNotIn("data:", body)
        src = re.search(r'src="([^"]+)"', body).group(1)
        self.assertRegex(src, rf"^/media/editor/{self.user.pk}/[0-9a-f]{{32}}\.png$")
        with default_storage.open(src.removeprefix("/media/")) as stored:
            self.assertEqual(Image.open(stored).size, (40, 30))

    def test_data_uri_of_a_refused_type_is_named(self):
        """An SVG (or Word's WMF) data URI is refused, naming the image and the allowed types."""
        svg = data_uri(b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml")
        response = self.post_article(f'<p><img alt="Sơ đồ" src="{svg}"></p>')

        self.assertContains(response, "Ảnh thứ 1 (“Sơ đồ”): ảnh dạng “image/svg+xml”")
        self.assertFalse(Article.objects.exists())

    def test_data_uri_that_is_not_the_image_it_claims_is_refused(self):
        """Bytes that are not a PNG, labelled image/png, get the image validator's message."""
        response = self.post_article(f'<p><img src="{data_uri(b"GIF89a...")}"></p>')

        self.assertContains(response, "Ảnh thứ 1: Tệp không phải là ảnh hợp lệ hoặc đã bị hỏng.")
        self.assertFalse(Article.objects.exists())

    @override_settings(IMAGE_MAX_SIZE=1000)
    def test_oversized_data_uri_is_refused_before_decoding(self):
        """A data URI beyond the image size cap is refused from its length."""
        big = data_uri(image_bytes(size=(400, 400), colour=(1, 2, 3)) + b"\0" * 2000)
        response = self.post_article(f'<p><img alt="Ảnh lớn" src="{big}"></p>')

        self.assertContains(response, "Ảnh thứ 1 (“Ảnh lớn”): ảnh vượt giới hạn")
        self.assertFalse(Article.objects.exists())
