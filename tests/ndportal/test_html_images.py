"""The sanitiser's tidy step for images (ndportal/html.py): placeholder captions, lost sources."""

from django.test import TestCase

from ndportal.html import sanitize_html
from tests.factories import make_article

PHOTO = '<img alt="Quang cảnh hội nghị" src="/media/editor/1/anh.jpg" width="400">'


class CaptionPlaceholderTests(TestCase):
    def test_ckeditor_placeholder_caption_is_stored_as_no_caption(self):
        """A caption still reading CKEditor's 'Nhãn' is dropped, and the figure with it."""
        html = f'<figure class="image">{PHOTO}<figcaption>Nhãn</figcaption></figure><p>Sau</p>'
        self.assertEqual(sanitize_html(html), f"{PHOTO}<p>Sau</p>")

    def test_our_placeholder_and_empty_captions_are_dropped(self):
        """Our own placeholder, an empty caption and one of spaces all mean no caption."""
        for caption in ["Chú thích ảnh (để trống nếu không cần)", "", "  ", "<br>", "Caption"]:
            with self.subTest(caption=caption):
                html = f'<figure class="image">{PHOTO}<figcaption>{caption}</figcaption></figure>'
                self.assertEqual(sanitize_html(html), PHOTO)

    def test_alignment_moves_to_the_image_as_image2_writes_it(self):
        """A right-aligned figure becomes an aligned image; a centred one a centred paragraph."""
        right = f'<figure class="image image-right">{PHOTO}<figcaption>Nhãn</figcaption></figure>'
        centre = f'<figure class="image image-center">{PHOTO}<figcaption></figcaption></figure>'
        self.assertEqual(
            sanitize_html(right),
            '<img alt="Quang cảnh hội nghị" src="/media/editor/1/anh.jpg" width="400" '
            'class="image-right">',
        )
        self.assertEqual(sanitize_html(centre), f'<p class="image-center">{PHOTO}</p>')

    def test_real_caption_is_kept(self):
        """A caption the editor wrote stays, even one that starts with the placeholder's word."""
        html = (
            f'<figure class="image">{PHOTO}<figcaption>Nhãn hiệu OCOP của tỉnh</figcaption>'
            "</figure>"
        )
        self.assertEqual(sanitize_html(html), html)

    def test_model_save_drops_the_placeholder(self):
        """An article saved with the placeholder caption has no caption in the database."""
        article = make_article(
            body=f'<figure class="image">{PHOTO}<figcaption>Nhãn</figcaption></figure>'
        )
        article.refresh_from_db()
        self.assertNotIn("figcaption", article.body)
        self.assertIn("/media/editor/1/anh.jpg", article.body)


class LostImageSourceTests(TestCase):
    def test_local_file_image_from_word_is_not_kept_broken(self):
        """`<img src="file:///C:/...">` pasted from Word is removed, not kept without a source."""
        html = (
            '<p>Trước<img src="file:///C:/Users/bt/AppData/Local/Temp/msohtmlclip1/01/'
            'clip_image002.jpg" width="300">sau</p>'
        )
        self.assertEqual(sanitize_html(html), "<p>Trướcsau</p>")

    def test_data_uri_image_is_not_stored(self):
        """A data URI image never reaches the database, not even as an empty <img>."""
        html = '<p>Ảnh:</p><p><img alt="x" src="data:image/png;base64,iVBORw0KGgo="></p>'
        self.assertNotIn("img", sanitize_html(html))

    def test_a_figure_whose_image_was_removed_keeps_its_caption_text(self):
        """The caption of a removed image stays readable as text; nothing else is lost."""
        caption = "<figcaption>Ảnh tư liệu</figcaption></figure>"
        html = f'<figure class="image"><img src="file:///C:/a.jpg">{caption}'
        self.assertEqual(sanitize_html(html), f'<figure class="image">{caption}')
