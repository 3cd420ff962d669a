"""Images pasted into rich text from Word: stored like uploads, or refused by name.

Word hands the browser its pictures as `file:///C:/.../clip_image002.jpg` (a file on
the editor's computer, which no reader can open) or as `data:` URIs of up to several
megabytes. CKEditor's uploadimage usually sends a data URI to the upload view
(ndportal/uploads.py) as the editor pastes; what still arrives in a form is handled
here, before the sanitiser (ndportal/html.py) would silently drop the image. A data URI
becomes an editor upload, through the one image validator (ndportal/images.py); a
local file, or an image that cannot be decoded or validated, is a form error naming
the image, so the editor knows which one to insert again.
"""

import base64
import binascii
import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import lxml.html
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat

from ndportal.images import ALLOWED_EXTENSIONS_TEXT, clean_image
from ndportal.uploads import random_name

DATA_URI = re.compile(r"data:(?P<type>[\w.+-]+/[\w.+-]+)?(?P<params>(?:;[^,;]*)*),", re.IGNORECASE)
EXTENSION_BY_TYPE = {
    "image/jpeg": "jpg",
    "image/jpg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
}
# Sources that only exist on the editor's computer or in their browser tab.
LOCAL_SCHEMES = {"file", "blob", "cid", "webkit-fake-url"}


def store_pasted_images(html, *, user):
    """Return `html` with every data-URI image stored as an editor upload of `user`.

    Raises ValidationError with one message per image that cannot be kept (a local
    file, an unreadable or refused data URI); nothing is stored then.
    """
    if not html or ("data:" not in html and ":/" not in html and "blob:" not in html):
        return html
    sources = _image_sources(html)
    errors, stored = [], {}
    for number, (src, alt) in enumerate(sources, start=1):
        name = _describe(number, src, alt)
        if src.lower().startswith("data:"):
            try:
                stored[src] = clean_image(_decode(src, number))
            except ValidationError as error:
                errors.append(f"{name}: {' '.join(error.messages)}")
        elif urlsplit(src).scheme.lower() in LOCAL_SCHEMES:
            errors.append(
                f"{name} là tệp trên máy của bạn, người đọc không mở được. Hãy xóa ảnh đó "
                "khỏi nội dung rồi chèn lại bằng nút Ảnh › Tải lên (hoặc kéo thả tệp ảnh "
                "vào khung soạn thảo)."
            )
    if errors:
        raise ValidationError(
            [
                "Có ảnh dán vào nội dung (thường là từ Word) không lưu được, nên bài CHƯA được "
                "lưu:",
                *errors,
            ],
            code="pasted_image",
        )
    for src, image in stored.items():
        path = default_storage.save(
            random_name(f"editor/{user.pk}", f".{image.extension}"), ContentFile(image.content)
        )
        html = html.replace(src, default_storage.url(path))
    return html


def _image_sources(html):
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return [(img.get("src", "").strip(), img.get("alt", "")) for img in root.iter("img")]


def _describe(number, src, alt):
    """'Ảnh thứ 2 (“clip_image002.jpg”)': its place in the text and what the editor sees."""
    label = alt.strip()
    if not label and not src.lower().startswith("data:"):
        label = PurePosixPath(unquote(urlsplit(src).path).replace("\\", "/")).name
    return f"Ảnh thứ {number} (“{label[:80]}”)" if label else f"Ảnh thứ {number}"


def _decode(src, number):
    header = DATA_URI.match(src)
    mime = (header and header.group("type") or "").lower()
    extension = EXTENSION_BY_TYPE.get(mime)
    if header is None or "base64" not in header.group("params").lower() or extension is None:
        raise ValidationError(
            f"ảnh dạng “{mime or 'không rõ'}” không dùng được; chỉ nhận {ALLOWED_EXTENSIONS_TEXT}."
        )
    payload = src[header.end() :]
    # Checked on the encoded text, before anything is decoded: base64 is 4/3 the size.
    if len(payload) > settings.IMAGE_MAX_SIZE * 4 // 3 + 4:
        raise ValidationError(f"ảnh vượt giới hạn {filesizeformat(settings.IMAGE_MAX_SIZE)}.")
    try:
        content = base64.b64decode(re.sub(r"\s+", "", unquote(payload)), validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValidationError("dữ liệu ảnh bị hỏng.") from error
    return ContentFile(content, name=f"anh-dan-{number}.{extension}")
