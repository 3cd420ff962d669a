"""The publication rule on images: every image a reader sees has a description (alt text).

An item cannot be published while one of its images (in a rich-text field, the cover,
a gallery photo) has no alt text; `Publishable.publication_problems` asks here.
"""

from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.utils.text import capfirst

from ndportal.html import SanitizedHTMLField


class _ImageCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


# A batch upload cannot know what each photo shows. It stores this marker so the
# gallery can be saved at once, and the publication check counts the photo as having
# no alt text until an editor writes one.
PENDING_ALT_PREFIX = "[Chưa mô tả]"


def pending_alt(number):
    """The marked alt text a batch upload gives photo `number` of a gallery."""
    return f"{PENDING_ALT_PREFIX} ảnh số {number}"


def lacks_alt(text):
    """True for a blank alt text or one still carrying the batch upload's marker."""
    text = (text or "").strip()
    return not text or text.startswith(PENDING_ALT_PREFIX)


def _images(html):
    collector = _ImageCollector()
    collector.feed(html or "")
    collector.close()
    return collector.images


def _file_name(attrs):
    src = attrs.get("src") or ""
    return unquote(PurePosixPath(urlsplit(src).path).name) or src or "ảnh không tên"


def images_without_alt(instance):
    """The images of `instance` that have no alt text, named the way an editor finds them.

    Stored file names are random, so images are named by place first ("ảnh thứ 2 trong
    “Nội dung”", "ảnh đại diện") and gallery photos by number and caption ("ảnh số 3:
    Đồng chí Bí thư phát biểu"), the number being the one shown on the public page.
    """
    missing = []
    for field in instance._meta.concrete_fields:
        if isinstance(field, SanitizedHTMLField):
            images = _images(getattr(instance, field.attname))
            missing += [
                f"ảnh thứ {number} trong “{capfirst(field.verbose_name)}” ({_file_name(attrs)})"
                for number, attrs in enumerate(images, start=1)
                if lacks_alt(attrs.get("alt"))
            ]
    cover = getattr(instance, "cover_image", None)
    if cover and lacks_alt(getattr(instance, "cover_alt", "")):
        missing.append(f"ảnh đại diện ({PurePosixPath(cover.name).name})")
    # Gallery photos (a `photos` relation with alt_text and caption): news and conferences.
    photos = getattr(instance, "photos", None) if instance.pk else None
    if photos is not None:
        missing += [
            f"ảnh số {number}" + (f": {photo.caption}" if photo.caption else "")
            for number, photo in enumerate(photos.all(), start=1)
            if lacks_alt(photo.alt_text)
        ]
    return missing


def alt_text_problems(instance):
    """Messages that keep `instance` from being published because of missing alt text."""
    missing = images_without_alt(instance)
    if not missing:
        return []
    return [
        "các ảnh sau chưa có mô tả ảnh (alt): "
        + "; ".join(missing)
        + ". Nhấp đúp vào ảnh trong trình soạn thảo để điền “Mô tả ảnh (alt)”; với ảnh "
        "đại diện và ảnh trong bảng ảnh, điền ô “mô tả ảnh (alt)” rồi bấm Lưu trước khi "
        "xuất bản."
    ]
