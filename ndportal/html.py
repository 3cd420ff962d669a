"""The one HTML sanitiser of the portal and the model field that applies it.

Rich text arrives from CKEditor 4.22, which has unfixed CVEs, and any staff user can
post raw HTML past it. So every rich-text value is cleaned with nh3 on its way into
the database (get_prep_value also covers QuerySet.update and loaddata).
"""

import re
from urllib.parse import unquote, urlsplit

import lxml.html
import nh3
from django.conf import settings
from django.db import models

from ndportal.text import nfc

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s",
    "sub", "sup", "blockquote", "ul", "ol", "li", "a", "img", "figure", "figcaption",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "span", "div",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"style"},
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start"},
}
ALLOWED_STYLE_PROPERTIES = {"text-align", "width", "height", "float", "margin-left"}
# Each allowed property, with the values that cannot hide text, move it off the page or
# lay it over other text: no negative or huge margins, no zero sizes, no position, no
# display, no colour (docs/security.md §19). CKEditor's justify, indent (40 px
# steps) and image2 sizes all fit.
_LENGTH = r"(?:[1-9]\d{0,3}(?:\.\d+)?|0\.\d*[1-9]\d*)(?:px|em|rem|%)"
STYLE_VALUES = {
    "text-align": re.compile(r"(?:left|right|center|justify|start|end)"),
    "float": re.compile(r"(?:left|right|none)"),
    "width": re.compile(rf"(?:auto|{_LENGTH}|[1-9]\d{{0,3}})"),
    "height": re.compile(rf"(?:auto|{_LENGTH}|[1-9]\d{{0,3}})"),
    "margin-left": re.compile(r"(?:0|[1-9]\d{0,2}(?:px|em|rem)|0\.\d+(?:em|rem))"),
}
MAX_STYLE_SIZE = {"px": 2000, "em": 100, "rem": 100, "%": 100, "": 2000}
MAX_MARGIN = {"px": 400, "em": 25, "rem": 25}
# Image alignment and captions from CKEditor's image2 plugin (CKEDITOR_CONFIGS); any other
# class is dropped, so pasted Word classes never reach the page.
IMAGE_CLASSES = {"image", "image-left", "image-center", "image-right"}
ALLOWED_CLASSES = {"figure": IMAGE_CLASSES, "img": IMAGE_CLASSES, "p": IMAGE_CLASSES}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

_NUMBER_AND_UNIT = re.compile(r"([\d.]+)([a-z%]*)")


def _allowed_style(name, value):
    # nh3 keeps an allowed property whatever its value ("width:expression(...)",
    # "margin-left:-9999px"): every value is matched whole against its property's list.
    pattern = STYLE_VALUES.get(name)
    if pattern is None or not pattern.fullmatch(value):
        return False
    size = _NUMBER_AND_UNIT.fullmatch(value)
    if size is None:
        return True  # a keyword: left, auto...
    number, unit = float(size.group(1)), size.group(2)
    limits = MAX_MARGIN if name == "margin-left" else MAX_STYLE_SIZE
    return number <= limits.get(unit, 0)


def _clean_style(value):
    declarations = []
    for declaration in value.split(";"):
        name, colon, style_value = declaration.partition(":")
        name, style_value = name.strip().lower(), style_value.strip().lower()
        if colon and _allowed_style(name, style_value):
            declarations.append(f"{name}:{style_value}")
    return ";".join(declarations) or None


def own_media_url(value):
    """`value` if it points into this portal's media (relative, or one of our hosts), else None.

    An image from another host is a tracking pixel at best (every reader's address and
    visit sent there) and can change after the approver has seen it.
    """
    url = (value or "").strip()
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        hosts = {host.lower() for host in settings.ALLOWED_HOSTS if host and "*" not in host}
        host = (parts.hostname or "").lower()
        if parts.scheme not in {"http", "https"} or host not in hosts or host.startswith("."):
            return None
    path = unquote(parts.path)  # a browser reads /media/%2e%2e/ as /media/../
    if not path.startswith(settings.MEDIA_URL) or ".." in path or "\\" in url:
        return None
    return url


def _filter_attribute(element, attribute, value):
    if attribute == "style":
        return _clean_style(value)
    if element == "img" and attribute == "src":
        return own_media_url(value)
    return value


# What CKEditor's image2 puts in a new caption (its own Vietnamese and English words, and
# ours from static/ndportal/editor.js): an editor who did not replace it meant no caption.
CAPTION_PLACEHOLDERS = {"", "nhãn", "caption", "chú thích ảnh (để trống nếu không cần)"}
_NEEDS_TIDY = re.compile(r"<figcaption|<img(?![^>]*\ssrc=)")


def sanitize_html(value):
    """Return `value` with only the allowlisted tags, attributes, styles and URL schemes."""
    if not value:
        return ""
    cleaned = _clean(value)
    if _NEEDS_TIDY.search(cleaned):
        # The tidy step works on nh3's output and nh3 has the last word again, so a
        # difference between lxml's and nh3's HTML parsers can never let markup through.
        cleaned = _clean(_tidy_images(cleaned))
    return cleaned


def _tidy_images(value):
    """Drop placeholder captions and images whose source the sanitiser removed.

    A figure left without its caption becomes what image2 writes for an uncaptioned
    image: the alignment class on the image, or on a paragraph around it when centred.
    """
    root = lxml.html.fragment_fromstring(value, create_parent="div")
    for image in root.iter("img"):
        if not image.get("src"):
            # A local file (file:///C:/...), another host or a data URI: the reader
            # would get a broken image, so it is not kept (ndportal/pasted_images.py
            # tells the editor which one in the admin form).
            image.drop_tree()
    for caption in list(root.iter("figcaption")):
        if caption.text_content().strip().casefold() in CAPTION_PLACEHOLDERS:
            caption.drop_tree()
    for figure in list(root.iter("figure")):
        if figure.find(".//figcaption") is not None:
            continue
        images = figure.findall(".//img")
        if len(images) != 1:
            if not images and not figure.text_content().strip():
                figure.drop_tree()
            continue
        image = images[0]
        align = next((c for c in figure.classes if c in IMAGE_CLASSES - {"image"}), None)
        image.tail = None
        if align == "image-center":
            replacement = lxml.html.Element("p", {"class": "image-center"})
            replacement.append(image)
        else:
            replacement = image
            if align:
                image.classes.add(align)
        replacement.tail = figure.tail
        figure.getparent().replace(figure, replacement)
    inner = [root.text or ""]
    inner += [lxml.html.tostring(child, encoding="unicode") for child in root]
    return "".join(inner)


def _clean(value):
    return nh3.clean(
        nfc(value),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        filter_style_properties=ALLOWED_STYLE_PROPERTIES,
        allowed_classes=ALLOWED_CLASSES,
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


class SanitizedHTMLField(models.TextField):
    """A TextField whose value is always sanitised before it reaches the database."""

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        return sanitize_html(super().get_prep_value(value))
